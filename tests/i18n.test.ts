import { describe, expect, test } from "vitest";
import { LANGUAGES } from "~/i18n/config";
import { translations } from "~/i18n/i18next.server";

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
      .filter(([key, value]) => strings.has(key) && placeholders(value).join() !== placeholders(strings.get(key)!).join())
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });
});

test("the Kazakh interface is written with Kazakh letters, not Russian ones", () => {
  const text = [...flatten(translations.kk).values()].join(" ");
  expect(text).toMatch(/[әғқңөұүһі]/);
  expect(text).toContain("Кездесулер");
});
