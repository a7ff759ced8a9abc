import { z } from "zod";
import { issue, LIMITS, optionalLine, webUrl } from "~/forms/fields";
import { cleanText } from "~/utils/clean-text";

/**
 * The pasted report, bounded like a source's text (it is kept as the meeting's source): a
 * longer paste is refused with its length, never cut.
 */
export const REPORT_LIMIT = LIMITS.sourceText;

export const PasteSchema = z.object({
  text: z
    .string()
    .transform(cleanText)
    .pipe(z.string().trim().min(1))
    .superRefine((text, ctx) => {
      if (text.length > REPORT_LIMIT) issue(ctx, [], "intake.tooLong", { max: REPORT_LIMIT, length: text.length });
    }),
  url: webUrl.optional(),
  outlet: optionalLine(LIMITS.name),
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
