import { eq } from "drizzle-orm";
import { delegations, initiatives, initiativeSteps, meetings, people, relations, relationSteps } from "../../db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { localizedName, localizedTitle } from "~/utils/names";
import { groupTimeline, TIMELINE_KINDS, type TimelineKind } from "~/utils/timeline";
import { pageOf } from "~/utils/pagination";
import { asDate } from "./shared.server";

/**
 * One chronological stream of everything that happened with a partner: relation steps,
 * delegations, meetings and initiative steps.
 */
export function partnerTimeline(partnerId: number, lng: Language, options: { order: "newest" | "oldest"; kinds?: TimelineKind[] }) {
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
  const events = timelineEvents(partnerId, lng, options.kinds);
  const pageSize = options.pageSize ?? TIMELINE_PAGE_SIZE;
  const groups = groupTimeline(events, options.order, { offset: (options.page - 1) * pageSize, limit: pageSize });
  return { groups, ...pageOf([], events.length, options.page, pageSize) };
}

export const TIMELINE_PAGE_SIZE = 100;

function timelineEvents(partnerId: number, lng: Language, only?: TimelineKind[]) {
  const db = getDb();
  const kinds = new Set(only?.length ? only : TIMELINE_KINDS);

  const relationEvents = kinds.has("relation")
    ? db
        .select({ step: relationSteps, type: relations.type })
        .from(relationSteps)
        .innerJoin(relations, eq(relations.id, relationSteps.relationId))
        .where(eq(relations.partnerId, partnerId))
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
        .where(eq(delegations.partnerId, partnerId))
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
        .select({ id: meetings.id, date: meetings.date, precision: meetings.datePrecision, approximate: meetings.dateApproximate, purpose: meetings.purpose })
        .from(meetings)
        .where(eq(meetings.partnerId, partnerId))
        .all()
        .map((m) => ({ kind: "meeting" as const, id: `meeting-${m.id}`, date: asDate(m.date, m.precision, m.approximate), meetingId: m.id, purpose: m.purpose }))
    : [];

  const initiativeEvents = kinds.has("initiative")
    ? db
        .select({ step: initiativeSteps, initiative: initiatives })
        .from(initiativeSteps)
        .innerJoin(initiatives, eq(initiatives.id, initiativeSteps.initiativeId))
        .where(eq(initiatives.partnerId, partnerId))
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
