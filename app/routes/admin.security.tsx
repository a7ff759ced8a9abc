import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireAdmin } from "~/auth.server";
import { ActivityFilter } from "~/components/ActivityFilter";
import { AdminNav } from "~/components/AdminNav";
import { TimeText } from "~/components/DateText";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { authors } from "~/models/history.server";
import { listSecurityEvents } from "~/models/security-log.server";
import { dayFrom, dayStartUtc, nextDayStartUtc } from "~/utils/days";
import { titled } from "~/utils/meta";
import { idFromSearch, pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";
import { sayInstant } from "~/i18n/said-dates.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t, lng } = await getTranslator(request);
  const params = new URL(request.url).searchParams;
  const from = dayFrom(params, "from");
  const to = dayFrom(params, "to");
  const userId = idFromSearch(params, "user");
  const page = listSecurityEvents({
    page: pageFromSearch(params),
    userId,
    from: from && dayStartUtc(from),
    to: to && nextDayStartUtc(to),
  });
  toLastPageIfPast(request, page);
  const items = page.items.map((event) => ({
    ...event,
    at: sayInstant(event.at, lng, true),
    lastSeenAt: sayInstant(event.lastSeenAt, lng, true),
  }));
  return {
    title: t("admin.security.title"),
    page: { ...page, items },
    authors: authors(),
    filter: { userId, from, to },
  };
}

export default function SecurityLogPage() {
  const { t } = useTranslation();
  const { page, authors, filter } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("admin.security.title")}</PageHeading>
      <AdminNav />
      <ActivityFilter authors={authors} filter={filter} />
      {page.items.length === 0 ? <Empty>{t("admin.activity.empty")}</Empty> : null}
      {/* On a phone each event is a block of lines: four columns do not fit in 390 px. */}
      <table className="w-full text-left text-sm max-sm:block">
        <thead className="max-sm:sr-only">
          <tr className="border-b border-stone-300">
            <th scope="col" className="py-2">
              {t("admin.security.when")}
            </th>
            <th scope="col">{t("admin.security.event")}</th>
            <th scope="col" className="pr-2 text-right">
              {t("admin.security.times")}
            </th>
            <th scope="col">{t("admin.security.who")}</th>
            <th scope="col">{t("admin.security.details")}</th>
          </tr>
        </thead>
        <tbody className="max-sm:block">
          {page.items.map((event) => (
            <tr key={event.id} className="border-b border-stone-200 align-top max-sm:block max-sm:py-2">
              <td className="py-2 whitespace-nowrap max-sm:block max-sm:py-0">
                <TimeText time={event.at} />
                {event.count > 1 ? (
                  <div className="text-stone-600">
                    {t("admin.security.lastAt")} <TimeText time={event.lastSeenAt} />
                  </div>
                ) : null}
              </td>
              <td className="max-sm:block">{t(`admin.security.events.${event.event}`)}</td>
              <td className="pr-2 text-right tabular-nums max-sm:block max-sm:text-left">
                {t("common.number", { value: event.count })}
              </td>
              <td className="break-words max-sm:block">{event.userName ?? event.email ?? "—"}</td>
              <td className="break-all max-sm:block">
                {[event.subjectName, event.detail, event.address].filter(Boolean).join(" · ")}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pagination {...page} />
    </>
  );
}
