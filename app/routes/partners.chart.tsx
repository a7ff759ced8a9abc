import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { FilterForm } from "~/components/FilterForm";
import { useTranslation } from "~/i18n/react";
import { RELATION_TYPES } from "~db/enums";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { documentMarkup } from "~/utils/document-markup.server";
import { relationChartMarkup } from "~/components/RelationChart.server";
import { drawMarkup } from "~/components/DrawnMarkup.server";
import { LaneTable } from "~/components/LaneTable";
import { getTranslator } from "~/i18n/i18n.server";
import { chartCountries, chartPage } from "~/models/pages.server";
import { titled } from "~/utils/meta";
import { todayInAstana } from "~/utils/overdue";
import { pageFromSearch } from "~/utils/pagination";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  const countries = chartCountries(lng);
  const country = search.get("country");
  const type = search.get("type");
  const filter = {
    countryCode: countries.some((c) => c.value === country) ? (country as string) : undefined,
    type: (RELATION_TYPES as readonly string[]).includes(type ?? "")
      ? (type as (typeof RELATION_TYPES)[number])
      : undefined,
  };
  const today = todayInAstana();
  const page = pageFromSearch(search);
  const title = t("chart.allRelations");
  // The chart and its table for screen readers, drawn with the page's reads and kept with them.
  const { pages, chart } = chartPage(lng, today, {
    filter,
    page,
    draw: (lanes) =>
      relationChartMarkup(lanes, today, title, lng) + drawMarkup(lng, <LaneTable lanes={lanes} title={title} />),
  });
  return { title, filter, countries, pages, chart: documentMarkup(context, "routes/partners.chart", "chart", chart) };
}

export default function RelationsChartPage() {
  const { t } = useTranslation();
  const { title, filter, countries, pages, chart } = useLoaderData<typeof loader>();
  const select = "mt-1 rounded border border-stone-300 bg-white px-2 py-1";
  return (
    <>
      <PageHeading>{title}</PageHeading>
      <FilterForm className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
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
        <button
          type="submit"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
        >
          {t("common.apply")}
        </button>
      </FilterForm>
      <p className="mb-2 text-sm text-stone-600">{t("chart.sortedByContact")}</p>
      {pages.total === 0 ? (
        <Empty>{t("partner.empty")}</Empty>
      ) : (
        // Drawn on the server (RelationChart.server.tsx, LaneTable.tsx), its links followed in the page.
        <DrawnMarkup html={chart} />
      )}
      <Pagination {...pages} />
    </>
  );
}
