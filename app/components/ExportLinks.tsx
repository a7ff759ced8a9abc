import { useLocation } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { EXPORT_LIMIT, type ExportList } from "~/exchange/lists";

/**
 * The list as a file, with the filters in the page's address (issue 16.2); the page number is
 * left out, since a file holds every page.
 */
export function ExportLinks({ list }: { list: ExportList }) {
  const { t } = useTranslation();
  const search = new URLSearchParams(useLocation().search);
  search.delete("page");
  const query = search.toString() ? `?${search}` : "";
  const link = "rounded border border-stone-300 bg-white px-2 py-1 text-stone-800 hover:bg-stone-100";
  return (
    <p className="mb-4 flex flex-wrap items-center gap-2 text-sm print:hidden">
      <span className="text-stone-700">{t("exports.label")}</span>
      <a href={`/export/${list}.csv${query}`} download className={link}>
        {t("exports.csv")}
      </a>
      <a href={`/export/${list}.xlsx${query}`} download className={link}>
        {t("exports.xlsx")}
      </a>
      <span className="text-stone-600">{t("exports.limit", { limit: EXPORT_LIMIT })}</span>
    </p>
  );
}
