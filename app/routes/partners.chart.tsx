import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { RELATION_TYPES } from "~db/enums";
import { PageHeading } from "~/components/Page";
import { documentMarkup } from "~/utils/document-markup.server";
import { drawAllRelations } from "~/components/AllRelations.server";
import { getTranslator } from "~/i18n/i18n.server";
import { chartCountries, chartPage } from "~/models/pages.server";
import { titled } from "~/utils/meta";
import { todayInAstana } from "~/utils/today";
import { pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";
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
  const title = t("chart.allRelations");
  // The filter, the chart, its table for screen readers and its pages' links, drawn with the
  // page's reads and kept with them (components/AllRelations.server.tsx).
  const chart = chartPage(lng, today, {
    filter,
    page: pageFromSearch(search),
    draw: (lanes, pages) => drawAllRelations(lng, today, { title, filter, countries, lanes, pages }),
  });
  toLastPageIfPast(request, chart.pages);
  return { title, chart: documentMarkup(context, "routes/partners.chart", "chart", chart.markup) };
}

export default function RelationsChartPage() {
  const { title, chart } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {/* Drawn on the server, its links and its filter followed in the page. */}
      <DrawnMarkup html={chart} />
    </>
  );
}
