import { describe, expect, test } from "vitest";
import { collationKey, compareNames } from "~db/shared/collation";
import { localizedName, sortKeys } from "~db/shared/names";

const sorted = (names: string[]) => [...names].sort(compareNames);

describe("names sort in the order their readers expect", () => {
  test("Kazakh letters follow their base letters, not the end of the alphabet", () => {
    expect(
      sorted(["Яков", "Әлия", "Аня", "Бек", "Қанат", "Кира", "Лаура", "Ұлан", "Үміт", "Уәли", "Іңкәр", "Ыбырай"]),
    ).toEqual(["Аня", "Әлия", "Бек", "Кира", "Қанат", "Лаура", "Уәли", "Ұлан", "Үміт", "Ыбырай", "Іңкәр", "Яков"]);
  });

  test("case does not matter, and a shorter name sorts before a longer one", () => {
    expect(sorted(["кимов", "Ким Алмаз", "КИМ"])).toEqual(["КИМ", "Ким Алмаз", "кимов"]);
  });

  test("Latin, with the Kazakh Latin letters after their base and diacritics folded", () => {
    expect(sorted(["Zhanat", "Ädil", "Adam", "Éric", "Beijing", "Ölke", "Oskar"])).toEqual([
      "Adam",
      "Ädil",
      "Beijing",
      "Éric",
      "Oskar",
      "Ölke",
      "Zhanat",
    ]);
  });

  test("Latin sorts before Cyrillic, Chinese characters after both", () => {
    expect(sorted(["黑龙江省", "Астана", "Astana"])).toEqual(["Astana", "Астана", "黑龙江省"]);
  });

  test("keys ignore surrounding and repeated spaces", () => {
    expect(collationKey("  Ким   Алмаз ")).toBe(collationKey("Ким Алмаз"));
  });
});

describe("a record's name in the reader's language", () => {
  const beijing = { nameKk: "Бейжің", nameRu: "Пекин", nameEn: "Beijing", nameNative: "北京" };

  test("each language shows its own form", () => {
    expect(localizedName(beijing, "kk")).toBe("Бейжің");
    expect(localizedName(beijing, "ru")).toBe("Пекин");
    expect(localizedName(beijing, "en")).toBe("Beijing");
  });

  test("a missing form falls back to the nearest one that exists", () => {
    expect(localizedName({ nameKk: "Үрімші", nameRu: null, nameEn: null }, "en")).toBe("Үрімші");
    expect(localizedName({ nameKk: null, nameRu: "Урумчи", nameEn: "Urumqi" }, "kk")).toBe("Урумчи");
    expect(localizedName({ nameKk: null, nameRu: null, nameEn: null, nameNative: "北京" }, "ru")).toBe("北京");
  });

  test("sort keys follow the name shown in each language", () => {
    const keys = sortKeys(beijing);
    expect(keys.sortRu).toBe(collationKey("Пекин"));
    expect(keys.sortEn).toBe(collationKey("Beijing"));
  });
});
