/**
 * Folds a name or a word to a spelling-free skeleton, so that the same name written in Kazakh
 * Cyrillic, Russian spelling or Latin script meets itself: "Нұрпейісов", "Нурпеисов",
 * "NURPEISOV" and "Nurpeisov" all fold to "nurpeisov". Used wherever a record is matched by name
 * (the duplicate guard, the person picker); one function for indexing and for querying.
 *
 * Steps: case and Latin diacritics away; Cyrillic (Kazakh letters included) to Latin by the usual
 * Russian romanisation, which also turns a Cyrillic look-alike inside a Latin word ("Тengrinews")
 * into its Latin letter; the Kazakh Latin alphabet's letters to their base; then the spellings
 * that vary between romanisations are made one (kh/h, y/i, doubled letters).
 */

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a", ә: "a", б: "b", в: "v", г: "g", ғ: "g", д: "d", е: "e", ё: "e", ж: "zh", з: "z",
  и: "i", й: "i", і: "i", к: "k", қ: "k", л: "l", м: "m", н: "n", ң: "n", о: "o", ө: "o",
  п: "p", р: "r", с: "s", т: "t", у: "u", ұ: "u", ү: "u", ф: "f", х: "kh", һ: "h", ц: "ts",
  ч: "ch", ш: "sh", щ: "shch", ъ: "", ы: "y", ь: "", э: "e", ю: "yu", я: "ya",
};

const LATIN_SPECIAL: Record<string, string> = { ı: "i", ş: "sh", ç: "ch", ğ: "g", ñ: "n", ß: "ss", ø: "o", æ: "ae", œ: "oe", đ: "d", ł: "l" };

export function foldForMatch(text: string): string {
  let out = "";
  // Lower case first (Cyrillic keeps its letters), then decompose to drop Latin diacritics.
  for (const ch of text.toLowerCase()) {
    const cyr = CYRILLIC_TO_LATIN[ch];
    if (cyr !== undefined) {
      out += cyr;
      continue;
    }
    const special = LATIN_SPECIAL[ch];
    if (special !== undefined) {
      out += special;
      continue;
    }
    const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
    // A Cyrillic letter with a diacritic that NFKD splits (й → и + breve) lands here.
    out += base.length === 1 && CYRILLIC_TO_LATIN[base] !== undefined ? CYRILLIC_TO_LATIN[base] : base;
  }
  return out
    .replace(/kh/g, "h")
    .replace(/y/g, "i")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .replace(/(\p{L})\1+/gu, "$1")
    .trim();
}

/**
 * The key two spellings of one whole name share, in any word order ("Нурпеисов Жанат" and
 * "Zhanat Nurpeisov" alike): the folded words, sorted.
 */
export function wholeNameKey(name: string): string {
  return foldForMatch(name).split(" ").filter(Boolean).sort().join(" ");
}

/**
 * The keys a name is found by: the whole name folded, each word from the second on (so typing
 * a surname finds it), and the whole-name key.
 */
export function nameKeys(...names: Array<string | null | undefined>): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    if (!name) continue;
    const folded = foldForMatch(name);
    if (!folded) continue;
    keys.add(folded);
    const words = folded.split(" ");
    for (let i = 1; i < words.length; i++) keys.add(words.slice(i).join(" "));
    keys.add(wholeNameKey(name));
  }
  return [...keys];
}

/**
 * Where a folded query matches in a text as shown: the first word start from which the text
 * folds to something beginning with the query, and the shortest stretch that covers it. For
 * highlighting; null when the query does not match there.
 */
export function matchRange(text: string, query: string): [number, number] | null {
  const folded = foldForMatch(query);
  if (!folded) return null;
  for (let start = 0; start < text.length; start++) {
    if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) continue;
    if (!/[\p{L}\p{N}]/u.test(text[start])) continue;
    if (!foldForMatch(text.slice(start)).startsWith(folded)) continue;
    for (let end = start + 1; end <= text.length; end++) {
      if (foldForMatch(text.slice(start, end)).startsWith(folded)) return [start, end];
    }
  }
  return null;
}
