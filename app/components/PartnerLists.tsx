import { useTranslation } from "~/i18n/react";
import type { PartnerLists as Lists } from "~/models/pages.server";
import { InitiativeList } from "./InitiativeList";
import { MeetingList } from "./MeetingList";
import { Empty, PageLink, Section } from "./Page";
import { PartialDateText } from "./PartialDateText";

/*
 * A partner page's lists, the same for every account: drawn once with their reads
 * (app/models/pages.server.ts, partnerPage) and shown as markup (./DrawnMarkup.tsx).
 */

/** The partner's latest meetings, with a link to all of them. */
export function PartnerMeetings({ partnerId, meetings }: { partnerId: number; meetings: Lists["meetings"] }) {
  const { t } = useTranslation();
  if (meetings.total === 0) return <Empty>{t("partner.noMeetings")}</Empty>;
  return (
    <>
      <MeetingList meetings={meetings.items} />
      {meetings.total > meetings.items.length ? (
        <PageLink to={`/meetings?partner=${partnerId}`} className="mt-2 inline-block text-sky-800 underline">
          {t("overview.allMeetings")} ({t("common.number", { value: meetings.total })})
        </PageLink>
      ) : null}
    </>
  );
}

/** The delegations exchanged with the partner, and its initiatives. */
export function PartnerDelegationsAndInitiatives({
  partnerId,
  delegations,
  initiatives,
}: {
  partnerId: number;
  delegations: Lists["delegations"];
  initiatives: Lists["initiatives"];
}) {
  const { t } = useTranslation();
  return (
    <>
      {delegations.length > 0 ? (
        <Section title={t("partner.delegations")} id="delegations">
          <ul className="space-y-1">
            {delegations.map((delegation) => (
              <li key={delegation.id}>
                <PageLink to={`/delegations/${delegation.id}`} className="text-sky-800 underline">
                  {t(`meeting.directions.${delegation.direction}`)}
                  {delegation.leader ? ` · ${t("meeting.delegationLedBy", { leader: delegation.leader })}` : ""}
                </PageLink>
                <span className="text-sm text-stone-600">
                  {" · "}
                  <PartialDateText date={delegation.arrival} />
                  {delegation.departure.value && delegation.departure.value !== delegation.arrival.value ? (
                    <>
                      {" – "}
                      <PartialDateText date={delegation.departure} />
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      <Section title={t("partner.initiatives")} id="initiatives">
        {initiatives.total === 0 ? (
          <Empty>{t("partner.noInitiatives")}</Empty>
        ) : (
          <>
            <InitiativeList initiatives={initiatives.items} />
            {initiatives.total > initiatives.items.length ? (
              <PageLink to={`/initiatives?partner=${partnerId}`} className="mt-2 inline-block text-sky-800 underline">
                {t("initiative.showAll", { count: initiatives.total })}
              </PageLink>
            ) : null}
          </>
        )}
      </Section>
    </>
  );
}

/** The people met from the partner's side, and its organisations. */
export function PartnerPeopleAndOrganisations({
  people,
  organisations,
}: {
  people: Lists["people"];
  organisations: Lists["organisations"];
}) {
  const { t } = useTranslation();
  return (
    <>
      <Section title={t("partner.peopleMet")} id="people">
        {people.length === 0 ? (
          <Empty>{t("partner.noPeople")}</Empty>
        ) : (
          <ul className="space-y-1">
            {people.map((person) => (
              <li key={person.id}>
                <PageLink to={`/people/${person.id}`} className="text-sky-800 underline">
                  {person.name}
                </PageLink>
              </li>
            ))}
          </ul>
        )}
      </Section>

      {organisations.length > 0 ? (
        <Section title={t("partner.organisations")} id="organisations">
          <ul className="space-y-1">
            {organisations.map((organisation) => (
              <li key={organisation.id}>
                <PageLink to={`/organisations/${organisation.id}`} className="text-sky-800 underline">
                  {organisation.name}
                </PageLink>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
