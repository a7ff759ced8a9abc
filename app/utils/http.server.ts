/** A record id from a route parameter; anything that is not one is a page that does not exist. */
export function requireId(value: string | undefined): number {
  const id = Number(value);
  if (!value || !/^\d+$/.test(value) || !Number.isSafeInteger(id) || id < 1) throw notFound();
  return id;
}

export function notFound() {
  return new Response("Not Found", { status: 404 });
}

/** The record, or a 404 that the root boundary shows in the user's language. */
export function found<T>(record: T | null | undefined): T {
  if (record == null) throw notFound();
  return record;
}

/** A request no form of ours could have sent; the root boundary shows a calm page. */
export function badRequest() {
  return new Response("Bad Request", { status: 400 });
}
