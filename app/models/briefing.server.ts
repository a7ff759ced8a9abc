import type { Language } from "~/i18n/config";
import { TIMELINE_KINDS } from "~/utils/timeline";
import { listInitiatives } from "./initiatives/read.server";
import { latestMeetingSummaries } from "./meetings/read.server";
import { getPartner, peopleMetFrom } from "./partners/read.server";
import { currentPosts } from "./people/read.server";
import { partnerTimeline } from "./timeline.server";
import { orderSteps } from "~/utils/relation-status";

/** What an official reads before a visit: see routes/partners.$partnerId_.briefing.tsx. */
export function partnerBriefing(partnerId: number, lng: Language, today: string) {
  const partner = getPartner(partnerId, lng);
  if (!partner) return null;
  const lastMeetings = latestMeetingSummaries(partnerId, 3);
  const met = peopleMetFrom(partnerId, lng, 30);
  const posts = currentPosts(
    met.map((p) => p.id),
    lng,
  );
  const people = met.map((p) => ({ id: p.id, name: p.name, post: posts.get(p.id) ?? null }));
  const open = listInitiatives({ lng, page: 1, pageSize: 50, filter: { partnerId, openOnly: true }, today }).items;
  // Overdue first, then the rest as listed.
  const initiatives = [...open.filter((i) => i.overdue), ...open.filter((i) => !i.overdue)];
  const timeline = partnerTimeline(partnerId, lng, { order: "newest" }).map((group) => ({
    year: group.year,
    counts: TIMELINE_KINDS.map((kind) => ({ kind, count: group.events.filter((e) => e.kind === kind).length })).filter(
      (c) => c.count > 0,
    ),
  }));
  // Each relation's status with the day of the step that gave it: its first step's was shown as
  // "active since" the day it was only proposed.
  const relations = partner.relations.map((relation) => ({
    ...relation,
    statusDate: orderSteps(relation.steps).at(-1)?.date ?? null,
  }));
  return { partner: { ...partner, relations }, meetings: lastMeetings, people, initiatives, timeline };
}
