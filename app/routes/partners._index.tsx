import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { ExportLinks } from "~/components/ExportLinks";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { drawMarkup } from "~/components/DrawnMarkup.server";
import { PartnerTable } from "~/components/PartnerTable";
import { getTranslator } from "~/i18n/i18n.server";
import { partnersPage } from "~/models/pages.server";
import { partnerListSort } from "~/models/list-filters.server";
import { documentMarkup } from "~/utils/document-markup.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  const sort = partnerListSort(search);
  // The page of partners drawn with its reads and kept with them (models/pages.server.ts).
  const { pages, list } = partnersPage(lng, sort, pageFromSearch(search), (partners) =>
    drawMarkup(
      lng,
      partners.total === 0 ? (
        <Empty>{t("partner.empty")}</Empty>
      ) : (
        <PartnerTable partners={partners.items} sort={sort} />
      ),
    ),
  );
  toLastPageIfPast(request, pages);
  return {
    title: t("partner.listTitle"),
    pages,
    list: documentMarkup(context, "routes/partners._index", "list", list),
  };
}

export default function PartnersPage() {
  const { t } = useTranslation();
  const { pages, list } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading
        actions={
          <div className="flex flex-wrap gap-2">
            <ActionLink to="/partners/chart" tone="secondary" need="viewer">
              {t("chart.open")}
            </ActionLink>
            <ActionLink to="/partners/new">{t("form.partner.add")}</ActionLink>
          </div>
        }
      >
        {t("partner.listTitle")}
      </PageHeading>
      <ExportLinks list="partners" />
      <p className="-mt-2 mb-4 text-sm print:hidden">
        <a href="/open-data/popolo.json" download className="text-sky-800 underline underline-offset-2">
          {t("openData.link")}
        </a>{" "}
        <span className="text-stone-600">{t("openData.hint")}</span>
      </p>
      <DrawnMarkup html={list} />
      <Pagination {...pages} />
    </>
  );
}
