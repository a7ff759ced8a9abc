/**
 * True when the browser says a request came from another site. Browsers send Sec-Fetch-Site
 * (and Origin) with every POST; a client that sends neither is not a browser that could be
 * tricked into posting, and still needs the session cookie.
 *
 * An Origin naming another host than the request's own is another site's whatever Sec-Fetch-Site
 * says: Remix refuses such an action itself (comparing the Origin's host with the forwarded host,
 * else the Host) by throwing, which was a 500 and a stack in the log for each one.
 */
export function isCrossSite(headers: Headers | Record<string, string | string[] | undefined>, ownOrigin: string) {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name.toLowerCase()];
    return Array.isArray(value) ? (value[0] ?? null) : (value ?? null);
  };
  const origin = get("Origin");
  if (origin !== null && hostOf(origin) !== (requestHost(get) ?? hostOf(ownOrigin))) return true;
  const site = get("Sec-Fetch-Site");
  if (site) return site !== "same-origin" && site !== "none";
  return origin !== null && origin !== ownOrigin;
}

function hostOf(origin: string) {
  try {
    return origin === "null" ? null : new URL(origin).host;
  } catch {
    return null;
  }
}

/** The host Remix compares an action's Origin with: the first forwarded host, else the Host. */
function requestHost(get: (name: string) => string | null) {
  return get("X-Forwarded-Host")?.split(",")[0]?.trim() || get("Host");
}
