import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { InitiativeList } from "~/components/InitiativeList";
import { MeetingList } from "~/components/MeetingList";
import { ActionLink } from "~/components/Actions";
import { Empty, PageHeading, Section } from "~/components/Page";
import { PartialDateText } from "~/components/PartialDateText";
import { RelationStatusBadge } from "~/components/StatusBadge";
import { getTranslator } from "~/i18n/i18n.server";
import { overviewPage } from "~/models/pages.server";
import { titled } from "~/utils/meta";
import { todayInAstana } from "~/utils/overdue";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const today = todayInAstana();
  return { title: t("overview.title"), ...overviewPage(lng, today) };
}

export default function Overview() {
  const { t } = useTranslation();
  const { upcoming, meetings, overdue, initiatives, partners, quiet } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading actions={<ActionLink to="/meetings/new">{t("form.meeting.add")}</ActionLink>}>
        {t("overview.title")}
      </PageHeading>
      <div className="grid gap-8 lg:grid-cols-2">
        <div>
          <Section title={t("overview.upcoming")} id="upcoming">
            {upcoming.length === 0 ? (
              <Empty>{t("overview.noUpcoming")}</Empty>
            ) : (
              <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
                {upcoming.map((item) => (
                  <li key={`${item.kind}-${item.id}`} className="p-3 text-sm">
                    <span className="text-stone-600">
                      <PartialDateText date={item.date} />
                    </span>{" "}
                    {item.kind === "meeting" ? (
                      <Link to={`/meetings/${item.id}`} className="font-medium text-sky-800 underline">
                        {item.partner ? t("meeting.title", { partner: item.partner }) : t("meeting.titleNoPartner")}
                      </Link>
                    ) : (
                      <Link to={`/delegations/${item.id}`} className="font-medium text-sky-800 underline">
                        {t(`meeting.directions.${item.direction}`)} · {item.partner}
                      </Link>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t("overview.recentMeetings")} id="recent-meetings">
            {meetings.total === 0 ? (
              <Empty>{t("overview.noMeetings")}</Empty>
            ) : (
              <MeetingList meetings={meetings.items} />
            )}
            <Link to="/meetings" className="mt-2 inline-block text-sky-800 underline">
              {t("overview.allMeetings")}
            </Link>
          </Section>
          {overdue.total > 0 ? (
            <Section title={`${t("overview.overdueInitiatives")} (${overdue.total})`} id="overdue-initiatives">
              <InitiativeList initiatives={overdue.items} />
              <Link to="/initiatives?overdue=1" className="mt-2 inline-block text-sky-800 underline">
                {t("initiative.showAll", { count: overdue.total })}
              </Link>
            </Section>
          ) : null}
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
        <div>
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
          <Section title={t("overview.quietPartners")} id="quiet">
            {quiet.length === 0 ? (
              <Empty>{t("overview.noQuiet")}</Empty>
            ) : (
              <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
                {quiet.map((partner) => (
                  <li key={partner.id} className="p-3 text-sm">
                    <Link to={`/partners/${partner.id}`} className="font-medium text-sky-800 underline">
                      {partner.name}
                    </Link>{" "}
                    <span className="text-stone-500">
                      {partner.lastContact
                        ? t("overview.lastMeeting", {
                            year: partner.lastContact.slice(0, 4),
                          })
                        : t("overview.noDatedMeeting")}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      </div>
    </>
  );
}
