import { describe, expect, test } from "vitest";
import { seedDemoData } from "../db/seed";
import { getDb } from "~/db.server";
import { searchNames } from "~/models/search.server";

seedDemoData(getDb());
const names = (query: string) => {
  const r = searchNames(query, "en");
  return { partner: r.partner.map((x) => x.name), person: r.person.map((x) => x.name), organisation: r.organisation.map((x) => x.name) };
};

describe("finding records by name, however it was spelt", () => {
  test.each(["Nurpeisov", "нурпеисов", "НҰРПЕЙІСОВ", "Нұрпейісов", "zhanat", "Жанат Нурп"])("%s finds Zhanat Nurpeisov and no one else", (query) => {
    expect(names(query)).toEqual({ partner: [], person: ["Zhanat Nurpeisov"], organisation: [] });
  });

  test.each(["Heilongjiang", "Хэйлунцзян", "хэйлунцзян провинциясы"])("%s finds the partner (and its bodies)", (query) => {
    expect(names(query).partner).toEqual(["Heilongjiang Province"]);
  });

  test("a word inside a name counts from its start", () => {
    expect(names("Kim").person).toEqual(["Almaz Kim"]);
    expect(names("maslikhat").organisation).toEqual(["Astana City Maslikhat"]);
  });

  test("an exact name (or last word) comes before names it only begins", () => {
    expect(searchNames("Astana", "en").partner.map((p) => p.name)).toEqual(["Astana"]);
    // "Smart City Astana" ends with the very word; the others only begin with it.
    expect(searchNames("Astana", "en").organisation.map((o) => o.name)).toEqual(["Smart City Astana", "Astana City Akimat", "Astana City Maslikhat"]);
  });

  test("nothing unrelated comes back", () => {
    expect(names("Samarkand")).toEqual({ partner: [], person: [], organisation: [] });
    expect(names("   ")).toEqual({ partner: [], person: [], organisation: [] });
  });
});
