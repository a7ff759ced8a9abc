import type { RELATION_STATUSES, RELATION_TYPES } from "../../db/enums";
import { dueBy } from "./overdue";
import { comparePartialDates, type PartialDate } from "./partial-date";

type Status = (typeof RELATION_STATUSES)[number];
type RelationType = (typeof RELATION_TYPES)[number];

export type Band = { relationId: number; type: RelationType; status: Status; from: string; to: string; approximate: boolean };

/**
 * A relation's status periods: each dated step lasts until the next dated step (or today).
 * Steps whose date is unknown cannot be placed on a time axis and are left out here.
 */
export function statusBands(relationId: number, type: RelationType, steps: Array<{ status: Status; date: PartialDate }>, today: string): Band[] {
  const dated = steps.filter((s) => s.date.value).sort((a, b) => comparePartialDates(a.date, b.date));
  return dated.map((step, i) => {
    const next = dated[i + 1];
    const to = next ? next.date.value! : step.status === "ended" ? (dueBy(step.date) ?? today) : today;
    return { relationId, type, status: step.status, from: step.date.value!, to: to < step.date.value! ? step.date.value! : to, approximate: step.date.approximate };
  });
}

/** Years as a continuous number (2016.5 is mid-2016), for placing dates on an axis. */
export function yearPosition(isoDate: string): number {
  const [y, m, d] = isoDate.split("-").map(Number);
  const start = Date.UTC(y, 0, 1);
  const end = Date.UTC(y + 1, 0, 1);
  return y + (Date.UTC(y, (m ?? 1) - 1, d ?? 1) - start) / (end - start);
}

/** The axis: whole years from the earliest to the latest date given (at least one year). */
export function yearRange(dates: string[], today: string): { from: number; to: number } {
  const years = [...dates, today].map((d) => Number(d.slice(0, 4)));
  const from = Math.min(...years);
  const to = Math.max(...years) + 1;
  return { from, to: Math.max(to, from + 1) };
}
