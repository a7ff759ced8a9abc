import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { drawMarkup } from "~/components/DrawnMarkup.server";
import { ExportLinks } from "~/components/ExportLinks";
import { Empty, PageHeading } from "~/components/Page";
import { foundAny, SearchResults } from "~/components/SearchResults";
import { getTranslator } from "~/i18n/i18n.server";
import { searchQuery } from "~/models/list-filters.server";
import { searchPage } from "~/models/pages.server";
import { documentMarkup } from "~/utils/document-markup.server";
import { titled } from "~/utils/meta";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const query = searchQuery(new URL(request.url).searchParams);
  // The results as markup: rendered by React once and kept with the reads until the data changes,
  // not also sent as data to render again in the browser (app/utils/document-markup.server.ts).
  const { found, list } = searchPage(query, lng, (found) =>
    drawMarkup(lng, <SearchResults query={query} {...found} />),
  );
  return {
    title: t("search.title"),
    query,
    searched: found.results !== null,
    found: foundAny(found),
    list: documentMarkup(context, "routes/search", "list", list),
  };
}

export default function SearchPage() {
  const { t } = useTranslation();
  const { query, searched, found, list } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("search.title")}</PageHeading>
      <Form method="get" role="search" className="mb-6 flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          {t("search.label")}
        </label>
        <input
          id="search-page-q"
          type="search"
          name="q"
          defaultValue={query}
          className="flex-1 rounded border border-stone-300 bg-white px-3 py-2"
        />
        <button type="submit" className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
          {t("search.submit")}
        </button>
      </Form>
      {searched && !found ? <Empty>{t("search.nothing", { query })}</Empty> : null}
      {found ? <ExportLinks list="search" /> : null}
      <DrawnMarkup html={list} />
    </>
  );
}
