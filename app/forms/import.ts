import { z } from "zod";
import { IMPORT_KINDS } from "~db/schema";
import { MEETING_COLUMNS, PARTNER_COLUMNS, PERSON_COLUMNS } from "~/exchange/columns";
import { recordId } from "./fields";

/** How a CSV's bytes are read: found out from the file, or as the person says. */
export const ENCODINGS = ["auto", "utf-8", "windows-1251"] as const;

/** A column the import leaves out, in the mapping step. */
export const MAPPING_IGNORE = "ignore";
const CHOICES: [string, ...string[]] = [
  MAPPING_IGNORE,
  ...new Set([...MEETING_COLUMNS, ...PERSON_COLUMNS, ...PARTNER_COLUMNS].map((c) => c.key)),
];
/**
 * What a column of the file is mapped to: a field of one of the import's kinds, or nothing
 * (whether it is a field of the file's own kind is checked with the file, checkMapping).
 */
export const MappingChoiceSchema = z.enum(CHOICES);
export type MappingChoice = z.infer<typeof MappingChoiceSchema>;
/** A spreadsheet has a few dozen columns at most; a header row wider than this is not mapped. */
export const MAX_MAPPED_COLUMNS = 100;

/**
 * The import page's posts (issue 15.1): a file to preview (multipart, the file beside these
 * fields), the rows of a previewed file to import (its staged id; the rows are read again from
 * the staged file), a mapping of a staged file's columns to fields (`map`; checked against the
 * file's own header row on the server) or a request to change it (`remap`), or an import to undo.
 */
export const ImportSchema = z.object({
  intent: z.enum(["preview", "map", "remap", "import", "undo"]),
  kind: z.enum(IMPORT_KINDS).default("meetings"),
  encoding: z.enum(ENCODINGS).default("auto"),
  stagedId: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
  importId: recordId.optional(),
  columns: z.array(MappingChoiceSchema).max(MAX_MAPPED_COLUMNS).optional(),
});
