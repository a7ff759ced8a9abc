/**
 * Characters no one types, which pasting or a script brings into a record and which then hide in
 * it: control characters other than the tab and line breaks (a NUL cuts a name short in other
 * programs), the bidi embeddings, overrides and isolates (from one of them on, a name is shown
 * backwards: "Beijing" can be made to look like another), zero-width spaces and word joiners, and
 * the byte-order mark. The left-to-right and right-to-left marks, which Arabic and Hebrew text
 * needs, are kept, as are the zero-width joiners that some scripts and emoji need.
 */
const UNSEEN = /(?![\t\n\r])[\p{Cc}\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/gu;

/**
 * Text as it is kept: without the characters above, and in one Unicode form (NFC), so that "й"
 * typed as "и" and a combining breve is the one letter й, stored, compared and counted as one.
 */
export function cleanText(text: string) {
  return text.normalize("NFC").replace(UNSEEN, "");
}
