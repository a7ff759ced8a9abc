// Any origin of ours would do: only whether the parsed URL keeps it matters.
const BASE = "http://kezdesu.invalid";
// C0 and C1 controls and DEL: browsers drop tabs and newlines from a URL ("/\t/evil.example"
// becomes "//evil.example"), and a header value with CR or LF makes Headers.set throw.
const CONTROL = /\p{Cc}/u;
// As long as the sign-in form's redirectTo may be (app/forms/account.ts): a longer target would
// make the form refuse a right password over a field the user cannot see.
const MAX_LENGTH = 2000;

/**
 * Only a path on this site: never another origin, never "//evil.example" in any spelling.
 * The target is judged as the URL parser reads it, then given back in that parsed form
 * (percent-encoded, so "/search?q=Астана" is a valid Location header too). Issue 12.2.
 */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || CONTROL.test(to) || to.includes("\\")) return fallback;
  let url: URL;
  try {
    url = new URL(to, BASE);
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // "/.//evil.example" parses to the path "//evil.example", which a browser reads as a host.
  if (url.origin !== BASE || !isPlainPath(url.pathname) || path.length > MAX_LENGTH) return fallback;
  return path;
}

/** A path that stays a path even if decoded once more ("/%2F%2Fevil.example", "/%09/x"). */
function isPlainPath(pathname: string) {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  return !/^\/[/\\]/.test(pathname) && !/^\/[/\\]/.test(decoded) && !CONTROL.test(decoded) && !decoded.includes("\\");
}
