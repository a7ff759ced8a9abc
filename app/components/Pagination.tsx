import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { pageHref } from "~/utils/pagination";
import { PageLink } from "./Page";

type Pages = { page: number; pageCount: number; total: number; pageSize: number };

/** Previous / next links that keep the current filters; plain links, so they work without JS. */
export function Pagination(pages: Pages) {
  const location = useLocation();
  const search = new URLSearchParams(location.search);
  return <PagesNav {...pages} hrefFor={(target) => pageHref(location.pathname, search, target)} />;
}

/**
 * The pages' links, given the address of each page: what Pagination shows, and what markup drawn
 * on the server shows (./DrawnMarkup.server.tsx: no router there to read the address from).
 */
export function PagesNav({ page, pageCount, total, pageSize, hrefFor }: Pages & { hrefFor: (page: number) => string }) {
  const { t } = useTranslation();
  if (total === 0) return null;
  const from = (page - 1) * pageSize + 1;
  const to = Math.min(total, page * pageSize);
  return (
    <nav
      aria-label={t("common.pagination")}
      className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm print:hidden"
    >
      <p className="text-stone-600">
        {from <= total ? t("common.showing", { from, to, total }) : t("common.total", { count: total })}
      </p>
      <div className="flex items-center gap-3">
        {page > 1 ? (
          <PageLink
            to={hrefFor(page - 1)}
            rel="prev"
            className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100"
          >
            {t("common.previous")}
          </PageLink>
        ) : null}
        <span aria-current="page">{t("common.page", { page, pages: pageCount })}</span>
        {page < pageCount ? (
          <PageLink
            to={hrefFor(page + 1)}
            rel="next"
            className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100"
          >
            {t("common.next")}
          </PageLink>
        ) : null}
      </div>
    </nav>
  );
}
