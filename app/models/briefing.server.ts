import type { Language } from "~/i18n/config";
import { TIMELINE_KINDS } from "~/utils/timeline";
import { listInitiatives } from "./initiatives.server";
import { getMeeting, listMeetings } from "./meetings.server";
import { getPartner, peopleMetFrom } from "./partners.server";
import { getPerson } from "./people.server";
import { partnerTimeline } from "./timeline.server";

/** What an official reads before a visit: see routes/partners.$partnerId_.briefing.tsx. */
export function partnerBriefing(partnerId: number, lng: Language, today: string) {
  const partner = getPartner(partnerId, lng);
  if (!partner) return null;
  const lastMeetings = listMeetings({ lng, page: 1, pageSize: 3, filter: { partnerId } })
    .items.map((m) => getMeeting(m.id, lng))
    .filter((m) => m != null)
    .map((m) => ({ id: m.id, date: m.date, purpose: m.purpose, summary: m.summary, language: m.language }));
  const people = peopleMetFrom(partnerId, lng, 30).map((p) => {
    const person = getPerson(p.id, lng);
    return { id: p.id, name: p.name, post: person?.currentPost ?? null };
  });
  const open = listInitiatives({ lng, page: 1, pageSize: 50, filter: { partnerId, openOnly: true }, today }).items;
  // Overdue first, then the rest as listed.
  const initiatives = [...open.filter((i) => i.overdue), ...open.filter((i) => !i.overdue)];
  const timeline = partnerTimeline(partnerId, lng, { order: "newest" }).map((group) => ({
    year: group.year,
    counts: TIMELINE_KINDS.map((kind) => ({ kind, count: group.events.filter((e) => e.kind === kind).length })).filter((c) => c.count > 0),
  }));
  return { partner, meetings: lastMeetings, people, initiatives, timeline };
}
