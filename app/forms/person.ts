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
    // Known to hold it on this day, start unknown: what a meeting's title tells (issue 13.6).
    asOf: partialDateField,
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
    posts: z.array(PostSchema).max(50).default([]),
    confirmDuplicate: z.boolean().optional(),
  })
  .superRefine(requireOneName);

export type PersonInput = z.infer<typeof PersonSchema>;
export type PostInput = z.infer<typeof PostSchema>;
