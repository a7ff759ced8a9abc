import type { Language } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";
import type { ChartFilter, RelationLane } from "~/models/relation-chart.server";
import { RELATION_TYPES } from "~db/enums";
import { drawMarkup } from "./DrawnMarkup.server";
import { DrawnFilterForm, FilterActions } from "./FilterForm";
import { LaneTable } from "./LaneTable";
import { Empty } from "./Page";
import { PagesNav } from "./Pagination";
import { relationChartMarkup } from "./RelationChart.server";

type Pages = { page: number; pageCount: number; total: number; pageSize: number };
type Country = { value: string; label: string };

/** The address of a page of the chart as filtered by `filter`. */
export function chartHref(filter: ChartFilter, page: number) {
  const params = new URLSearchParams();
  if (filter.countryCode) params.set("country", filter.countryCode);
  if (filter.type) params.set("type", filter.type);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `/partners/chart?${query}` : "/partners/chart";
}

/**
 * The chart of all relations under its heading, as markup drawn once per filter and page with the
 * reads (models/pages.server.ts, chartPage): the filter (a plain GET form DrawnMarkup follows in
 * the page), the chart and its table for screen readers, and the pages' links. The same for every
 * account.
 */
export function drawAllRelations(
  lng: Language,
  today: string,
  {
    title,
    filter,
    countries,
    lanes,
    pages,
  }: {
    title: string;
    filter: ChartFilter;
    countries: Country[];
    lanes: RelationLane[];
    pages: Pages;
  },
): string {
  const chart = lanes.length
    ? relationChartMarkup(lanes, today, title, lng) + drawMarkup(lng, <LaneTable lanes={lanes} title={title} />)
    : "";
  const nav = drawMarkup(lng, <PagesNav {...pages} hrefFor={(page) => chartHref(filter, page)} />);
  return (
    drawMarkup(lng, <ChartFilterForm filter={filter} countries={countries} empty={pages.total === 0} />) + chart + nav
  );
}

function ChartFilterForm({ filter, countries, empty }: { filter: ChartFilter; countries: Country[]; empty: boolean }) {
  const { t } = useTranslation();
  const select = "mt-1 rounded border border-stone-300 bg-white px-2 py-1";
  return (
    <>
      <DrawnFilterForm action="/partners/chart">
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("partner.country")}</span>
          <select name="country" defaultValue={filter.countryCode ?? ""} className={select}>
            <option value="">{t("chart.allCountries")}</option>
            {countries.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("form.relation.type")}</span>
          <select name="type" defaultValue={filter.type ?? ""} className={select}>
            <option value="">{t("chart.allTypes")}</option>
            {RELATION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`relation.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <FilterActions resetTo="/partners/chart" filtered={Boolean(filter.countryCode || filter.type)} />
      </DrawnFilterForm>
      <p className="mb-2 text-sm text-stone-600">{t("chart.sortedByContact")}</p>
      {empty ? <Empty>{t("partner.empty")}</Empty> : null}
    </>
  );
}
