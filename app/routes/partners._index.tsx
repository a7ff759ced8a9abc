import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { ExportLinks } from "~/components/ExportLinks";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { RelationStatusBadge } from "~/components/StatusBadge";
import { getTranslator } from "~/i18n/i18n.server";
import { partnersPage } from "~/models/pages.server";
import type { PartnerSort } from "~/models/partners/read.server";
import { partnerListSort } from "~/models/list-filters.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  const sort = partnerListSort(search);
  const page = pageFromSearch(search);
  return {
    title: t("partner.listTitle"),
    sort,
    partners: partnersPage(lng, sort, page),
  };
}

export default function PartnersPage() {
  const { t } = useTranslation();
  const { partners, sort } = useLoaderData<typeof loader>();
  const [search] = useSearchParams();
  const sortHref = (to: PartnerSort) => {
    const params = new URLSearchParams(search);
    params.delete("page");
    if (to === "name") params.delete("sort");
    else params.set("sort", to);
    const query = params.toString();
    return query ? `?${query}` : ".";
  };
  return (
    <>
      <PageHeading
        actions={
          <div className="flex gap-2">
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
      {partners.total === 0 ? (
        <Empty>{t("partner.empty")}</Empty>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-left">
            <thead>
              <tr className="border-b border-stone-300 text-sm text-stone-600">
                <th scope="col" className="py-2 pr-4" aria-sort={sort === "name" ? "ascending" : undefined}>
                  <Link to={sortHref("name")} className="underline decoration-dotted">
                    {t("partner.sort.name")}
                  </Link>
                </th>
                <th scope="col" className="py-2 pr-4">
                  {t("partner.kind")}
                </th>
                <th scope="col" className="py-2 pr-4" aria-sort={sort === "country" ? "ascending" : undefined}>
                  <Link to={sortHref("country")} className="underline decoration-dotted">
                    {t("partner.sort.country")}
                  </Link>
                </th>
                <th scope="col" className="py-2">
                  {t("partner.relation")}
                </th>
              </tr>
            </thead>
            <tbody>
              {partners.items.map((partner) => (
                <tr key={partner.id} className="border-b border-stone-200 align-top">
                  <td className="py-2 pr-4">
                    <Link to={`/partners/${partner.id}`} className="font-medium text-sky-800 underline">
                      {partner.name}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{t(`partner.kinds.${partner.kind}`)}</td>
                  <td className="py-2 pr-4">{partner.country}</td>
                  <td className="py-2">
                    {partner.relations.length === 0 ? (
                      <span className="text-stone-500">{t("partner.noRelation")}</span>
                    ) : (
                      <ul className="space-y-1">
                        {partner.relations.map((relation) => (
                          <li key={relation.id} className="flex flex-wrap items-center gap-2">
                            <span>{t(`relation.types.${relation.type}`)}</span>
                            {relation.status ? <RelationStatusBadge status={relation.status} /> : null}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination {...partners} />
    </>
  );
}
