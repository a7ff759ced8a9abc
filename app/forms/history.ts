import { z } from "zod";
import { AUDITED_RECORD_TYPES } from "~db/enums";

/** The bin's "restore" button (admin.bin). */
export const RestoreSchema = z.object({
  recordType: z.enum(AUDITED_RECORD_TYPES),
  recordId: z.coerce.number().int().positive(),
});

/** A history entry's "undo this change" button. */
export const RevertSchema = z.object({ entryId: z.coerce.number().int().positive() });
