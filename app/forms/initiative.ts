import { z } from "zod";
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from "~db/enums";
import {
  isFutureDate,
  issue,
  LIMITS,
  optionalLine,
  optionalText,
  partialDateField,
  recordId,
  recordRef,
} from "./fields";
import { formObject, parsed } from "./form-object";
import type { PartialDate } from "~db/shared/partial-date";

type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];

/**
 * Statuses that say something has happened, as a relation's signed, active and ended do (./relation.ts):
 * agreed (signed), under way (active), done or dropped (ended). A proposal may be planned ahead,
 * and "stalled" is left free as a relation's "suspended" is.
 */
export const HAPPENED_STATUSES: readonly InitiativeStatus[] = ["agreed", "in_progress", "done", "dropped"];

/** Whether a step of this status and date claims in advance that something has happened. */
export const happensInFuture = (status: InitiativeStatus | undefined, date: PartialDate) =>
  Boolean(status && HAPPENED_STATUSES.includes(status) && isFutureDate(date));

const requireOneTitle = (v: { titleKk?: unknown; titleRu?: unknown; titleEn?: unknown }, ctx: z.RefinementCtx) => {
  if (!v.titleKk && !v.titleRu && !v.titleEn) issue(ctx, ["titleKk"], "form.errors.oneTitle");
};

export const InitiativeSchema = formObject(
  {
    titleKk: optionalLine(LIMITS.title),
    titleRu: optionalLine(LIMITS.title),
    titleEn: optionalLine(LIMITS.title),
    description: optionalText(LIMITS.short),
    kind: z.enum(INITIATIVE_KINDS),
    // Only when it is made: later changes of status are steps with a date.
    status: z.enum(INITIATIVE_STATUSES).default("proposed"),
    ...recordRef("partner"),
    ...recordRef("ownerPerson"),
    ...recordRef("ownerOrganisation"),
    due: partialDateField,
  },
  requireOneTitle,
);

/** A dated step: a change of status, a note on progress, or both; where it happened. */
export const InitiativeStepSchema = formObject(
  {
    date: partialDateField,
    status: z.enum(INITIATIVE_STATUSES).optional(),
    note: optionalText(LIMITS.short),
    meetingId: recordId.optional(),
  },
  (step, ctx) => {
    if (!step.status && !step.note) issue(ctx, ["note"], "form.errors.statusOrNote");
    // Beside the date, in the words the relation steps use (app/forms/relation.ts).
    if (parsed(step.status) && parsed(step.date) && happensInFuture(step.status, step.date))
      issue(ctx, ["date"], "form.errors.futureHappened");
  },
);

export type InitiativeInput = z.infer<typeof InitiativeSchema>;
export type InitiativeStepInput = z.infer<typeof InitiativeStepSchema>;
