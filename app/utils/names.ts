import type { Language } from "~/i18n/config";
import { collationKey } from "./collation";

export type Multilingual = {
  nameKk: string | null;
  nameRu: string | null;
  nameEn: string | null;
  nameNative?: string | null;
};

export type MultilingualTitle = {
  titleKk: string | null;
  titleRu: string | null;
  titleEn: string | null;
};

// The order in which forms stand in for a missing one: Kazakh and Russian readers share
// Cyrillic, an English reader is better served by Russian transliteration than by Kazakh.
const FALLBACKS: Record<Language, Array<"Kk" | "Ru" | "En">> = {
  kk: ["Kk", "Ru", "En"],
  ru: ["Ru", "Kk", "En"],
  en: ["En", "Ru", "Kk"],
};

function pick(forms: Record<"Kk" | "Ru" | "En", string | null>, lng: Language): string | null {
  for (const suffix of FALLBACKS[lng]) {
    const value = forms[suffix];
    if (value && value.trim()) return value;
  }
  return null;
}

/** The name in the reader's language when that form exists, else the nearest form that does. */
export function localizedName(record: Multilingual, lng: Language): string {
  return (
    pick({ Kk: record.nameKk, Ru: record.nameRu, En: record.nameEn }, lng) ??
    record.nameNative ??
    ""
  );
}

export function localizedTitle(record: MultilingualTitle, lng: Language): string {
  return pick({ Kk: record.titleKk, Ru: record.titleRu, En: record.titleEn }, lng) ?? "";
}

/** The three sort columns every named record keeps (see db/schema.ts, multilingualName). */
export function sortKeys(record: Multilingual) {
  return {
    sortKk: collationKey(localizedName(record, "kk")),
    sortRu: collationKey(localizedName(record, "ru")),
    sortEn: collationKey(localizedName(record, "en")),
  };
}

export function sortColumnFor(lng: Language) {
  return lng === "kk" ? "sortKk" : lng === "ru" ? "sortRu" : "sortEn";
}
