/**
 * A Chinese name is kept in Pinyin in Latin and in Palladius in Russian and Kazakh: "Wang Wei"
 * and "Ван Вэй" are one person, "Heilongjiang" and "Хэйлунцзян" one province. Letter-by-letter
 * romanisation ("van vei") never met the Pinyin; each name is now keyed in both spellings.
 */
import { describe, expect, test } from "vitest";
import { nameKeys, wholeNameKey } from "~db/shared/fold";
import { otherChineseSpelling } from "~db/shared/palladius";

describe("the other system's spelling of a Chinese name", () => {
  test.each([
    ["Ван Вэй", "wang wei"],
    ["Хэйлунцзян", "heilongjiang"],
    ["Си Цзиньпин", "xi jinping"],
    ["Чжан Сюэлян", "zhang xueliang"],
    ["Шэньчжэнь", "shenzhen"],
    ["Цинчжоу", "qingzhou"],
    // Palladius writes a hard sign between an n and a vowel; without it, Хэнань is Henan.
    ["Чанъань", "changan"],
    ["Хэнань", "henan"],
    ["Сиань", "xian"],
    ["Wang Wei", "ван вэй"],
    ["Xi Jinping", "си цзиньпин"],
    ["Guangzhou", "гуанчжоу"],
    ["Xi'an", "сиань"],
    ["Du Jimin", "ду цзиминь"],
  ])("%s → %s", (name, other) => {
    expect(otherChineseSpelling(name)).toBe(other);
  });

  test.each(["Иван Петров", "John Smith", "Anna Lee", "Нұрпейісов Жанат", "Харбин", "Урумчи"])(
    "%s is not Chinese syllables throughout: no other spelling",
    (name) => {
      expect(otherChineseSpelling(name)).toBeNull();
    },
  );

  test("either spelling's whole-name key is among the other's keys", () => {
    expect(nameKeys("Ван Вэй")).toContain(wholeNameKey("Wang Wei"));
    expect(nameKeys("Wang Wei")).toContain(wholeNameKey("Ван Вэй"));
    expect(nameKeys("Heilongjiang")).toContain(wholeNameKey("Хэйлунцзян"));
  });
});
