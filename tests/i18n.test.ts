import { describe, expect, test } from "vitest";
import { LANGUAGES } from "~/i18n/config";
import { translations, translatorFor } from "~/i18n/i18n.server";

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ""): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") entries.set(path, value);
    else for (const [k, v] of flatten(value, path)) entries.set(k, v);
  }
  return entries;
}

// A placeholder with its marking: a count written as a number in English is one in every language.
const placeholders = (text: string) =>
  [...text.matchAll(/{{\s*(\w+)\s*(,\s*number\s*)?}}/g)].map((m) => m[1] + (m[2] ? ", number" : "")).sort();

const reference = flatten(translations.en);

describe.each(LANGUAGES.filter((lng) => lng !== "en"))("the %s interface", (lng) => {
  const strings = flatten(translations[lng]);

  test("has every key the English one has, and no other", () => {
    expect([...strings.keys()].sort()).toEqual([...reference.keys()].sort());
  });

  test("has no empty string", () => {
    const empty = [...strings].filter(([, value]) => !value.trim()).map(([key]) => key);
    expect(empty).toEqual([]);
  });

  test("keeps every {{placeholder}} of the English text, a number marked as one", () => {
    const mismatched = [...reference]
      .filter(
        ([key, value]) => strings.has(key) && placeholders(value).join() !== placeholders(strings.get(key)!).join(),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

test("a count or a size is written as each language writes numbers; a year or an id as it is", () => {
  const nbsp = "\u00a0";
  expect(translatorFor("en")("imports.done", { count: 12345, file: "a.csv" })).toBe("Imported 12,345 rows from a.csv.");
  expect(translatorFor("ru")("common.showing", { from: 1001, to: 1020, total: 1234567 })).toBe(
    `1${nbsp}001–1${nbsp}020 из 1${nbsp}234${nbsp}567`,
  );
  expect(translatorFor("kk")("imports.done", { count: "3000", file: "a.csv" })).toBe(
    `a.csv файлынан импортталған жолдар: 3${nbsp}000.`,
  );
  expect(translatorFor("en")("chart.meetingsInYear", { year: 2017, count: 1500 })).toBe("Meetings in 2017: 1,500");
  expect(translatorFor("kk")("documents.sizeMb", { size: 1.5 })).toBe("1,5 МБ");
  expect(translatorFor("en")("documents.sizeMb", { size: 1234.5 })).toBe("1,234.5 MB");
  // Not a number: written as given.
  expect(translatorFor("en")("common.total", { count: "many" })).toBe("Total: many");
});

test("the Kazakh interface is written with Kazakh letters, not Russian ones", () => {
  const text = [...flatten(translations.kk).values()].join(" ");
  expect(text).toMatch(/[әғқңөұүһі]/);
  expect(text).toContain("Кездесулер");
});

describe("the strings the browser fetches", () => {
  test("one language's strings, kept for a year at their hashed URL and not at another", async () => {
    const { loader } = await import("~/routes/locales.$lng");
    const { stringsUrl } = await import("~/i18n/i18n.server");
    const url = `http://localhost${stringsUrl("kk")}`;
    const response = loader({ params: { lng: "kk.json" }, request: new Request(url), context: {} });
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=31536000, immutable");
    expect(((await response.json()) as { app: { tagline: string } }).app.tagline).toBe(
      "Астана қаласы мәслихатының шетелдік әріптестермен кездесулері",
    );
    const stale = loader({
      params: { lng: "kk.json" },
      request: new Request("http://localhost/locales/kk.json?v=old"),
      context: {},
    });
    expect(stale.headers.get("Cache-Control")).toBe("no-cache");
    expect(() =>
      loader({ params: { lng: "xx.json" }, request: new Request("http://localhost/locales/xx.json"), context: {} }),
    ).toThrow();
  });
});
