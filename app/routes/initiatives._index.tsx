import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { INITIATIVE_STATUSES } from "../../db/schema";
import { InitiativeList } from "~/components/InitiativeList";
import { ActionLink } from "~/components/Actions";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18next.server";
import { isInitiativeStatus, listInitiatives } from "~/models/initiatives.server";
import { partnerChoices } from "~/models/partners.server";
import { titled } from "~/utils/meta";
import { idFromSearch, pageFromSearch } from "~/utils/pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  const status = search.get("status");
  const filter = {
    status: isInitiativeStatus(status) ? status : undefined,
    partnerId: idFromSearch(search, "partner"),
  };
  return {
    title: t("initiative.listTitle"),
    filter,
    partners: partnerChoices(lng),
    initiatives: listInitiatives({ lng, page: pageFromSearch(search), filter }),
  };
}

export default function InitiativesPage() {
  const { t } = useTranslation();
  const { initiatives, filter, partners } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading actions={<ActionLink to="/initiatives/new">{t("form.initiative.add")}</ActionLink>}>{t("initiative.listTitle")}</PageHeading>
      <Form method="get" className="mb-4 flex flex-wrap items-end gap-3 print:hidden" aria-label={t("common.filter")}>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("initiative.status")}</span>
          <select name="status" defaultValue={filter.status ?? ""} className="mt-1 rounded border border-stone-300 bg-white px-2 py-1">
            <option value="">{t("initiative.allStatuses")}</option>
            {INITIATIVE_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`initiative.statuses.${status}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("initiative.partner")}</span>
          <select name="partner" defaultValue={filter.partnerId ?? ""} className="mt-1 rounded border border-stone-300 bg-white px-2 py-1">
            <option value="">{t("initiative.allPartners")}</option>
            {partners.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900">
          {t("common.apply")}
        </button>
        {filter.status || filter.partnerId ? (
          <Link to="/initiatives" className="text-sm text-sky-800 underline">
            {t("common.reset")}
          </Link>
        ) : null}
      </Form>
      {initiatives.total === 0 ? <Empty>{t("initiative.empty")}</Empty> : <InitiativeList initiatives={initiatives.items} />}
      <Pagination {...initiatives} />
    </>
  );
}
