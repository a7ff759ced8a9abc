import { z } from "zod";
import { LIMITS, names, optionalText, recordId, requireOneName } from "./fields";

export const OrganisationSchema = z
  .object({
    partnerId: recordId,
    parentId: recordId.optional(),
    ...names,
    nameNative: optionalText(LIMITS.name),
    confirmDuplicate: z.boolean().optional(),
  })
  .superRefine(requireOneName);

export type OrganisationInput = z.infer<typeof OrganisationSchema>;
