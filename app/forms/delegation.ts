import { z } from "zod";
import { DELEGATION_DIRECTIONS } from "~db/enums";
import { comparePartialDates } from "~db/shared/partial-date";
import {
  issue,
  knownOrUnknownDateField,
  LIMITS,
  optionalLine,
  optionalText,
  partialDateField,
  recordId,
  recordRef,
  requireRef,
} from "./fields";
import { formObject, parsed } from "./form-object";

/** Someone on file: picked (personId) or typed by a name that matches exactly one person. */
const PersonRef = z.object({ personId: recordId.optional(), name: optionalLine(LIMITS.name) });

export const DelegationSchema = formObject(
  {
    ...recordRef("partner"),
    ...recordRef("organisation"),
    direction: z.enum(DELEGATION_DIRECTIONS),
    // The arrival dates the visit: given, or marked unknown. A departure is often not reported.
    arrival: knownOrUnknownDateField,
    departure: partialDateField,
    purpose: optionalText(LIMITS.short),
    leader: PersonRef.optional(),
    members: z
      .array(PersonRef)
      .max(100)
      .default([])
      .transform((members) => members.filter((m) => m.personId || m.name)),
  },
  (d, ctx) => {
    requireRef(d, "partner", ctx);
    if (
      parsed(d.arrival) &&
      parsed(d.departure) &&
      d.arrival.value &&
      d.departure.value &&
      comparePartialDates(d.departure, d.arrival) < 0
    ) {
      issue(ctx, ["departure"], "form.errors.endBeforeStart");
    }
  },
);

export type DelegationInput = z.infer<typeof DelegationSchema>;
