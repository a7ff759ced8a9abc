import { z } from "zod";
import { RELATION_STATUSES, RELATION_TYPES } from "../../db/enums";
import { LIMITS, optionalText, partialDateField, recordId, webUrl } from "./fields";

/** Someone picked in the list (personId) or typed: a name not on file becomes a new person. */
const PersonRef = z.object({ personId: recordId.optional(), name: optionalText(LIMITS.name) });

const signatories = z
  .array(PersonRef)
  .max(20)
  .default([])
  .transform((people) => people.filter((p) => p.personId || p.name));

/** The document or report that records a step; given on the step itself. */
const source = {
  sourceOutlet: optionalText(LIMITS.name),
  sourceTitle: optionalText(LIMITS.title),
  sourceUrl: webUrl.optional(),
};

/** What a relation is, apart from its steps: edited on its own. */
export const RelationFieldsSchema = z.object({
  type: z.enum(RELATION_TYPES),
  note: optionalText(LIMITS.short),
});

/**
 * A relation begins with its first step: what it is and where it stands, dated, who signed and
 * where it is written, all on one form so that the first step is recorded once.
 */
export const RelationSchema = RelationFieldsSchema.extend({
  status: z.enum(RELATION_STATUSES),
  date: partialDateField,
  stepNote: optionalText(LIMITS.short),
  signatories,
  ...source,
});

/** A step, added or corrected. */
export const RelationStepSchema = z.object({
  status: z.enum(RELATION_STATUSES),
  date: partialDateField,
  note: optionalText(LIMITS.short),
  meetingId: recordId.optional(),
  signatories,
  ...source,
});

export type RelationFieldsInput = z.infer<typeof RelationFieldsSchema>;
export type RelationInput = z.infer<typeof RelationSchema>;
export type RelationStepInput = z.infer<typeof RelationStepSchema>;
