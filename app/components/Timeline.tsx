import { useTranslation } from "~/i18n/react";
import type { PartnerTimeline } from "~/models/timeline.server";
import { TIMELINE_KINDS, timelineHref, type TimelineKind, type TimelineView } from "~/utils/timeline";
import { PageLink } from "./Page";
import { PagesNav } from "./Pagination";
import { PartialDateText } from "./PartialDateText";

type Event = PartnerTimeline[number]["events"][number];

const MARKS: Record<TimelineKind, string> = {
  relation: "bg-emerald-600",
  delegation: "bg-amber-500",
  meeting: "bg-sky-700",
  initiative: "bg-violet-600",
};

function EventText({ event }: { event: Event }) {
  const { t } = useTranslation();
  switch (event.kind) {
    case "relation":
      return (
        <>
          {t(`relation.types.${event.relationType}`)}: {t(`relation.statuses.${event.status}`)}
          {event.note ? <span className="text-stone-600"> · {event.note}</span> : null}
        </>
      );
    case "delegation":
      return (
        <>
          {t(`meeting.directions.${event.direction}`)}
          {event.leader ? ` · ${t("meeting.delegationLedBy", { leader: event.leader })}` : ""}{" "}
          <PageLink to={`/delegations/${event.delegationId}`} className="text-sky-800 underline print:no-underline">
            {t("meeting.delegation")}
          </PageLink>
        </>
      );
    case "meeting":
      return (
        <>
          <PageLink
            to={`/meetings/${event.meetingId}`}
            className="font-medium text-sky-800 underline print:no-underline"
          >
            {t("meeting.titleNoPartner")}
          </PageLink>
          {event.purpose ? <span className="text-stone-700"> · {event.purpose}</span> : null}
        </>
      );
    case "initiative":
      return (
        <>
          <PageLink to={`/initiatives/${event.initiativeId}`} className="text-sky-800 underline print:no-underline">
            {event.title}
          </PageLink>
          {event.status ? ` · ${t(`initiative.statuses.${event.status}`)}` : ""}
          {event.note ? <span className="text-stone-600"> · {event.note}</span> : null}
        </>
      );
  }
}

/**
 * A partner's history with its filter and its pages' links, drawn on the server with its reads
 * (./PartnerLists.server.tsx): the same for every account. The filter is a plain form that asks
 * for the page again (DrawnMarkup follows it in the page, keeping the scroll, as Remix's <Form>
 * with preventScrollReset did); the pages' links are anchors DrawnMarkup follows.
 */
export function Timeline({ groups, view, path }: { groups: PartnerTimeline; view: TimelineView; path: string }) {
  const { t } = useTranslation();
  return (
    <div>
      <form
        method="get"
        action={path}
        data-keep-scroll
        className="mb-4 flex flex-wrap items-end gap-4 text-sm print:hidden"
        aria-label={t("timeline.filter")}
      >
        <fieldset className="flex flex-wrap gap-3">
          <legend className="sr-only">{t("timeline.kindsLabel")}</legend>
          {TIMELINE_KINDS.map((kind) => (
            <label key={kind} className="inline-flex items-center gap-1.5">
              <input
                type="checkbox"
                name="kind"
                value={kind}
                defaultChecked={view.kinds.length === 0 || view.kinds.includes(kind)}
                className="h-4 w-4"
              />
              <span className={`inline-block h-2.5 w-2.5 rounded-full ${MARKS[kind]}`} aria-hidden />
              {t(`timeline.kinds.${kind}`)}
            </label>
          ))}
        </fieldset>
        <label className="flex items-center gap-2">
          {t("timeline.order")}
          <select name="order" defaultValue={view.order} className="rounded border border-stone-300 bg-white px-2 py-1">
            <option value="newest">{t("timeline.newest")}</option>
            <option value="oldest">{t("timeline.oldest")}</option>
          </select>
        </label>
        <button type="submit" className="rounded bg-sky-800 px-3 py-1 font-medium text-white hover:bg-sky-900">
          {t("common.apply")}
        </button>
      </form>
      <TimelineEvents groups={groups} />
      <PagesNav {...view} hrefFor={(page) => timelineHref(path, view, page)} />
    </div>
  );
}

/** A page of a partner's history, grouped by year; dates known only to the year say so. */
export function TimelineEvents({ groups }: { groups: PartnerTimeline }) {
  const { t } = useTranslation();
  return groups.length === 0 ? (
    <p className="text-stone-500 italic">{t("timeline.empty")}</p>
  ) : (
    <ol className="space-y-6">
      {groups.map((group) => (
        <li key={group.year ?? "unknown"} className="break-inside-avoid-page">
          <h3 className="mb-2 text-base font-semibold text-stone-800">{group.year ?? t("timeline.unknownDates")}</h3>
          <ol className="space-y-2 border-l-2 border-stone-200 pl-4">
            {group.events.map((event) => (
              <li key={event.id} className="relative">
                <span
                  className={`absolute top-1.5 -left-[1.4rem] h-2.5 w-2.5 rounded-full ${MARKS[event.kind]}`}
                  aria-hidden
                />
                <p className="text-xs text-stone-500">
                  {t(`timeline.kinds.${event.kind}`)} · <PartialDateText date={event.date} />
                </p>
                <p className="text-sm">
                  <EventText event={event} />
                </p>
              </li>
            ))}
          </ol>
        </li>
      ))}
    </ol>
  );
}
