import { z } from "zod";
import { partialDateFromParts, UNKNOWN_DATE, type PartialDate } from "~/utils/partial-date";
import { isWebUrl } from "~/utils/urls";

/** Limits stated to the user in the messages; generous for real text, closed to abuse. */
export const LIMITS = { name: 200, title: 300, short: 2000, summary: 20_000, sourceText: 100_000, url: 2000 } as const;

export const optionalText = (max: number) => z.string().trim().max(max).optional();

export const recordId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const names = {
  nameKk: optionalText(LIMITS.name),
  nameRu: optionalText(LIMITS.name),
  nameEn: optionalText(LIMITS.name),
};

/** At least one form of a name, with the message on the first field. */
export function requireOneName(value: { nameKk?: string; nameRu?: string; nameEn?: string; nameNative?: string }, ctx: z.RefinementCtx) {
  if (!value.nameKk && !value.nameRu && !value.nameEn && !value.nameNative) {
    ctx.addIssue({ code: z.ZodIssueCode.custom, path: ["nameKk"], params: { key: "form.errors.oneName" } });
  }
}

const dateParts = z
  .object({
    year: z.number().int().min(1).max(9999).optional(),
    month: z.number().int().min(1).max(12).optional(),
    day: z.number().int().min(1).max(31).optional(),
    approximate: z.boolean().optional(),
  })
  .superRefine((parts, ctx) => {
    if (!partialDateFromParts(parts)) ctx.addIssue({ code: z.ZodIssueCode.custom, params: { key: "form.errors.date" } });
  });

/** A partial date from its parts: what is left empty is unknown; 31 February is refused. */
export const partialDateField = dateParts
  .optional()
  .transform((parts): PartialDate => partialDateFromParts(parts ?? {}) ?? { ...UNKNOWN_DATE });

export const webUrl = z
  .string()
  .trim()
  .max(LIMITS.url)
  .url()
  .refine(isWebUrl, { params: { key: "form.errors.url" } });
