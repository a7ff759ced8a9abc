import { z } from "zod";
import { LIMITS, names, optionalLine, recordRef, requireOneName, requireRef } from "./fields";
import { formObject } from "./form-object";

export const OrganisationSchema = formObject(
  {
    ...recordRef("partner"),
    ...recordRef("parent"),
    ...names,
    nameNative: optionalLine(LIMITS.name),
    confirmDuplicate: z.boolean().optional(),
  },
  (value, ctx) => {
    requireOneName(value, ctx);
    requireRef(value, "partner", ctx);
  },
);

export type OrganisationInput = z.infer<typeof OrganisationSchema>;
