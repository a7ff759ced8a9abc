import { useTranslation } from "~/i18n/react";
import type { MeetingRecord } from "~/models/pages.server";
import { isWebUrl } from "~/utils/urls";
import { InitiativeList } from "./InitiativeList";
import { Empty, Fact, Facts, PageLink, Section } from "./Page";
import { PartialDateText } from "./PartialDateText";

/**
 * A meeting's record below its heading: details, participants on each side, topics, summary,
 * initiatives and sources. Drawn on the server with the meeting's read and kept with it
 * (models/pages.server.ts, meetingPage): the same for every account, its links anchors that
 * DrawnMarkup follows in the page.
 */
export function MeetingRecordParts({ meeting }: { meeting: MeetingRecord }) {
  const { t } = useTranslation();
  const sides = (["host", "guest"] as const).map((side) => ({
    side,
    people: meeting.participants.filter((p) => p.side === side),
  }));
  return (
    <>
      <Section title={t("common.details")} id="details">
        <Facts>
          <Fact label={t("meeting.date")}>
            <PartialDateText date={meeting.date} />
            {meeting.startTime ? `, ${meeting.startTime}` : null}
          </Fact>
          <Fact label={t("meeting.place")}>
            {meeting.location ?? <span className="text-stone-500 italic">{t("common.notStated")}</span>}
          </Fact>
          <Fact label={t("meeting.host")}>
            {meeting.host ? (
              <PageLink to={`/organisations/${meeting.host.id}`} className="text-sky-800 underline">
                {meeting.host.name}
              </PageLink>
            ) : (
              <span className="text-stone-500 italic">{t("common.notStated")}</span>
            )}
          </Fact>
          {meeting.partner ? (
            <Fact label={t("meeting.partner")}>
              <PageLink to={`/partners/${meeting.partner.id}`} className="text-sky-800 underline">
                {meeting.partner.name}
              </PageLink>
            </Fact>
          ) : null}
          {meeting.delegation ? (
            <Fact label={t("meeting.delegation")}>
              <span>{t(`meeting.directions.${meeting.delegation.direction}`)}</span>
              {meeting.delegation.organisation ? (
                <span>
                  {" · "}
                  {t("meeting.delegationOf", { organisation: meeting.delegation.organisation.name })}
                </span>
              ) : null}
              {meeting.delegation.leader ? (
                <span>
                  {" · "}
                  {t("meeting.delegationLedBy", { leader: meeting.delegation.leader.name })}
                </span>
              ) : null}{" "}
              <PageLink
                to={`/delegations/${meeting.delegation.id}`}
                className="text-sm text-sky-800 underline print:hidden"
              >
                {t("delegation.open")}
              </PageLink>
            </Fact>
          ) : null}
          {meeting.purpose ? (
            <Fact label={t("meeting.purpose")}>
              <span lang={meeting.language}>{meeting.purpose}</span>
            </Fact>
          ) : null}
        </Facts>
      </Section>

      <Section title={t("meeting.participants")} id="participants">
        {meeting.participants.length === 0 ? (
          <Empty>{t("meeting.noParticipants")}</Empty>
        ) : (
          <div className="grid gap-6 md:grid-cols-2">
            {sides.map(({ side, people }) => (
              <section key={side} aria-labelledby={`side-${side}`}>
                <h3 id={`side-${side}`} className="mb-2 font-semibold text-stone-700">
                  {t(side === "host" ? "meeting.hostSide" : "meeting.guestSide")}
                </h3>
                {people.length === 0 ? (
                  <Empty>{t("meeting.noParticipants")}</Empty>
                ) : (
                  <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
                    {people.map((p) => (
                      <li key={p.id} className="p-3">
                        <PageLink to={`/people/${p.personId}`} className="font-medium text-sky-800 underline">
                          {p.name}
                        </PageLink>
                        <span className="ml-2 text-sm text-stone-600">— {t(`meeting.roles.${p.role}`)}</span>
                        {p.titleAtMeeting ? <p className="text-sm text-stone-700">{p.titleAtMeeting}</p> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            ))}
          </div>
        )}
      </Section>

      <Section title={t("meeting.topics")} id="topics">
        {meeting.topics.length === 0 ? (
          <Empty>{t("meeting.noTopics")}</Empty>
        ) : (
          <ul className="flex flex-wrap gap-2">
            {meeting.topics.map((topic) => (
              <li key={topic.id} className="rounded-full bg-sky-50 px-3 py-1 text-sm text-sky-900 ring-1 ring-sky-200">
                {topic.name}
              </li>
            ))}
          </ul>
        )}
      </Section>

      {meeting.summary ? (
        <Section title={t("meeting.summary")} id="summary">
          <p lang={meeting.language} className="max-w-prose whitespace-pre-line">
            {meeting.summary}
          </p>
        </Section>
      ) : null}

      <Section title={t("meeting.initiatives")} id="initiatives">
        {meeting.initiatives.length === 0 ? (
          <Empty>{t("meeting.noInitiatives")}</Empty>
        ) : (
          <InitiativeList initiatives={meeting.initiatives} />
        )}
      </Section>

      <Section title={t("meeting.sources")} id="sources">
        {meeting.sources.length === 0 ? (
          <Empty>{t("meeting.noSources")}</Empty>
        ) : (
          <ul className="space-y-3">
            {meeting.sources.map((source) => (
              <li key={source.id} className="rounded border border-stone-200 bg-white p-3">
                <p className="font-medium">
                  {source.title ?? source.outlet ?? t("source.untitled")}
                  {source.title && source.outlet ? (
                    <span className="font-normal text-stone-600"> · {source.outlet}</span>
                  ) : null}
                  {source.published.value ? (
                    <span className="font-normal text-stone-600">
                      {" · "}
                      <PartialDateText date={source.published} />
                    </span>
                  ) : null}
                </p>
                {isWebUrl(source.url) ? (
                  <a href={source.url} rel="noopener noreferrer" className="text-sm break-all text-sky-800 underline">
                    {t("source.link")}
                  </a>
                ) : null}
                {source.text ? (
                  <details className="mt-2">
                    <summary className="cursor-pointer text-sm text-sky-800">{t("source.text")}</summary>
                    <p
                      lang={source.language ?? undefined}
                      className="mt-2 max-w-prose text-sm whitespace-pre-line text-stone-800"
                    >
                      {source.text}
                    </p>
                  </details>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
