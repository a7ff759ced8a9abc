import { z } from "zod";
import { RELATION_STATUSES, RELATION_TYPES } from "../../db/enums";
import { LIMITS, optionalText, partialDateField, recordId, webUrl } from "./fields";

/** A relation begins with its first step: what it is and where it stands, dated. */
export const RelationSchema = z.object({
  type: z.enum(RELATION_TYPES),
  note: optionalText(LIMITS.short),
  status: z.enum(RELATION_STATUSES),
  date: partialDateField,
  stepNote: optionalText(LIMITS.short),
});

const PersonRef = z.object({ personId: recordId.optional(), name: optionalText(LIMITS.name) });

export const RelationStepSchema = z.object({
  status: z.enum(RELATION_STATUSES),
  date: partialDateField,
  note: optionalText(LIMITS.short),
  meetingId: recordId.optional(),
  signatories: z
    .array(PersonRef)
    .max(20)
    .default([])
    .transform((people) => people.filter((p) => p.personId || p.name)),
  sourceOutlet: optionalText(LIMITS.name),
  sourceTitle: optionalText(LIMITS.title),
  sourceUrl: webUrl.optional(),
});

export type RelationInput = z.infer<typeof RelationSchema>;
export type RelationStepInput = z.infer<typeof RelationStepSchema>;
