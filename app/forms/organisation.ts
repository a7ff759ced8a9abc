import { z } from "zod";
import { LIMITS, names, optionalText, recordId, requireOneName } from "./fields";
import { formObject } from "./form-object";

export const OrganisationSchema = formObject(
  {
    partnerId: recordId,
    parentId: recordId.optional(),
    ...names,
    nameNative: optionalText(LIMITS.name),
    confirmDuplicate: z.boolean().optional(),
  },
  requireOneName,
);

export type OrganisationInput = z.infer<typeof OrganisationSchema>;
