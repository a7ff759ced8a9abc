import { useTranslation } from "~/i18n/react";
import type { OverviewLists as Lists } from "~/models/pages.server";
import { InitiativeList } from "./InitiativeList";
import { MeetingList } from "./MeetingList";
import { Empty, PageLink, Section } from "./Page";
import { PartialDateText } from "./PartialDateText";
import { RelationStatusBadge } from "./StatusBadge";

/**
 * The overview's lists, the same for every account: drawn once with their reads
 * (app/models/pages.server.ts, overviewPage) and shown as markup.
 */
export function OverviewLists({ upcoming, meetings, overdue, initiatives, partners, quiet }: Lists) {
  const { t } = useTranslation();
  return (
    <>
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
                    <PageLink to={`/meetings/${item.id}`} className="font-medium text-sky-800 underline">
                      {item.partner ? t("meeting.title", { partner: item.partner }) : t("meeting.titleNoPartner")}
                    </PageLink>
                  ) : (
                    <PageLink to={`/delegations/${item.id}`} className="font-medium text-sky-800 underline">
                      {t(`meeting.directions.${item.direction}`)} · {item.partner}
                    </PageLink>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title={t("overview.recentMeetings")} id="recent-meetings">
          {meetings.total > 0 ? (
            <MeetingList meetings={meetings.items} />
          ) : (
            <Empty>
              {t(upcoming.some((u) => u.kind === "meeting") ? "overview.noPastMeetings" : "overview.noMeetings")}
            </Empty>
          )}
          <PageLink to="/meetings" className="mt-2 inline-block text-sky-800 underline">
            {t("overview.allMeetings")}
          </PageLink>
        </Section>
        {overdue.total > 0 ? (
          <Section
            title={`${t("overview.overdueInitiatives")} (${t("common.number", { value: overdue.total })})`}
            id="overdue-initiatives"
          >
            <InitiativeList initiatives={overdue.items} />
            <PageLink to="/initiatives?overdue=1" className="mt-2 inline-block text-sky-800 underline">
              {t("initiative.showAll", { count: overdue.total })}
            </PageLink>
          </Section>
        ) : null}
        <Section title={t("overview.openInitiatives")} id="open-initiatives">
          {initiatives.total === 0 ? (
            <Empty>{t("overview.noInitiatives")}</Empty>
          ) : (
            <InitiativeList initiatives={initiatives.items} />
          )}
          <PageLink to="/initiatives" className="mt-2 inline-block text-sky-800 underline">
            {t("overview.allInitiatives")}
          </PageLink>
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
                  <PageLink to={`/partners/${partner.id}`} className="font-medium text-sky-800 underline">
                    {partner.name}
                  </PageLink>
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
          <PageLink to="/partners" className="mt-2 inline-block text-sky-800 underline">
            {t("overview.allPartners")}
          </PageLink>
        </Section>
        <Section title={t("overview.quietPartners")} id="quiet">
          {quiet.length === 0 ? (
            <Empty>{t("overview.noQuiet")}</Empty>
          ) : (
            <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
              {quiet.map((partner) => (
                <li key={partner.id} className="p-3 text-sm">
                  <PageLink to={`/partners/${partner.id}`} className="font-medium text-sky-800 underline">
                    {partner.name}
                  </PageLink>{" "}
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
    </>
  );
}
