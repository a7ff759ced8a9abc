/**
 * The documents form (app/routes/documents.tsx): attach a file to a record (a multipart post,
 * whose file part is streamed to disk by app/models/documents.server.ts, never read by this
 * schema), or delete one.
 */
import { z } from "zod";

export const DOCUMENT_PARENTS = ["meeting", "relationStep", "initiative", "delegation"] as const;
export type DocumentParent = (typeof DOCUMENT_PARENTS)[number];

const id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const documentSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("attach"), parent: z.enum(DOCUMENT_PARENTS), parentId: id }),
  z.object({ intent: z.literal("delete"), documentId: id }),
]);
export type DocumentInput = z.infer<typeof documentSchema>;
