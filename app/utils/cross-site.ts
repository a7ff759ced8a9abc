/**
 * True when the browser says a request came from another site. Browsers send Sec-Fetch-Site
 * (and Origin) with every POST; a client that sends neither is not a browser that could be
 * tricked into posting, and still needs the session cookie.
 */
export function isCrossSite(headers: Headers | Record<string, string | string[] | undefined>, ownOrigin: string) {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  const site = get("Sec-Fetch-Site");
  if (site) return site !== "same-origin" && site !== "none";
  const origin = get("Origin");
  return origin !== null && origin !== ownOrigin;
}
