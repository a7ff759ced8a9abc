/**
 * Collation keys for names in Kazakh Cyrillic, Russian and Latin script.
 *
 * SQLite compares text byte by byte, which puts the Kazakh letters ә ғ қ ң ө ұ ү һ і after "я"
 * and ignores Latin diacritics. better-sqlite3 cannot register a collation, so the models store a
 * key per interface language, built here, and lists ORDER BY it through an index.
 */

// Kazakh Cyrillic alphabet order; Russian's letters keep their relative order inside it.
const CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
// Latin with the letters of the Kazakh Latin alphabet (2021) after their base letters.
const LATIN = "aäbcçdefgğhıijklmnñoöpqrsştuūüvwxyz";
const DIGITS = "0123456789";
const ORDERED = DIGITS + LATIN + CYRILLIC;

// Private-use code points: above every other BMP letter and in ORDERED's order.
const RANK_BASE = 0xe000;
const OTHER_MARKER = "\uf8ff";
const rank = new Map<string, string>([...ORDERED].map((ch, i) => [ch, String.fromCharCode(RANK_BASE + i)]));

function keyOf(ch: string): string {
  const ranked = rank.get(ch);
  if (ranked) return ranked;
  // é, ł, ą…: sort with their base letter.
  const base = ch.normalize("NFD")[0];
  const baseRanked = base ? rank.get(base) : undefined;
  if (baseRanked) return baseRanked;
  const code = ch.codePointAt(0) ?? 0;
  // Spaces and ASCII punctuation sort before letters, so "Ким Алмаз" precedes "Кимов".
  if (code < 0x80) return /\s/.test(ch) ? " " : ch;
  // Other scripts (Chinese characters, Arabic…) after all ranked letters: a marker above the
  // ranks, then the character. Keys stay in the BMP, where JavaScript's UTF-16 order and
  // SQLite's UTF-8 byte order agree.
  return OTHER_MARKER + ch;
}

export function collationKey(text: string): string {
  const folded = text.trim().replace(/İ/g, "i").normalize("NFC").toLowerCase();
  let key = "";
  for (const ch of folded) key += keyOf(ch);
  return key.replace(/ +/g, " ");
}

/** Compares like the stored keys do: for sorting in memory what SQL did not sort. */
export function compareNames(a: string, b: string): number {
  const ka = collationKey(a);
  const kb = collationKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
