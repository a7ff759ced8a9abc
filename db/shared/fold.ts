/**
 * Folds a name or a word to a spelling-free skeleton, so that the same name written in Kazakh
 * Cyrillic, Russian spelling or Latin script meets itself: "Нұрпейісов", "Нурпеисов",
 * "NURPEISOV" and "Nurpeisov" all fold to "nurpeisov". Used wherever a record is matched by name
 * (the duplicate guard, the person picker); one function for indexing and for querying.
 *
 * Steps: a word that mixes scripts gets its look-alike letters in the script most of its letters
 * are in (news copied from the web writes "пpезидент" with a Latin p, "Тengrinews" with a
 * Cyrillic Т); case and Latin diacritics away; Cyrillic (Kazakh letters included) to Latin by the
 * usual Russian romanisation; the Kazakh Latin alphabet's letters to their base; then the
 * spellings that vary between romanisations are made one (kh/h, ye/e, y/i, doubled letters).
 *
 * FOLD_VERSION stamps the databases whose keys and index were folded so: change it whenever a
 * change here folds any text differently or keys a name otherwise (4: a Chinese name keyed in both
 * Pinyin and Palladius; 5: ş and ç keyed and indexed as s and c too, and a Korean person's given
 * name keyed), and start-up re-folds them (app/models/search-index.server.ts).
 */
import { koreanGivenNames } from "./korean";
import { otherChineseSpelling } from "./palladius";

export const FOLD_VERSION = 5;

const CYRILLIC_TO_LATIN: Record<string, string> = {
  а: "a",
  ә: "a",
  б: "b",
  в: "v",
  г: "g",
  ғ: "g",
  д: "d",
  е: "e",
  ё: "e",
  ж: "zh",
  з: "z",
  и: "i",
  й: "i",
  і: "i",
  к: "k",
  қ: "k",
  л: "l",
  м: "m",
  н: "n",
  ң: "n",
  о: "o",
  ө: "o",
  п: "p",
  р: "r",
  с: "s",
  т: "t",
  у: "u",
  ұ: "u",
  ү: "u",
  ф: "f",
  х: "kh",
  һ: "h",
  ц: "ts",
  ч: "ch",
  ш: "sh",
  щ: "shch",
  ъ: "",
  ы: "y",
  ь: "",
  э: "e",
  ю: "yu",
  я: "ya",
};

const LATIN_SPECIAL: Record<string, string> = {
  ı: "i",
  ş: "sh",
  ç: "ch",
  ğ: "g",
  ñ: "n",
  ß: "ss",
  ø: "o",
  æ: "ae",
  œ: "oe",
  đ: "d",
  ł: "l",
};

/**
 * The letters above that are a base letter with a mark yet fold to two letters, as their sound is
 * written (ş → sh, ç → ch, so that "Uşak" meets "Ушак"), with their base: a keyboard without them
 * drops the mark ("Usak", "Buyuksehir"), so a text holding them is keyed and indexed in that
 * spelling too. ß, æ and œ are no base letter with a mark: they are typed as the two letters the
 * fold gives them ("ss", "ae", "oe"). ğ and ñ fold to their base already.
 */
const UNMARKED: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_SPECIAL).flatMap(([letter, folded]) => {
    const base = letter.normalize("NFD").replace(/\p{M}/gu, "");
    if (base === letter || base === folded) return [];
    return [
      [letter, base],
      [letter.toUpperCase(), base.toUpperCase()],
    ];
  }),
);
const UNMARKED_LETTERS = new RegExp(`[${Object.keys(UNMARKED).join("")}]`, "gu");
const HAS_UNMARKED_LETTER = new RegExp(UNMARKED_LETTERS.source, "u");

/** The text with those letters as a keyboard without them types them ("Uşak" → "Usak"); null when it has none. */
export function unmarkedSpelling(text: string): string | null {
  return HAS_UNMARKED_LETTER.test(text) ? text.replace(UNMARKED_LETTERS, (letter) => UNMARKED[letter]) : null;
}

// Letters that look alike in the two scripts, by case: a capital В or Н looks like B or H, their
// small forms do not.
const LATIN_LOOKALIKES: Record<string, string> = {
  a: "а",
  c: "с",
  e: "е",
  o: "о",
  p: "р",
  x: "х",
  y: "у",
  i: "і",
  h: "һ",
  k: "к",
  A: "А",
  B: "В",
  C: "С",
  E: "Е",
  H: "Н",
  I: "І",
  K: "К",
  M: "М",
  O: "О",
  P: "Р",
  T: "Т",
  X: "Х",
  Y: "У",
};
const CYRILLIC_LOOKALIKES: Record<string, string> = Object.fromEntries(
  Object.entries(LATIN_LOOKALIKES).map(([latin, cyrillic]) => [cyrillic, latin]),
);

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/**
 * A word written in two scripts, in the one most of its letters are in: its look-alike letters
 * are swapped for their twins. On a tie the letters only one script has decide ("пp"); a word in
 * one script, and a tie nothing decides, stay as they are.
 */
function oneScript(word: string): string {
  let cyrillic = 0;
  let latin = 0;
  let onlyCyrillic = 0;
  let onlyLatin = 0;
  for (const ch of word) {
    if (CYRILLIC.test(ch)) {
      cyrillic++;
      if (CYRILLIC_LOOKALIKES[ch] === undefined) onlyCyrillic++;
    } else if (LATIN.test(ch)) {
      latin++;
      if (LATIN_LOOKALIKES[ch] === undefined) onlyLatin++;
    }
  }
  if (cyrillic === 0 || latin === 0) return word;
  const toCyrillic =
    cyrillic !== latin ? cyrillic > latin : onlyCyrillic !== onlyLatin ? onlyCyrillic > onlyLatin : null;
  if (toCyrillic === null) return word;
  const twins = toCyrillic ? LATIN_LOOKALIKES : CYRILLIC_LOOKALIKES;
  return [...word].map((ch) => twins[ch] ?? ch).join("");
}

/**
 * Doubled letters are a spelling that varies (Hassan, Хасан; Mariia, Maria), so a pair is made
 * one. A longer run is not a spelling anyone varies, so it stays, and a word that is one letter
 * repeated ("aaaa", "II") stays whole: else "zzzzzzzz" folds to "z" and finds every Zhanat. Three
 * i's are still a spelling: y, й, ы and і all become i ("kiyik", "киік").
 */
function collapseDoubles(word: string): string {
  if (/^(\p{L})\1*$/u.test(word)) return word;
  return word.replace(/(\p{L})\1+/gu, (run: string, letter: string) =>
    run.length === 2 || (letter === "i" && run.length === 3) ? letter : run,
  );
}

/**
 * A lower-case character's fold: its Latin twin, or itself without diacritics. Kept per
 * character (there are only so many), since normalising each character of each text again was
 * most of the time a search spent folding (issue 17, round 3).
 */
const charFolds = new Map<string, string>();
function foldChar(ch: string): string {
  let folded = charFolds.get(ch);
  if (folded !== undefined) return folded;
  folded = CYRILLIC_TO_LATIN[ch] ?? LATIN_SPECIAL[ch];
  if (folded === undefined) {
    const base = ch.normalize("NFKD").replace(/\p{M}/gu, "");
    // A Cyrillic letter with a diacritic that NFKD splits (й → и + breve) lands here.
    folded = base.length === 1 && CYRILLIC_TO_LATIN[base] !== undefined ? CYRILLIC_TO_LATIN[base] : base;
  }
  if (charFolds.size < 20_000) charFolds.set(ch, folded);
  return folded;
}

// What each step of foldForMatch changes, looked for before it runs: most words need few of them,
// and a replace that finds nothing still costs its scan (a short word took 3 us to fold, six
// replaces' worth, issue 17).
const MIXED_WORD = /[\p{L}\p{M}]+/gu;
const DOUBLED_LETTER = /(\p{L})\1/u;
const NOT_A_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/gu;
const HAS_NOT_A_LETTER_OR_DIGIT = /[^\p{L}\p{N}]/u;
const LETTERS = /\p{L}+/gu;

/**
 * Short texts folded before: a highlight folds every beginning of a word it looks at ("c", "co",
 * "coo"...), and the same words come back in every result and every search. Bounded: emptied
 * when full.
 */
const shortFolds = new Map<string, string>();
const SHORT = 32;
const MAX_SHORT_FOLDS = 10_000;

export function foldForMatch(text: string): string {
  if (text.length > SHORT) return foldWords(text);
  let folded = shortFolds.get(text);
  if (folded === undefined) {
    folded = fold(text);
    if (shortFolds.size >= MAX_SHORT_FOLDS) shortFolds.clear();
    shortFolds.set(text, folded);
  }
  return folded;
}

const WHITESPACE = /\s+/;

/**
 * A longer text, folded a stretch between spaces at a time: the same as folding it whole (no step
 * of fold looks across a space, and a space folds to one), but each word is one it has most
 * likely folded before. Folding a result's line or passage whole, character by character, was
 * most of what highlighting a search's results cost (issue 17, round 3).
 */
function foldWords(text: string): string {
  let out = "";
  for (const word of text.split(WHITESPACE)) {
    const folded = word.length > SHORT ? fold(word) : foldForMatch(word);
    if (folded) out = out ? `${out} ${folded}` : folded;
  }
  return out;
}

/** The whole text folded at once, as foldForMatch folds a short one: kept for tests to compare. */
export function fold(text: string): string {
  let out = "";
  // Only a text with letters of both scripts can hold a word that mixes them.
  const unmixed = CYRILLIC.test(text) && LATIN.test(text) ? text.replace(MIXED_WORD, oneScript) : text;
  // Lower case first (Cyrillic keeps its letters), then decompose to drop Latin diacritics.
  for (const ch of unmixed.toLowerCase()) out += foldChar(ch);
  if (out.includes("kh")) out = out.replace(/kh/g, "h");
  // Е is "ye" in most romanisations and "e" in others (Yerlan, Erlan: Ерлан; Aliyev, Алиев;
  // Yuryev, Юрьев): one spelling for both, on either side of a match.
  if (out.includes("ye")) out = out.replace(/ye/g, "e");
  if (out.includes("y")) out = out.replace(/y/g, "i");
  if (HAS_NOT_A_LETTER_OR_DIGIT.test(out)) out = out.replace(NOT_A_LETTER_OR_DIGIT, " ");
  if (DOUBLED_LETTER.test(out)) out = out.replace(LETTERS, collapseDoubles);
  return out.trim();
}

/**
 * The key two spellings of one whole name share, in any word order ("Нурпеисов Жанат" and
 * "Zhanat Nurpeisov" alike): the folded words, sorted.
 */
export function wholeNameKey(name: string): string {
  return foldForMatch(name).split(" ").filter(Boolean).sort().join(" ");
}

/**
 * A name's spellings as a whole: itself; a Chinese name in the other system's spelling ("Ван Вэй"
 * is "Wang Wei", ./palladius.ts); a name with ş or ç as typed without their marks ("Uşak" is
 * "Usak"). Only those that differ from the name.
 */
function spellingsOf(name: string): string[] {
  const spellings = [name];
  const chinese = otherChineseSpelling(name);
  if (chinese) spellings.push(chinese);
  const unmarked = unmarkedSpelling(name);
  if (unmarked) spellings.push(unmarked);
  return spellings;
}

/**
 * The whole-name keys of every spelling of a name: what a name typed on a form is the same as,
 * "Uşak" and "Usak" alike (the duplicate guard).
 */
export function wholeNameKeys(name: string): string[] {
  return [...new Set(spellingsOf(name).map(wholeNameKey).filter(Boolean))];
}

/**
 * The keys a name is found by: the whole name folded, each word from the second on (so typing
 * a surname finds it), and the whole-name key; the same again for each of its other spellings
 * ("Ван Вэй" is found as "Wang Wei", "Uşak" as "Usak").
 */
export function nameKeys(...names: Array<string | null | undefined>): string[] {
  const keys = new Set<string>();
  for (const name of names.flatMap((name) => (name ? spellingsOf(name) : []))) {
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
 * A person's keys: a name's, and a Korean name's given name, as a later word is keyed when a
 * space sets it apart ("김민준" is found by "민준", ./korean.ts).
 */
export function personNameKeys(...names: Array<string | null | undefined>): string[] {
  const keys = nameKeys(...names);
  for (const name of names)
    for (const given of name ? koreanGivenNames(name) : []) {
      const key = foldForMatch(given);
      if (key && !keys.includes(key)) keys.push(key);
    }
  return keys;
}

/**
 * A text as the full-text index holds it: folded, then the words that hold ş or ç folded again
 * as typed without the marks ("Uşak" also as "usak"), where that differs. A search folds what
 * was typed with foldForMatch alone, and meets either.
 */
export function foldForIndex(text: string): string {
  const folded = foldForMatch(text);
  if (!HAS_UNMARKED_LETTER.test(text)) return folded;
  const words = new Set(folded.split(" "));
  const more: string[] = [];
  // A stretch between spaces folds alone as it does in the whole (foldWords).
  for (const stretch of text.split(WHITESPACE)) {
    const unmarked = unmarkedSpelling(stretch);
    if (!unmarked) continue;
    for (const word of foldForMatch(unmarked).split(" "))
      if (word && !words.has(word)) {
        words.add(word);
        more.push(word);
      }
  }
  return more.length ? `${folded} ${more.join(" ")}` : folded;
}

const NOT_IN_A_WORD = /[^\p{L}\p{M}\p{N}]/u;

/**
 * Whether the text from `start` folds to something beginning with `folded`, read a word at a
 * time rather than folding all the rest of a long text for each word start matchRange tries
 * (issue 17, round 3). The fold of a part cut just before a character that is in no word (a
 * space, a stop) is the beginning of the fold of the whole but for its last character or two (a
 * "k" that an "h" past the cut would have dropped): so a part that already differs before them
 * settles it, as does one two characters longer than the query.
 */
function foldsToBegin(text: string, start: number, folded: string): boolean {
  for (let end = start + 1; ; end++) {
    while (end < text.length && !NOT_IN_A_WORD.test(text[end])) end++;
    if (end >= text.length) return foldForMatch(text.slice(start)).startsWith(folded);
    const part = foldForMatch(text.slice(start, end));
    if (part.length >= folded.length + 2) return part.startsWith(folded);
    if (!folded.startsWith(part.slice(0, Math.max(0, part.length - 2)))) return false;
  }
}

/**
 * Where a folded query matches in a text as shown: the first word start from which the text
 * folds to something beginning with the query, and the shortest stretch that covers it. For
 * highlighting; null when the query does not match there.
 */
export function matchRange(text: string, query: string): [number, number] | null {
  // "Usak" marks "Uşak": s for ş is one character for one, so the range is the same in both.
  const range = rangeOf(text, query);
  if (range) return range;
  const unmarked = unmarkedSpelling(text);
  return unmarked ? rangeOf(unmarked, query) : null;
}

function rangeOf(text: string, query: string): [number, number] | null {
  const folded = foldForMatch(query);
  if (!folded) return null;
  // The text from a word's start folds to the end of the whole text folded (each fold works
  // within a word or on a letter at a time), so a query the whole does not hold is in no such
  // end: one fold instead of one per word of a text that does not match (issue 17, round 3).
  if (!foldForMatch(text).includes(folded)) return null;
  for (let start = 0; start < text.length; start++) {
    if (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1])) continue;
    if (!/[\p{L}\p{N}]/u.test(text[start])) continue;
    if (!foldsToBegin(text, start, folded)) continue;
    for (let end = start + 1; end <= text.length; end++) {
      if (foldForMatch(text.slice(start, end)).startsWith(folded)) return [start, end];
    }
  }
  return null;
}

/**
 * The passage of the first of `texts` where a word of the query matches (at a word's start,
 * however either is spelt), cut to some `radius` characters either side, and the word that
 * matched there, to mark: for a result found by a text the list does not show. Word by word, so
 * a long report costs one fold per word up to the match.
 */
export function passageOf(
  texts: Array<string | null | undefined>,
  query: string,
  radius = 70,
): { text: string; word: string } | null {
  const words = foldForMatch(query).split(" ").filter(Boolean);
  if (words.length === 0) return null;
  for (const text of texts) {
    if (!text) continue;
    const marked = HAS_UNMARKED_LETTER.test(text);
    for (const match of text.matchAll(/[\p{L}\p{M}\p{N}]+/gu)) {
      const folded = foldForMatch(match[0]);
      const unmarked = marked ? unmarkedSpelling(match[0]) : null;
      const plain = unmarked ? foldForMatch(unmarked) : null;
      if (!words.some((w) => folded.startsWith(w) || plain?.startsWith(w))) continue;
      const at = match.index;
      // Cut at spaces, so no word is shown in part.
      let start = Math.max(0, at - radius);
      if (start > 0) start = text.indexOf(" ", start) + 1 || at;
      if (start > at) start = at;
      let end = Math.min(text.length, at + match[0].length + radius);
      if (end < text.length) end = Math.max(at + match[0].length, text.lastIndexOf(" ", end));
      const body = text.slice(start, end).replace(/\s+/g, " ").trim();
      return { text: `${start > 0 ? "… " : ""}${body}${end < text.length ? " …" : ""}`, word: match[0] };
    }
  }
  return null;
}

/** Whether any word of the query matches, at a word's start, in any of the texts. */
export function anyWordMatches(texts: Array<string | null | undefined>, query: string): boolean {
  return passageOf(texts, query) !== null;
}
