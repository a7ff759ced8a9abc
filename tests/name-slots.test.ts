import { describe, expect, test } from "vitest";
import { nameSlotOf, typedName, typedText } from "~db/shared/names";

describe("a typed name goes to the slot of its script (issue 13.5)", () => {
  test.each([
    ["Kazakh Cyrillic", "Бақыт Сұлтанов", "kk"],
    ["Kazakh with one Kazakh letter only", "Серік Әбенов", "kk"],
    ["Kazakh in capitals", "НҰРПЕЙІСОВ ЖАНАТ", "kk"],
    ["Kazakh і (not the Latin i)", "Ілияс", "kk"],
    ["Russian", "Жанат Нурпеисов", "ru"],
    ["a Kazakh name with no Kazakh letter: Russian (documented in nameSlotOf)", "Алмаз Ким", "ru"],
    ["Russian transliteration of a Chinese name", "Ду Цзимин", "ru"],
    ["Latin", "Zhanat Nurpeisov", "en"],
    ["Kazakh Latin with diacritics", "Baqyt Sūltanov", "en"],
    ["Kazakh Latin, decomposed diacritics", "Ba\u0301qyt Su\u0304ltanov", "en"],
    ["French with accents", "Éric Côté", "en"],
    ["Chinese characters", "杜吉明", "native"],
    ["Korean", "김민준", "native"],
    ["Cyrillic with a stray Latin look-alike letter", "Aлмаз Ким", "ru"],
    ["mostly Cyrillic with a Latin word", "Smart City Астана қаласы әкімдігі", "kk"],
    ["mostly Latin with a Cyrillic word", "Smart City Astana Ltd (Астана)", "en"],
    ["Kazakh letters among a Latin majority do not make it Kazakh", "Astana City Council (Ә)", "en"],
    ["Chinese with a Latin initial", "J. 杜吉明", "native"],
    ["a tie goes to the script of the first letter", "Ли Li", "ru"],
    ["the other way round", "Li Ли", "en"],
    ["digits and signs do not count", "ЭКСПО-2017", "ru"],
  ])("%s: %s", (_case, text, slot) => {
    expect(nameSlotOf(text)).toBe(slot);
  });

  test("text with no letter goes to the fallback", () => {
    expect(nameSlotOf("2017", "kk")).toBe("kk");
    expect(nameSlotOf("")).toBe("en");
  });

  test("typedName fills one column and leaves the others empty", () => {
    expect(typedName("Бақыт Сұлтанов")).toEqual({
      nameKk: "Бақыт Сұлтанов",
      nameRu: null,
      nameEn: null,
      nameNative: null,
    });
    expect(typedName("杜吉明")).toEqual({ nameKk: null, nameRu: null, nameEn: null, nameNative: "杜吉明" });
  });

  test("a title in a script with no column of its own keeps the interface's language", () => {
    expect(typedText("Әкім", "en")).toEqual({ kk: "Әкім", ru: null, en: null });
    expect(typedText("Аким", "kk")).toEqual({ kk: null, ru: "Аким", en: null });
    expect(typedText("副主席", "ru")).toEqual({ kk: null, ru: "副主席", en: null });
  });
});
