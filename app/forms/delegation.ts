import { z } from "zod";
import { DELEGATION_DIRECTIONS } from "../../db/enums";
import { comparePartialDates } from "~/utils/partial-date";
import { LIMITS, optionalText, partialDateField, recordId } from "./fields";

/** Someone on file: picked (personId) or typed by a name that matches exactly one person. */
const PersonRef = z.object({ personId: recordId.optional(), name: optionalText(LIMITS.name) });

export const DelegationSchema = z
  .object({
    partnerId: recordId,
    organisationId: recordId.optional(),
    direction: z.enum(DELEGATION_DIRECTIONS),
    arrival: partialDateField,
    departure: partialDateField,
    purpose: optionalText(LIMITS.short),
    leader: PersonRef.optional(),
    members: z
      .array(PersonRef)
      .max(100)
      .default([])
      .transform((members) => members.filter((m) => m.personId || m.name)),
  })
  .superRefine((d, ctx) => {
    if (d.arrival.value && d.departure.value && comparePartialDates(d.departure, d.arrival) < 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["departure"], params: { key: "form.errors.endBeforeStart" } });
    }
  });

export type DelegationInput = z.infer<typeof DelegationSchema>;
