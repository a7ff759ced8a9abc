/**
 * The whole of what the interface needs from a translation library: a dotted key looked up in
 * one language's strings, and {{placeholders}} filled; a number marked `{{count, number}}` is
 * written as the language writes numbers (12 345,5 in Kazakh and Russian, 12,345.5 in English),
 * and an unmarked one (a year, an id) as it is. It runs on the server and in the browser
 * alike, so both render the same words (docs/decisions/0003-translations.md).
 */
import { NUMBER_SEPARATORS, type Language } from "./config";
import type en from "./locales/en";

export type Strings = { readonly [key: string]: string | Strings };
export type TOptions = { defaultValue?: string } & Record<string, unknown>;
/**
 * Every key the interface has: the dotted paths to the strings of en.ts, the reference every
 * language matches. A missing or misspelt key fails `tsc`; a key built from a value
 * (`meeting.roles.${role}`) is checked for every value its type allows. Types only: no bytes
 * reach the browser.
 */
export type TranslationKey = KeysOf<typeof en>;
type KeysOf<S, Prefix extends string = ""> = {
  [K in keyof S & string]: S[K] extends string ? `${Prefix}${K}` : KeysOf<S[K], `${Prefix}${K}.`>;
}[keyof S & string];

export type T = (key: TranslationKey, options?: TOptions) => string;

/**
 * A key made of a value known only at run time (a field named in a history row, a library's
 * warning code): the one place a key escapes the check. The translator answers a key it lacks
 * with `defaultValue` or the key itself, and tests/i18n.test.ts covers the values the app writes.
 */
export const keyFrom = (key: string) => key as TranslationKey;

function lookup(strings: Strings, key: string): string | undefined {
  let node: string | Strings | undefined = strings;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

const PLACEHOLDER = /{{\s*(\w+)\s*(,\s*number\s*)?}}/g;

/**
 * `fallback` answers for a key the language lacks; then `defaultValue`; then the key itself.
 * `lng` writes the marked numbers.
 */
export function translator(strings: Strings, fallback?: Strings, lng: Language = "en"): T {
  const found = new Map<string, string | undefined>();
  const separators = NUMBER_SEPARATORS[lng];
  return (key, options) => {
    let text = found.get(key);
    if (text === undefined && !found.has(key)) {
      text = lookup(strings, key) ?? (fallback && lookup(fallback, key));
      found.set(key, text);
    }
    text ??= options?.defaultValue ?? key;
    if (!options) return text;
    return text.replace(PLACEHOLDER, (_, name: string, isNumber?: string) => {
      const value = options[name];
      if (value == null) return "";
      const n = isNumber && value !== "" ? Number(value) : NaN;
      return Number.isFinite(n) ? written(n, separators) : String(value);
    });
  };
}

/** A number as the language writes it: its whole part in groups of three digits, from the right. */
function written(n: number, { group, decimal }: { group: string; decimal: string }) {
  const [whole, fraction] = String(Math.abs(n)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  return (n < 0 ? "-" : "") + grouped + (fraction ? decimal + fraction : "");
}
