import { comparePartialDates, partialDateYear, type PartialDate } from "~db/shared/partial-date";

export const TIMELINE_KINDS = ["relation", "delegation", "meeting", "initiative"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export function isTimelineKind(value: unknown): value is TimelineKind {
  return typeof value === "string" && (TIMELINE_KINDS as readonly string[]).includes(value);
}

/** Which of a partner's history is shown, and its page. */
export type TimelineView = {
  order: "newest" | "oldest";
  kinds: TimelineKind[];
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
};

/** The address of a page of `path`'s history as filtered by `view`. */
export function timelineHref(path: string, view: Pick<TimelineView, "order" | "kinds">, page: number) {
  const params = new URLSearchParams(view.kinds.map((kind) => ["kind", kind]));
  if (view.order === "oldest") params.set("order", "oldest");
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

export type TimelineEvent = { kind: TimelineKind; id: string; date: PartialDate };
export type TimelineGroup<E> = { year: number | null; events: E[] };

// On the same day, the order things happen in: a relation step frames a visit, the visit
// brings the meeting, the meeting raises initiatives.
const KIND_RANK: Record<TimelineKind, number> = { relation: 0, delegation: 1, meeting: 2, initiative: 3 };

/**
 * Events in chronological order, grouped by year; a year-only or approximate date is placed in
 * its year (at its start), and events whose date is unknown form their own group, always last.
 */
export function groupTimeline<E extends TimelineEvent>(
  events: E[],
  order: "newest" | "oldest",
  range: { offset: number; limit: number } = { offset: 0, limit: Infinity },
): TimelineGroup<E>[] {
  const sorted = [...events].sort(
    (a, b) => comparePartialDates(a.date, b.date) || KIND_RANK[a.kind] - KIND_RANK[b.kind],
  );
  const known = sorted.filter((e) => e.date.value);
  const unknown = sorted.filter((e) => !e.date.value);
  const shown = [...(order === "newest" ? known.reverse() : known), ...unknown].slice(
    range.offset,
    range.offset + range.limit,
  );
  const groups: TimelineGroup<E>[] = [];
  for (const event of shown) {
    const year = event.date.value ? partialDateYear(event.date) : null;
    const last = groups.at(-1);
    if (last && last.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups;
}
