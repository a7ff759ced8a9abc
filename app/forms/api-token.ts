import { z } from "zod";
import { cleanText } from "~/utils/clean-text";
import { recordId } from "./fields";

/** Making a token: its name says what it is for, so its owner knows which to revoke. */
export const ApiTokenCreateSchema = z.object({
  intent: z.literal("create"),
  name: z.string().transform(cleanText).pipe(z.string().trim().min(1).max(100)),
});

/**
 * The API tokens page's forms (app/routes/account.api.tsx): make a named token, or revoke one of
 * the account's own.
 */
export const ApiTokenSchema = z.discriminatedUnion("intent", [
  ApiTokenCreateSchema,
  z.object({ intent: z.literal("revoke"), tokenId: recordId }),
]);
