import { Link, useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/** Previous / next links that keep the current filters; plain links, so they work without JS. */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
}: {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
}) {
  const { t } = useTranslation();
  const location = useLocation();
  if (total === 0) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams(location.search);
    if (target === 1) params.delete("page");
    else params.set("page", String(target));
    const query = params.toString();
    return query ? `?${query}` : location.pathname;
  };
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
          <Link
            to={hrefFor(page - 1)}
            rel="prev"
            className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100"
          >
            {t("common.previous")}
          </Link>
        ) : null}
        <span aria-current="page">{t("common.page", { page, pages: pageCount })}</span>
        {page < pageCount ? (
          <Link
            to={hrefFor(page + 1)}
            rel="next"
            className="rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100"
          >
            {t("common.next")}
          </Link>
        ) : null}
      </div>
    </nav>
  );
}
