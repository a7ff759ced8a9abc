import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { ExportLinks } from "~/components/ExportLinks";
import { Badge, Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { listOrganisations } from "~/models/organisations.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const page = pageFromSearch(new URL(request.url).searchParams);
  const organisations = listOrganisations({ lng, page });
  toLastPageIfPast(request, organisations);
  return { title: t("organisation.listTitle"), organisations };
}

export default function OrganisationsPage() {
  const { t } = useTranslation();
  const { organisations } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading actions={<ActionLink to="/organisations/new">{t("form.organisation.add")}</ActionLink>}>
        {t("organisation.listTitle")}
      </PageHeading>
      <ExportLinks list="organisations" />
      {organisations.total === 0 ? (
        <Empty>{t("organisation.empty")}</Empty>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {organisations.items.map((organisation) => (
            <li key={organisation.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <Link to={`/organisations/${organisation.id}`} className="font-medium text-sky-800 underline">
                  {organisation.name}
                </Link>
                <p className="text-sm text-stone-600">{organisation.partner.name}</p>
              </div>
              <Badge tone={organisation.ourSide ? "sky" : "stone"}>
                {t(organisation.ourSide ? "organisation.ourSide" : "organisation.partnerSide")}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <Pagination {...organisations} />
    </>
  );
}
