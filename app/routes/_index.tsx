import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InitiativeList } from "~/components/InitiativeList";
import { MeetingList } from "~/components/MeetingList";
import { ActionLink } from "~/components/Actions";
import { Empty, PageHeading, Section } from "~/components/Page";
import { RelationStatusBadge } from "~/components/StatusBadge";
import { getTranslator } from "~/i18n/i18next.server";
import { listInitiatives } from "~/models/initiatives.server";
import { listMeetings } from "~/models/meetings.server";
import { listPartners } from "~/models/partners.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lng, t } = await getTranslator(request);
  return {
    title: t("overview.title"),
    meetings: listMeetings({ lng, page: 1, pageSize: 5 }),
    initiatives: listInitiatives({ lng, page: 1, pageSize: 8, filter: { openOnly: true } }),
    partners: listPartners({ lng, page: 1, pageSize: 10 }),
  };
}

export default function Overview() {
  const { t } = useTranslation();
  const { meetings, initiatives, partners } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading actions={<ActionLink to="/meetings/new">{t("form.meeting.add")}</ActionLink>}>{t("overview.title")}</PageHeading>
      <div className="grid gap-8 lg:grid-cols-2">
        <div>
          <Section title={t("overview.recentMeetings")} id="recent-meetings">
            {meetings.total === 0 ? <Empty>{t("overview.noMeetings")}</Empty> : <MeetingList meetings={meetings.items} />}
            <Link to="/meetings" className="mt-2 inline-block text-sky-800 underline">
              {t("overview.allMeetings")}
            </Link>
          </Section>
          <Section title={t("overview.openInitiatives")} id="open-initiatives">
            {initiatives.total === 0 ? (
              <Empty>{t("overview.noInitiatives")}</Empty>
            ) : (
              <InitiativeList initiatives={initiatives.items} />
            )}
            <Link to="/initiatives" className="mt-2 inline-block text-sky-800 underline">
              {t("overview.allInitiatives")}
            </Link>
          </Section>
        </div>
        <Section title={t("overview.partners")} id="partners">
          {partners.total === 0 ? (
            <Empty>{t("overview.noPartners")}</Empty>
          ) : (
            <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
              {partners.items.map((partner) => (
                <li key={partner.id} className="p-3">
                  <Link to={`/partners/${partner.id}`} className="font-medium text-sky-800 underline">
                    {partner.name}
                  </Link>
                  <span className="text-sm text-stone-500"> · {partner.country}</span>
                  {partner.relations.length === 0 ? (
                    <p className="text-sm text-stone-500">{t("partner.noRelation")}</p>
                  ) : (
                    <ul className="mt-1 space-y-1">
                      {partner.relations.map((relation) => (
                        <li key={relation.id} className="flex flex-wrap items-center gap-2 text-sm">
                          {t(`relation.types.${relation.type}`)}
                          {relation.status ? <RelationStatusBadge status={relation.status} /> : null}
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          )}
          <Link to="/partners" className="mt-2 inline-block text-sky-800 underline">
            {t("overview.allPartners")}
          </Link>
        </Section>
      </div>
    </>
  );
}
