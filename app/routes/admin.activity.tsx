import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireAdmin } from "~/auth.server";
import { EntryMeta } from "~/components/EntryMeta";
import { ActivityFilter } from "~/components/ActivityFilter";
import { AdminNav } from "~/components/AdminNav";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { activity, auditedTypes, authors, isAuditedType } from "~/models/history.server";
import { labelled } from "~/models/history-labels.server";
import { dayFrom, dayStartUtc, nextDayStartUtc } from "~/utils/days";
import { titled } from "~/utils/meta";
import { idFromSearch, pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t, lng } = await getTranslator(request);
  const params = new URL(request.url).searchParams;
  const recordType = params.get("type");
  const from = dayFrom(params, "from");
  const to = dayFrom(params, "to");
  const filter = {
    userId: idFromSearch(params, "user"),
    recordType: isAuditedType(recordType) ? recordType : undefined,
    from: from && dayStartUtc(from),
    to: to && nextDayStartUtc(to),
  };
  const page = activity(filter, pageFromSearch(params));
  toLastPageIfPast(request, page);
  return {
    title: t("admin.activity.title"),
    page: { ...page, items: labelled(page.items, lng, t) },
    authors: authors(),
    // From the loader, not imported by the page: the enums' module would be the page's only
    // reason to load it, and this page sat at the first-load limit (issue 17).
    recordTypes: auditedTypes(),
    filter: { ...filter, from, to },
  };
}

export default function ActivityPage() {
  const { t } = useTranslation();
  const { page, authors, recordTypes, filter } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("admin.activity.title")}</PageHeading>
      <AdminNav />
      <ActivityFilter authors={authors} filter={filter}>
        <label className="font-medium text-stone-700">
          {t("admin.activity.recordType")}
          <select
            name="type"
            defaultValue={filter.recordType ?? ""}
            className="mt-1 block rounded border border-stone-300 bg-white px-2 py-1.5"
          >
            <option value="">{t("admin.activity.allTypes")}</option>
            {recordTypes.map((type) => (
              <option key={type} value={type}>
                {t(`history.types.${type}`)}
              </option>
            ))}
          </select>
        </label>
      </ActivityFilter>
      {page.items.length === 0 ? <Empty>{t("admin.activity.empty")}</Empty> : null}
      <ol aria-label={t("admin.activity.title")} className="space-y-2">
        {page.items.map((entry) => (
          <li key={entry.id} className="rounded border border-stone-200 bg-white p-3">
            <p>
              {t(`history.types.${entry.recordType}`)}:{" "}
              <Link to={`/history/${entry.recordType}/${entry.recordId}`} className="text-sky-800 underline">
                {entry.label}
              </Link>
            </p>
            <EntryMeta at={entry.at} userName={entry.userName} outside={entry.outside} action={entry.action} />
          </li>
        ))}
      </ol>
      <Pagination {...page} />
    </>
  );
}
