import { z } from "zod";
import {
  issue,
  LIMITS,
  optionalLine,
  partialDateField,
  personName,
  personNames,
  recordId,
  requireOnePersonName,
  wikidataId,
} from "./fields";
import { formObject, parsed } from "./form-object";
import { comparePartialDates } from "~db/shared/partial-date";

export const PostSchema = formObject(
  {
    // Picked (the id) or typed (the name, matched on save): a select of every body on file in
    // every post row was what made a refused person form slow (issue 12.4).
    organisationId: recordId.optional(),
    organisationName: optionalLine(LIMITS.name),
    titleKk: optionalLine(LIMITS.title),
    titleRu: optionalLine(LIMITS.title),
    titleEn: optionalLine(LIMITS.title),
    start: partialDateField,
    end: partialDateField,
    // Known to hold it on this day, start unknown: what a meeting's title tells (issue 13.6).
    asOf: partialDateField,
  },
  (post, ctx) => {
    if (!post.organisationId && !post.organisationName) issue(ctx, ["organisationName"], "form.errors.required");
    if (!post.titleKk && !post.titleRu && !post.titleEn) issue(ctx, ["titleKk"], "form.errors.onePostTitle");
    if (
      parsed(post.start) &&
      parsed(post.end) &&
      post.start.value &&
      post.end.value &&
      comparePartialDates(post.end, post.start) < 0
    ) {
      issue(ctx, ["end"], "form.errors.endBeforeStart");
    }
  },
);

export const PersonSchema = formObject(
  {
    ...personNames,
    nameNative: personName,
    wikidataId,
    // Named in the open-data export only when ticked (issue 16.4).
    isPublic: z.boolean().optional(),
    // Also checked before parsing (app/utils/form-shape.ts).
    posts: z.array(PostSchema).max(20).default([]),
    confirmDuplicate: z.boolean().optional(),
  },
  requireOnePersonName,
);

export type PersonInput = z.infer<typeof PersonSchema>;
export type PostInput = z.infer<typeof PostSchema>;
