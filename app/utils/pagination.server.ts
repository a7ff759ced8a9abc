import { redirect } from "@remix-run/node";
import { pageHref, type Page } from "./pagination";

/**
 * A page past a list's last (an old link, a typed address, a list that shrank) is answered with
 * its last page: drawn, it said the list was empty ("no documents attached") under "page 999999
 * of 1, 20 in all".
 */
export function toLastPageIfPast(
  request: Request,
  { page, pageCount, total }: Pick<Page<unknown>, "page" | "pageCount" | "total">,
) {
  if (total === 0 || page <= pageCount) return;
  const url = new URL(request.url);
  throw redirect(pageHref(url.pathname, url.searchParams, pageCount));
}
