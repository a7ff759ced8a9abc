import { z } from "zod";
import { PARTNER_KINDS } from "~db/enums";
import { COUNTRY_CODES } from "~/utils/countries";
import { placeNames, personName, requireOneName, wikidataId } from "./fields";
import { formObject } from "./form-object";

export const PartnerSchema = formObject(
  {
    kind: z.enum(PARTNER_KINDS),
    countryCode: z.enum(COUNTRY_CODES),
    ...placeNames,
    nameNative: personName,
    wikidataId,
    confirmDuplicate: z.boolean().optional(),
  },
  requireOneName,
);

export type PartnerInput = z.infer<typeof PartnerSchema>;
