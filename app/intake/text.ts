/**
 * The pieces of a news text the intake rules read: paragraphs without the repeats that web copy
 * leaves, sentences (a quoted project name with a full stop inside stays in its sentence), words,
 * and word stems that meet across spellings and Kazakh or Russian endings.
 */
import { foldForMatch } from "~db/shared/fold";
import type { Language } from "~/i18n/config";

/** Paragraphs, each once: the demo report repeats its first one word for word. */
export function paragraphsOf(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.replace(/\r\n?/g, "\n").split(/\n+/)) {
    const paragraph = raw.replace(/\s+/g, " ").trim();
    if (!paragraph || seen.has(paragraph)) continue;
    seen.add(paragraph);
    out.push(paragraph);
  }
  return out;
}

const QUOTES_OPEN = new Set(['"', "«", "“", "„"]);
const QUOTES_CLOSE = new Set(['"', "»", "”", "“"]);

/**
 * Sentences of a paragraph: cut after . ! ? followed by a space and a capital or a quote, not
 * inside quotes ("Астананың жаңа көлік жүйесі. LRT 1-кезек") and not after an abbreviation
 * ("т.б.", "г.", "т.е.").
 */
export function sentencesOf(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  let inQuote = false;
  for (let i = 0; i < paragraph.length; i++) {
    const ch = paragraph[i];
    if (ch === '"') inQuote = !inQuote;
    else if (QUOTES_OPEN.has(ch)) inQuote = true;
    else if (QUOTES_CLOSE.has(ch)) inQuote = false;
    if (inQuote || !".!?".includes(ch)) continue;
    const rest = paragraph.slice(i + 1);
    if (!/^\s+["«“]?\p{Lu}/u.test(rest)) continue;
    const before = paragraph.slice(start, i + 1);
    // The abbreviation is in the last few characters: the whole sentence so far was read at each
    // full stop ("г. А г. А …" was quadratic).
    const tail = before.length > 12 ? before.slice(-12) : ` ${before}`;
    if (/\s(?:т\.б|т\.е|г|гг|т\.с\.с|им|ст|etc|Mr|Mrs|Dr|St)\.$/u.test(tail)) continue;
    out.push(before.trim());
    start = i + 1;
  }
  const last = paragraph.slice(start).trim();
  if (last) out.push(last);
  return out;
}

export function sentencesOfText(text: string): string[] {
  return paragraphsOf(text).flatMap(sentencesOf);
}

/** Words as written, with where they start: letters, digits and inner hyphens ("ЭКСПО-2017"). */
export function wordsOf(text: string): Array<{ word: string; index: number }> {
  return [...text.matchAll(/[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu)].map((m) => ({ word: m[0], index: m.index }));
}

export const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);

/** A Russian adjective made from a place ("Сеульского", "тульский"), its base at least `letters` long. */
const placeAdjective = (letters: number) =>
  new RegExp(`^(\\p{L}{${letters},}?)ь?ск(?:ий|ого|ому|им|ом|ая|ой|ую|ое|ие|их|ими)$`, "iu");
const PLACE_ADJECTIVE = placeAdjective(4);
const SHORT_PLACE_ADJECTIVE = placeAdjective(2);

/**
 * A word's stem for matching one text against another: folded (any script, any spelling), the
 * Kazakh g/k alternation made one ("кезегі", "кезекке"), cut to five letters, which leaves most
 * Kazakh and Russian endings off. A Russian adjective made from a place loses its "-ский" first,
 * so that "Сеульского" is of "Сеул" as "Ташкентского" is of "Ташкент". Words under four letters
 * and numbers under three digits say too little to match on; "LRT" and "2017" are kept.
 */
export function stemOf(word: string): string | null {
  const place = PLACE_ADJECTIVE.exec(word);
  const folded = foldForMatch(place ? place[1] : word)
    .replace(/\s+/g, "")
    .replace(/g/g, "k");
  if (/^\d+$/.test(folded)) return folded.length >= 3 ? folded : null;
  if (folded.length < 3 || (folded.length === 3 && !/^\p{Lu}+$/u.test(word))) return null;
  return folded.slice(0, 5);
}

/**
 * The stems of the place a Russian adjective names where making the adjective changed the
 * place's own letters, or its name is too short for stemOf's "-ский" rule: "Московской" of
 * "Москва", "литовский" of "Литва", "Пражского" of "Прага", "тульский" of "Тула", "Омского" of
 * "Омск". Read on the text's side only: a stem more there lets a record be found, and takes
 * nothing from what a record's name needs.
 */
export function placeStemsOf(word: string): string[] {
  const base = SHORT_PLACE_ADJECTIVE.exec(word)?.[1];
  if (!base) return [];
  const own = stemOf(word);
  // The letters the adjective changed: Москва, Литва ("-ов-" added); Прага, Волга, Рига (г to ж).
  const changed = [base.replace(/[оеё]в$/iu, "в"), base.replace(/ж$/iu, "г")].filter((b) => b !== base);
  const places = [
    ...changed.map((b) => `${b}а`),
    // Тула, whose adjective gives no stem of its own; Омск, too short for stemOf's rule.
    ...(own === null ? [`${base}а`] : []),
    ...(base.length < 3 ? [`${base}ск`] : []),
  ];
  return [...new Set(places.map(stemOf))].filter((stem): stem is string => stem !== null && stem !== own);
}

/** A text's stems for finding records in it: its words' (stemsOf), and the places its adjectives name. */
export function textStemsOf(text: string): string[] {
  return [...stemsOf(text), ...wordsOf(text).flatMap(({ word }) => placeStemsOf(word))];
}

/** Stems of a text's words, hyphenated words also by their parts ("ЭКСПО-2017": ekspo, 2017). */
export function stemsOf(text: string): string[] {
  const out: string[] = [];
  for (const { word } of wordsOf(text)) {
    for (const part of word.includes("-") ? [word, ...word.split("-")] : [word]) {
      const stem = stemOf(part);
      if (stem) out.push(stem);
    }
  }
  return out;
}

// Letters Kazakh has and Russian does not; see app/utils/names.ts.
const KAZAKH = /[әғқңөұүһіӘҒҚҢӨҰҮҺІ]/gu;

/** The language a report is written in, by its letters: Kazakh letters, else Cyrillic, else Latin. */
export function languageOf(text: string): Language {
  const sample = text.slice(0, 20_000);
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (latin > cyrillic) return "en";
  const kazakh = sample.match(KAZAKH)?.length ?? 0;
  return kazakh > cyrillic / 100 ? "kk" : "ru";
}

/** The first letter made a capital: a phrase cut from a sentence, as a title. */
export const capitalise = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
