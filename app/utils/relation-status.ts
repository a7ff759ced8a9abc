import type { RELATION_STATUSES } from "~db/enums";
import { comparePartialDates, type PartialDate } from "~db/shared/partial-date";

export type RelationStatus = (typeof RELATION_STATUSES)[number];
export type StatusStep = { id: number; status: RelationStatus; date: PartialDate };

/**
 * A relation's steps in the order they happened. A step whose date is unknown counts as after
 * the dated ones (it was recorded later), and steps with equal dates keep the order recorded.
 */
export function orderSteps<T extends { id: number; date: PartialDate }>(steps: T[]): T[] {
  return [...steps].sort((a, b) => comparePartialDates(a.date, b.date) || a.id - b.id);
}

/** The current status is derived from the steps, never stored twice. */
export function currentRelationStatus(steps: StatusStep[]): RelationStatus | null {
  return orderSteps(steps).at(-1)?.status ?? null;
}
