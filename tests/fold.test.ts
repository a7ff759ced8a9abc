import { describe, expect, test } from "vitest";
import { foldForMatch, matchRange, nameKeys, wholeNameKey } from "~/utils/fold";

describe("folding names to one skeleton", () => {
  test.each([
    ["Нұрпейісов", "nurpeisov"],
    ["Нурпеисов", "nurpeisov"],
    ["НҰРПЕЙІСОВ", "nurpeisov"],
    ["Nurpeisov", "nurpeisov"],
    ["Жанат", "zhanat"],
    ["Zhanat", "zhanat"],
    ["Шайдаров", "shaidarov"],
    ["Shaydarov", "shaidarov"],
    ["Тengrinews", "tengrinews"], // a Cyrillic Т at the start of a Latin word
    ["мәслихат", "maslihat"],
    ["маслихат", "maslihat"],
    ["Ғалым", "galim"],
    ["Қасым", "kasim"],
    ["Өскемен", "oskemen"],
    ["Үрімші", "urimshi"],
    ["Һ", "h"],
    ["Ёлка", "elka"],
    ["Şımkent", "shimkent"],
    ["Äliia", "alia"],
    ["Éric", "eric"],
    ["  Ким,  Алмаз ", "kim almaz"],
  ])("%s → %s", (input, expected) => {
    expect(foldForMatch(input)).toBe(expected);
  });

  test("every Kazakh-specific letter folds to its nearest Russian one", () => {
    const pairs: Array<[string, string]> = [
      ["ә", "а"], ["ғ", "г"], ["қ", "к"], ["ң", "н"], ["ө", "о"], ["ұ", "у"], ["ү", "у"], ["і", "и"], ["ё", "е"], ["й", "и"],
    ];
    for (const [kazakh, russian] of pairs) expect(foldForMatch(`б${kazakh}т`), kazakh).toBe(foldForMatch(`б${russian}т`));
    expect(foldForMatch("һ")).toBe(foldForMatch("х"));
  });
});

describe("name keys", () => {
  test("a name is found by the whole of it, its later words, and its words in any order", () => {
    expect(nameKeys("Жанат Нұрпейісов", "Zhanat Nurpeisov")).toEqual(["zhanat nurpeisov", "nurpeisov", "nurpeisov zhanat"]);
    expect(wholeNameKey("Нурпеисов Жанат")).toBe(wholeNameKey("Zhanat Nurpeisov"));
  });

  test("empty forms add nothing", () => {
    expect(nameKeys(null, "", undefined, " ")).toEqual([]);
  });
});

describe("where a query matches in the text shown", () => {
  test.each([
    ["Жанат Нұрпейісов", "нурпеис", "Нұрпейіс"],
    ["Zhanat Nurpeisov", "НУРП", "Nurp"],
    ["Astana City Maslikhat", "maslikhat", "Maslikhat"],
    ["Тengrinews.kz", "tengri", "Тengri"],
  ])("%s, %s → %s", (text, query, expected) => {
    const range = matchRange(text, query)!;
    expect(text.slice(range[0], range[1])).toBe(expected);
  });

  test("no match inside a word, and none for an unrelated query", () => {
    expect(matchRange("Kimberley", "berl")).toBeNull();
    expect(matchRange("Almaz Kim", "Samarkand")).toBeNull();
  });
});
