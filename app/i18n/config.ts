export const LANGUAGES = ["kk", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
/** The council works in Kazakh first: see docs/decisions/0003-translations.md. */
export const FALLBACK_LANGUAGE: Language = "kk";

/**
 * What separates the groups of three digits of a count: 12 345 in Kazakh and Russian (a no-break
 * space, as CLDR has it), 12,345 in English. Not Intl.NumberFormat: browsers carry trimmed
 * number data (Chromium writes Kazakh counts as 12,345), and the server's words must be the
 * browser's, or the page fails to hydrate.
 */
export const DIGIT_GROUP_SEPARATOR: Record<Language, string> = { kk: "\u00a0", ru: "\u00a0", en: "," };

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
