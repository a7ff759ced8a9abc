import { z } from "zod";
import { IMPORT_KINDS } from "~db/schema";
import { recordId } from "./fields";

/** How a CSV's bytes are read: found out from the file, or as the person says. */
export const ENCODINGS = ["auto", "utf-8", "windows-1251"] as const;

/**
 * The import page's posts (issue 15.1): a file to preview (multipart, the file beside these
 * fields), the rows of a previewed file to import (its staged id; the rows are read again from
 * the staged file), or an import to undo.
 */
export const ImportSchema = z.object({
  intent: z.enum(["preview", "import", "undo"]),
  kind: z.enum(IMPORT_KINDS).default("meetings"),
  encoding: z.enum(ENCODINGS).default("auto"),
  stagedId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  importId: recordId.optional(),
});
