import { and, eq, inArray, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { delegations, initiatives, initiativeSteps, meetings, people, relations, relationSteps } from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { localizedName, localizedTitle } from "~db/shared/names";
import { groupTimeline, TIMELINE_KINDS, type TimelineKind } from "~/utils/timeline";
import { pageOf } from "~/utils/pagination";

// For the partner page's loader, which reads the kinds asked for: from here, a .server module, the
// check costs the page no chunk of its own (issue 17).
export { isTimelineKind } from "~/utils/timeline";
import { asDate, partialDateOf } from "./sql.server";

/**
 * One chronological stream of everything that happened with a partner: relation steps,
 * delegations, meetings and initiative steps.
 */
export function partnerTimeline(
  partnerId: number,
  lng: Language,
  options: { order: "newest" | "oldest"; kinds?: TimelineKind[] },
) {
  return groupTimeline(timelineEvents(partnerId, lng, options.kinds), options.order);
}

/**
 * One page of the timeline: a partner of forty years has thousands of events, and a page of
 * them all weighed megabytes.
 */
export function partnerTimelinePage(
  partnerId: number,
  lng: Language,
  options: { order: "newest" | "oldest"; kinds?: TimelineKind[]; page: number; pageSize?: number },
) {
  const pageSize = options.pageSize ?? TIMELINE_PAGE_SIZE;
  const kinds = new Set(options.kinds?.length ? options.kinds : TIMELINE_KINDS);
  // Every part names its columns: a compound select takes its names from its first part, which
  // depends on the kinds asked for.
  // Which events the page holds, chosen in SQL in the order groupTimeline gives them (date,
  // then coarser before finer, then kind, then id; unknown dates last), so only those are read.
  const sources = [
    kinds.has("relation") &&
      sql`select 0 as kind, s.id, s.date, s.date_precision as precision from relation_steps s join relations r on r.id = s.relation_id where r.partner_id = ${partnerId}`,
    kinds.has("delegation") &&
      sql`select 1 as kind, d.id, d.arrival as date, d.arrival_precision as precision from delegations d where d.partner_id = ${partnerId}`,
    kinds.has("meeting") &&
      sql`select 2 as kind, m.id, m.date, m.date_precision as precision from meetings m where m.partner_id = ${partnerId}`,
    kinds.has("initiative") &&
      sql`select 3 as kind, st.id, st.date, st.date_precision as precision from initiative_steps st join initiatives i on i.id = st.initiative_id where i.partner_id = ${partnerId}`,
  ].filter((part): part is SQL => Boolean(part));
  const events = sql.join(sources, sql` union all `);
  const rank = sql`case precision when 'year' then 0 when 'month' then 1 when 'day' then 2 else 3 end`;
  const order =
    options.order === "oldest"
      ? sql`date is null, date, ${rank}, kind, id`
      : sql`date is null, date desc, ${rank} desc, case when date is null then kind else -kind end, case when date is null then id else -id end`;
  const db = getDb();
  const total = db.get<{ n: number }>(sql`select count(*) as n from (${events})`)?.n ?? 0;
  const chosen = db.all<{ kind: number; id: number }>(
    sql`select kind, id from (${events}) order by ${order} limit ${pageSize} offset ${(options.page - 1) * pageSize}`,
  );
  const ids = (kind: number) => chosen.filter((e) => e.kind === kind).map((e) => e.id);
  const page = timelineEvents(partnerId, lng, options.kinds, {
    relation: ids(0),
    delegation: ids(1),
    meeting: ids(2),
    initiative: ids(3),
  });
  return { groups: groupTimeline(page, options.order), ...pageOf([], total, options.page, pageSize) };
}

export const TIMELINE_PAGE_SIZE = 50;

/** The partner's events of the kinds asked for; with `ids`, only those (one page). */
function timelineEvents(partnerId: number, lng: Language, only?: TimelineKind[], ids?: Record<TimelineKind, number[]>) {
  const db = getDb();
  const kinds = new Set((only?.length ? only : TIMELINE_KINDS).filter((kind) => !ids || ids[kind].length > 0));
  const among = (column: SQLiteColumn, kind: TimelineKind) => (ids ? inArray(column, ids[kind]) : undefined);

  const relationEvents = kinds.has("relation")
    ? db
        .select({ step: relationSteps, type: relations.type })
        .from(relationSteps)
        .innerJoin(relations, eq(relations.id, relationSteps.relationId))
        .where(and(eq(relations.partnerId, partnerId), among(relationSteps.id, "relation")))
        .all()
        .map(({ step, type }) => ({
          kind: "relation" as const,
          id: `relation-${step.id}`,
          date: asDate(step.date, step.datePrecision, step.dateApproximate),
          relationType: type,
          status: step.status,
          note: step.note,
          meetingId: step.meetingId,
        }))
    : [];

  const delegationEvents = kinds.has("delegation")
    ? db
        .select({ delegation: delegations, leader: people })
        .from(delegations)
        .leftJoin(people, eq(people.id, delegations.leaderId))
        .where(and(eq(delegations.partnerId, partnerId), among(delegations.id, "delegation")))
        .all()
        .map(({ delegation, leader }) => ({
          kind: "delegation" as const,
          id: `delegation-${delegation.id}`,
          date: asDate(delegation.arrival, delegation.arrivalPrecision, delegation.arrivalApproximate),
          delegationId: delegation.id,
          direction: delegation.direction,
          leader: leader ? localizedName(leader, lng) : null,
          purpose: delegation.purpose,
        }))
    : [];

  const meetingEvents = kinds.has("meeting")
    ? db
        .select({
          id: meetings.id,
          date: partialDateOf(meetings, "date"),
          purpose: meetings.purpose,
        })
        .from(meetings)
        .where(and(eq(meetings.partnerId, partnerId), among(meetings.id, "meeting")))
        .all()
        .map((m) => ({
          kind: "meeting" as const,
          id: `meeting-${m.id}`,
          date: m.date,
          meetingId: m.id,
          purpose: m.purpose,
        }))
    : [];

  const initiativeEvents = kinds.has("initiative")
    ? db
        .select({ step: initiativeSteps, initiative: initiatives })
        .from(initiativeSteps)
        .innerJoin(initiatives, eq(initiatives.id, initiativeSteps.initiativeId))
        .where(and(eq(initiatives.partnerId, partnerId), among(initiativeSteps.id, "initiative")))
        .all()
        .map(({ step, initiative }) => ({
          kind: "initiative" as const,
          id: `initiative-${step.id}`,
          date: asDate(step.date, step.datePrecision, step.dateApproximate),
          initiativeId: initiative.id,
          title: localizedTitle(initiative, lng),
          status: step.status,
          note: step.note,
          meetingId: step.meetingId,
        }))
    : [];

  return [...relationEvents, ...delegationEvents, ...meetingEvents, ...initiativeEvents];
}

export type PartnerTimeline = ReturnType<typeof partnerTimeline>;
