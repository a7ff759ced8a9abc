export const PAGE_SIZE = 20;

/** The requested page from `?page=`, a whole number from 1; anything else means page 1. */
export function pageFromSearch(params: URLSearchParams): number {
  const page = Number(params.get("page"));
  return Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1;
}

export type Page<T> = { items: T[]; page: number; pageCount: number; total: number; pageSize: number };

export function pageOf<T>(items: T[], total: number, page: number, pageSize = PAGE_SIZE): Page<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

export const offsetOf = (page: number, pageSize = PAGE_SIZE) => (page - 1) * pageSize;

/** An optional positive integer id from a search parameter, or undefined. */
export function idFromSearch(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (!raw) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The address of a list's page, keeping what else its address asks (the filter). */
export function pageHref(path: string, search: URLSearchParams, page: number) {
  const params = new URLSearchParams(search);
  params.delete("page");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}
