/**
 * A Korean name written in Hangul is the family name, then the given name, without a space:
 * 김민준 is Kim (김) Min-jun (민준). A name written with spaces is found by its later words
 * (./fold.ts, nameKeys); one written without them is found by its given name only if it is keyed
 * so too, and this says what the given name is.
 */

/**
 * The family names of two syllables (남궁, 황보...): the rest of the name is the given name. The
 * first syllable of each is a family name too (남, 황), so both readings are keyed.
 */
const TWO_SYLLABLE_FAMILY_NAMES = new Set(["남궁", "황보", "제갈", "사공", "선우", "서문", "독고", "동방"]);

/** A whole name of two to four Hangul syllables: a family name and a given name, no space. */
const KOREAN_NAME = /^[\uac00-\ud7a3]{2,4}$/;

/**
 * The given name(s) a person's name written in Hangul without a space holds ("김민준" → ["민준"]);
 * none for any other name. Only for people: a place or a body has no family name ("경기도").
 */
export function koreanGivenNames(name: string): string[] {
  const whole = name.trim().normalize("NFC");
  if (!KOREAN_NAME.test(whole)) return [];
  const given = [whole.slice(1)];
  if (whole.length >= 3 && TWO_SYLLABLE_FAMILY_NAMES.has(whole.slice(0, 2))) given.push(whole.slice(2));
  return given;
}
