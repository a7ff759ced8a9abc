import type { RELATION_STATUSES, RELATION_TYPES } from "~db/enums";
import { dueBy } from "./overdue";
import { comparePartialDates, type PartialDate } from "~db/shared/partial-date";
import { currentRelationStatus } from "./relation-status";

type Status = (typeof RELATION_STATUSES)[number];
type RelationType = (typeof RELATION_TYPES)[number];

export type Band = {
  relationId: number;
  type: RelationType;
  status: Status;
  from: string;
  to: string;
  approximate: boolean;
};

/**
 * A relation's status periods: each dated step lasts until the next dated step (or today).
 * Steps whose date is unknown cannot be placed on a time axis, but they still say what the
 * relation is now (currentRelationStatus counts them as the latest): when one comes after the
 * last dated step, the last band takes its status, drawn as approximate since when it changed is
 * not known. So the band's colour and the status badge beside it never disagree.
 */
export function statusBands(
  relationId: number,
  type: RelationType,
  steps: Array<{ id: number; status: Status; date: PartialDate }>,
  today: string,
): Band[] {
  const dated = steps.filter((s) => s.date.value).sort((a, b) => comparePartialDates(a.date, b.date) || a.id - b.id);
  const current = currentRelationStatus(steps);
  const latestUndated = dated.length < steps.length;
  return dated.map((step, i) => {
    const next = dated[i + 1];
    const last = !next;
    const status = last && latestUndated && current ? current : step.status;
    const to = next ? next.date.value! : status === "ended" && !latestUndated ? (dueBy(step.date) ?? today) : today;
    return {
      relationId,
      type,
      status,
      from: step.date.value!,
      to: to < step.date.value! ? step.date.value! : to,
      approximate: step.date.approximate || (last && status !== step.status),
    };
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
