export const LANGUAGES = ["kk", "ru", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
/** The council works in Kazakh first: see docs/decisions/0003-translations.md. */
export const FALLBACK_LANGUAGE: Language = "kk";

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
