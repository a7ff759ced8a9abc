import { describe, expect, test } from "vitest";
import { LANGUAGES } from "~/i18n/config";
import { translations } from "~/i18n/i18n.server";

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

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

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

  test("keeps every {{placeholder}} of the English text", () => {
    const mismatched = [...reference]
      .filter(
        ([key, value]) => strings.has(key) && placeholders(value).join() !== placeholders(strings.get(key)!).join(),
      )
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
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
