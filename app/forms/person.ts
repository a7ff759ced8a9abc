import { z } from "zod";
import { LIMITS, names, optionalText, partialDateField, recordId, requireOneName } from "./fields";
import { comparePartialDates } from "~/utils/partial-date";

export const PostSchema = z
  .object({
    organisationId: recordId,
    titleKk: optionalText(LIMITS.title),
    titleRu: optionalText(LIMITS.title),
    titleEn: optionalText(LIMITS.title),
    start: partialDateField,
    end: partialDateField,
  })
  .superRefine((post, ctx) => {
    if (!post.titleKk && !post.titleRu && !post.titleEn) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["titleKk"], params: { key: "form.errors.oneTitle" } });
    }
    if (post.start.value && post.end.value && comparePartialDates(post.end, post.start) < 0) {
      ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["end"], params: { key: "form.errors.endBeforeStart" } });
    }
  });

export const PersonSchema = z
  .object({
    ...names,
    nameNative: optionalText(LIMITS.name),
    // Also checked before parsing (app/utils/form-shape.ts).
    posts: z.array(PostSchema).max(20).default([]),
    confirmDuplicate: z.boolean().optional(),
  })
  .superRefine(requireOneName);

export type PersonInput = z.infer<typeof PersonSchema>;
export type PostInput = z.infer<typeof PostSchema>;
