import { z } from "zod";
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from "~db/enums";
import { issue, LIMITS, optionalLine, optionalText, partialDateField, recordId, recordRef } from "./fields";
import { formObject } from "./form-object";

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
  },
);

export type InitiativeInput = z.infer<typeof InitiativeSchema>;
export type InitiativeStepInput = z.infer<typeof InitiativeStepSchema>;
