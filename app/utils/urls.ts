/** Only http(s) links are rendered as links: a stored "javascript:" URL must never run. */
export function isWebUrl(value: string | null | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** "tengrinews.kz/…" as the address it means; what already starts with http(s):// as typed. */
export function withWebScheme(text: string): string {
  return text === "" || /^https?:\/\//i.test(text) ? text : `https://${text}`;
}

/**
 * An address worth storing as a source's link: http(s), a host with a dot in it (a bare word is a
 * typo, not a site), and no user name or password in it.
 */
export function isWebAddress(value: string): boolean {
  if (!isWebUrl(value)) return false;
  const url = new URL(value);
  return (
    url.hostname.includes(".") &&
    !url.hostname.startsWith(".") &&
    !url.hostname.endsWith(".") &&
    !url.username &&
    !url.password
  );
}
