import { z } from "zod";
import { RELATION_STATUSES, RELATION_TYPES } from "../../db/schema";
import { LIMITS, optionalText, partialDateField, recordId } from "./fields";

/** A relation begins with its first step: what it is and where it stands, dated. */
export const RelationSchema = z.object({
  type: z.enum(RELATION_TYPES),
  note: optionalText(LIMITS.short),
  status: z.enum(RELATION_STATUSES),
  date: partialDateField,
  stepNote: optionalText(LIMITS.short),
});

export const RelationStepSchema = z.object({
  status: z.enum(RELATION_STATUSES),
  date: partialDateField,
  note: optionalText(LIMITS.short),
  meetingId: recordId.optional(),
});

export type RelationInput = z.infer<typeof RelationSchema>;
export type RelationStepInput = z.infer<typeof RelationStepSchema>;
