import { z } from "zod";
import { RELATION_STATUSES, RELATION_TYPES } from "~db/enums";
import {
  isFutureDate,
  issue,
  knownOrUnknownDateField,
  LIMITS,
  optionalLine,
  optionalText,
  recordId,
  webUrl,
} from "./fields";
import { formObject, parsed, type Unparsed } from "./form-object";
import type { PartialDate } from "~db/shared/partial-date";

type RelationStatus = (typeof RELATION_STATUSES)[number];

/** Statuses that say the step has happened: an agreement signed, in force or ended. */
export const HAPPENED_STATUSES: readonly RelationStatus[] = ["signed", "active", "ended"];

/** A step that has happened cannot be dated in the future; a proposal may be planned ahead. */
function happenedNotInFuture(
  step: { status?: RelationStatus | Unparsed; date: PartialDate | Unparsed },
  ctx: z.RefinementCtx,
) {
  if (
    parsed(step.status) &&
    step.status &&
    HAPPENED_STATUSES.includes(step.status) &&
    parsed(step.date) &&
    isFutureDate(step.date)
  ) {
    issue(ctx, ["date"], "form.errors.futureHappened");
  }
}

/** Someone picked in the list (personId) or typed: a name not on file becomes a new person. */
const PersonRef = z.object({ personId: recordId.optional(), name: optionalLine(LIMITS.name) });

const signatories = z
  .array(PersonRef)
  .max(20)
  .default([])
  .transform((people) => people.filter((p) => p.personId || p.name));

/** The document or report that records a step; given on the step itself. */
const source = {
  sourceOutlet: optionalLine(LIMITS.name),
  sourceTitle: optionalLine(LIMITS.title),
  sourceUrl: webUrl.optional(),
};

const relationFields = {
  type: z.enum(RELATION_TYPES),
  note: optionalText(LIMITS.short),
};

/** What a relation is, apart from its steps: edited on its own. */
export const RelationFieldsSchema = z.object(relationFields);

/**
 * A relation begins with its first step: what it is and where it stands, dated, who signed and
 * where it is written, all on one form so that the first step is recorded once.
 */
export const RelationSchema = formObject(
  {
    ...relationFields,
    status: z.enum(RELATION_STATUSES),
    date: knownOrUnknownDateField,
    stepNote: optionalText(LIMITS.short),
    signatories,
    ...source,
  },
  happenedNotInFuture,
);

/** A step, added or corrected. */
export const RelationStepSchema = formObject(
  {
    status: z.enum(RELATION_STATUSES),
    date: knownOrUnknownDateField,
    note: optionalText(LIMITS.short),
    meetingId: recordId.optional(),
    signatories,
    ...source,
  },
  happenedNotInFuture,
);

export type RelationFieldsInput = z.infer<typeof RelationFieldsSchema>;
export type RelationInput = z.infer<typeof RelationSchema>;
export type RelationStepInput = z.infer<typeof RelationStepSchema>;
