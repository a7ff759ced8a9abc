import type { Language } from "~/i18n/config";

const displayNames = new Map<Language, Intl.DisplayNames>();

/** A country's name in the reader's language from its ISO 3166 code, via the platform's ICU. */
export function countryName(code: string, lng: Language): string {
  let names = displayNames.get(lng);
  if (!names) {
    names = new Intl.DisplayNames([lng], { type: "region", fallback: "code" });
    displayNames.set(lng, names);
  }
  try {
    return names.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
