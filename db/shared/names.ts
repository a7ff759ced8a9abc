import type { RecordLanguage as Language } from "../enums";
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
  return pick({ Kk: record.nameKk, Ru: record.nameRu, En: record.nameEn }, lng) ?? record.nameNative ?? "";
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

/** The name column a typed name belongs in: `name_kk`, `name_ru`, `name_en` or `name_native`. */
export type NameSlot = "kk" | "ru" | "en" | "native";

// The letters Kazakh adds to the Russian alphabet. "і" is also Ukrainian and "һ" Bashkir, but
// a council in Astana does not record names in those languages.
const KAZAKH_LETTERS = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/u;

/**
 * Which slot a typed name goes to, by its script, never by the language of the interface it
 * was typed in (issue 13.5): Cyrillic with a Kazakh letter is Kazakh, other Cyrillic Russian,
 * Latin (Kazakh Latin with its diacritics too: "Baqyt Sūltanov") the Latin name, any other
 * script (Chinese characters, Korean…) the native name.
 *
 * Mixed text goes by the script most of its letters are in (a stray look-alike Latin "A" in a
 * Cyrillic name does not move it); a tie goes to the script of the first letter. Among the
 * Cyrillic letters, a single Kazakh letter makes it Kazakh. A Kazakh name spelt with no Kazakh
 * letter ("Алмаз Ким") cannot be told from Russian and lands in the Russian slot: every name
 * form is shown in place of a missing one (localizedName), and the person's page can move it.
 * Text with no letter at all (digits, signs) goes to `fallback`.
 */
export function nameSlotOf(text: string, fallback: NameSlot = "en"): NameSlot {
  const counts = { cyrillic: 0, latin: 0, other: 0 };
  let first: keyof typeof counts | null = null;
  let kazakh = false;
  for (const ch of text.normalize("NFC")) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = /\p{Script=Cyrillic}/u.test(ch) ? "cyrillic" : /\p{Script=Latin}/u.test(ch) ? "latin" : "other";
    if (script === "cyrillic" && KAZAKH_LETTERS.test(ch)) kazakh = true;
    counts[script]++;
    first ??= script;
  }
  if (!first) return fallback;
  const most = Math.max(counts.cyrillic, counts.latin, counts.other);
  const winner = [first, "cyrillic", "latin", "other"].find((script) => counts[script as keyof typeof counts] === most);
  if (winner === "cyrillic") return kazakh ? "kk" : "ru";
  return winner === "latin" ? "en" : "native";
}

/** A typed name as the four name columns, filled in the one its script belongs to. */
export function typedName(text: string, fallback: NameSlot = "en") {
  const slot = nameSlotOf(text, fallback);
  return {
    nameKk: slot === "kk" ? text : null,
    nameRu: slot === "ru" ? text : null,
    nameEn: slot === "en" ? text : null,
    nameNative: slot === "native" ? text : null,
  };
}

/**
 * A typed title or topic, for records that keep only the Kazakh, Russian and Latin forms: by
 * its script as a name is; text in another script keeps the interface's language's column.
 */
export function typedText(text: string, lng: Language) {
  const slot = nameSlotOf(text, lng);
  const column = slot === "native" ? lng : slot;
  return { kk: column === "kk" ? text : null, ru: column === "ru" ? text : null, en: column === "en" ? text : null };
}
