/**
 * The whole of what the interface needs from a translation library: a dotted key looked up in
 * one language's strings, and {{placeholders}} filled. It runs on the server and in the browser
 * alike, so both render the same words (docs/decisions/0003-translations.md).
 */
export type Strings = { readonly [key: string]: string | Strings };
export type TOptions = { defaultValue?: string } & Record<string, unknown>;
export type T = (key: string, options?: TOptions) => string;

function lookup(strings: Strings, key: string): string | undefined {
  let node: string | Strings | undefined = strings;
  for (const part of key.split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

const PLACEHOLDER = /{{\s*(\w+)\s*}}/g;

/** `fallback` answers for a key the language lacks; then `defaultValue`; then the key itself. */
export function translator(strings: Strings, fallback?: Strings): T {
  const found = new Map<string, string | undefined>();
  return (key, options) => {
    let text = found.get(key);
    if (text === undefined && !found.has(key)) {
      text = lookup(strings, key) ?? (fallback && lookup(fallback, key));
      found.set(key, text);
    }
    text ??= options?.defaultValue ?? key;
    if (!options) return text;
    return text.replace(PLACEHOLDER, (_, name: string) => {
      const value = options[name];
      return value == null ? "" : String(value);
    });
  };
}
