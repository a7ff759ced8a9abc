import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { RecordActions } from "~/components/Actions";
import { CalendarDownload } from "~/components/CalendarDownload";
import { InitiativeList } from "~/components/InitiativeList";
import { Empty, Fact, Facts, PageHeading, Section } from "~/components/Page";
import { PartialDateText } from "~/components/PartialDateText";
import { getTranslator } from "~/i18n/i18n.server";
import { found, requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";
import { isWebUrl } from "~/utils/urls";
import { requireUser } from "~/auth.server";
import { getEnv } from "~/env.server";
import { listDocuments } from "~/models/documents.server";
import { meetingPage } from "~/models/pages.server";
import { deferred, withDeferred } from "~/forms/deferred";

// The documents and their upload form: loaded after the page, as the forms are (app/forms/deferred.tsx).
const Documents = deferred(() => import("~/components/Documents").then((module) => module.Documents));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  // Its documents are read afresh: attaching one does not change the meeting's record.
  const meeting = found(meetingPage(requireId(params.meetingId), lng));
  const title = meeting.partner ? t("meeting.title", { partner: meeting.partner.name }) : t("meeting.titleNoPartner");
  return { title, meeting, documents: listDocuments("meeting", meeting.id), maxMb: getEnv().UPLOAD_MAX_MB };
}

export const clientLoader = withDeferred(Documents);

export default function MeetingPage() {
  const { t } = useTranslation();
  const { meeting, title, documents, maxMb } = useLoaderData<typeof loader>();
  const sides = (["host", "guest"] as const).map((side) => ({
    side,
    people: meeting.participants.filter((p) => p.side === side),
  }));
  return (
    <>
      <PageHeading
        eyebrow={<PartialDateText date={meeting.date} />}
        actions={
          <div className="flex gap-2">
            {meeting.date.value ? <CalendarDownload href={`/meetings/${meeting.id}/calendar.ics`} /> : null}
            <RecordActions path={`/meetings/${meeting.id}`} history={`/history/meeting/${meeting.id}`} />
          </div>
        }
      >
        {title}
      </PageHeading>

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
              <Link to={`/organisations/${meeting.host.id}`} className="text-sky-800 underline">
                {meeting.host.name}
              </Link>
            ) : (
              <span className="text-stone-500 italic">{t("common.notStated")}</span>
            )}
          </Fact>
          {meeting.partner ? (
            <Fact label={t("meeting.partner")}>
              <Link to={`/partners/${meeting.partner.id}`} className="text-sky-800 underline">
                {meeting.partner.name}
              </Link>
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
              <Link
                to={`/delegations/${meeting.delegation.id}`}
                className="text-sm text-sky-800 underline print:hidden"
              >
                {t("delegation.open")}
              </Link>
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
                        <Link to={`/people/${p.personId}`} className="font-medium text-sky-800 underline">
                          {p.name}
                        </Link>
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
      <Documents parent="meeting" parentId={meeting.id} documents={documents} maxMb={maxMb} />
    </>
  );
}
