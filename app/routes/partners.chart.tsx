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
  const { lanes, chart } = chartPage(lng, today, {
    filter,
    page,
    draw: (lanes) => relationChartMarkup(lanes, today, title, lng),
  });
  return { title, filter, countries, lanes, chart: documentMarkup(context, "routes/partners.chart", "chart", chart) };
}

export default function RelationsChartPage() {
  const { t } = useTranslation();
  const { title, filter, countries, lanes, chart } = useLoaderData<typeof loader>();
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
      {lanes.total === 0 ? (
        <Empty>{t("partner.empty")}</Empty>
      ) : (
        // Drawn on the server (RelationChart.server.tsx), its links followed in the page.
        <DrawnMarkup html={chart} />
      )}
      {lanes.total > 0 ? (
        // The sr-only box wraps the table: a table ignores the 1 px width and the clipping, and
        // at its full width it widened the page on a phone.
        <div className="sr-only">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{t("partner.name")}</th>
                <th scope="col">{t("partner.relation")}</th>
                <th scope="col">{t("chart.lastMeeting")}</th>
              </tr>
            </thead>
            <tbody>
              {lanes.items.map((lane) => (
                <tr key={lane.id}>
                  <td>{lane.name}</td>
                  <td>{lane.types.map((type) => t(`relation.types.${type}`)).join(", ")}</td>
                  <td>{lane.lastContact?.slice(0, 4) ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      <Pagination {...lanes} />
    </>
  );
}
