import type { INITIATIVE_STATUSES } from "~db/enums";
import { partialDateParts, type PartialDate } from "~db/shared/partial-date";

type Status = (typeof INITIATIVE_STATUSES)[number];
export const OPEN_STATUSES: Status[] = ["proposed", "agreed", "in_progress", "stalled"];

/** The last day a partial due date allows: the day itself, the month's end, the year's end. */
export function dueBy(due: PartialDate): string | null {
  const { year, month, day } = partialDateParts(due);
  if (year == null) return null;
  if (day != null) return due.value;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (month != null) return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
  return `${year}-12-31`;
}

/**
 * Overdue: still open and past the whole of its due period ("March 2017" is overdue from
 * 1 April 2017). A due date that is unknown is never overdue. `today` is YYYY-MM-DD.
 */
export function isOverdue(initiative: { due: PartialDate; status: Status }, today: string): boolean {
  const by = dueBy(initiative.due);
  return by != null && OPEN_STATUSES.includes(initiative.status) && by < today;
}
