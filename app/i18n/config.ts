export const LANGUAGES = ["kk", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
/** The council works in Kazakh first: see docs/decisions/0003-translations.md. */
export const FALLBACK_LANGUAGE: Language = "kk";

/**
 * How each language writes a number: 12 345,5 in Kazakh and Russian (the groups of three digits
 * split by a no-break space, as CLDR has it), 12,345.5 in English. Not Intl.NumberFormat:
 * browsers carry trimmed number data (Chromium writes Kazakh numbers as 12,345.5), and the
 * server's words must be the browser's, or the page fails to hydrate.
 */
export const NUMBER_SEPARATORS: Record<Language, { group: string; decimal: string }> = {
  kk: { group: "\u00a0", decimal: "," },
  ru: { group: "\u00a0", decimal: "," },
  en: { group: ",", decimal: "." },
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
