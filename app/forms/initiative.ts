import { z } from "zod";
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from "../../db/enums";
import { LIMITS, optionalText, partialDateField, recordId } from "./fields";

const requireOneTitle = (v: { titleKk?: string; titleRu?: string; titleEn?: string }, ctx: z.RefinementCtx) => {
  if (!v.titleKk && !v.titleRu && !v.titleEn) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["titleKk"], params: { key: "form.errors.oneTitle" } });
  }
};

export const InitiativeSchema = z
  .object({
    titleKk: optionalText(LIMITS.title),
    titleRu: optionalText(LIMITS.title),
    titleEn: optionalText(LIMITS.title),
    description: optionalText(LIMITS.short),
    kind: z.enum(INITIATIVE_KINDS),
    // Only when it is made: later changes of status are steps with a date.
    status: z.enum(INITIATIVE_STATUSES).default("proposed"),
    partnerId: recordId.optional(),
    ownerPersonId: recordId.optional(),
    ownerOrganisationId: recordId.optional(),
    due: partialDateField,
  })
  .superRefine(requireOneTitle);

/** A dated step: a change of status, a note on progress, or both; where it happened. */
export const InitiativeStepSchema = z
  .object({
    date: partialDateField,
    status: z.enum(INITIATIVE_STATUSES).optional(),
    note: optionalText(LIMITS.short),
    meetingId: recordId.optional(),
  })
  .superRefine((step, ctx) => {
    if (!step.status && !step.note) ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["note"], params: { key: "form.errors.statusOrNote" } });
  });

export type InitiativeInput = z.infer<typeof InitiativeSchema>;
export type InitiativeStepInput = z.infer<typeof InitiativeStepSchema>;
