import { z } from "zod";
import { todayInAstana } from "~/utils/today";
import { partialDateFromParts, UNKNOWN_DATE, type PartialDate } from "~db/shared/partial-date";
import { cleanText } from "~/utils/clean-text";
import { isWebAddress, withWebScheme } from "~/utils/urls";
import { formObject, parsed } from "./form-object";

/** A rule broken: the message is named by its key and said by the error map (./error-map.ts). */
export function issue(
  ctx: z.RefinementCtx,
  path: Array<string | number>,
  key: string,
  params: Record<string, unknown> = {},
) {
  ctx.addIssue({ code: z.ZodIssueCode.custom, path, params: { key, ...params } });
}

/** Limits stated to the user in the messages; generous for real text, closed to abuse. */
export const LIMITS = { name: 200, title: 300, short: 2000, summary: 20_000, sourceText: 100_000, url: 2000 } as const;

/**
 * Any text a record keeps: cleaned (app/utils/clean-text.ts) and trimmed, then at most `max`
 * characters. A transform and a refinement, not a pipeline: the forms' own coercion walks them
 * (./form-coercion.ts), and text the cleaning leaves empty is none, as a field left empty is.
 */
export const optionalText = (max: number) => cleanedText(max, (text) => cleanText(text).trim());

/**
 * A name, a title, an outlet: one line. A spreadsheet's cell may break it over lines (Alt+Enter),
 * which no page shows and an export would keep: each break, with the spaces around it, is a space.
 */
export const optionalLine = (max: number) => cleanedText(max, oneLine);

// Split and joined, not one pattern of spaces around breaks: that pattern reads a long run of
// spaces again from each of them (a crafted cell of 20,000 held the thread for seconds).
const oneLine = (text: string) =>
  cleanText(text)
    .replaceAll("\t", " ")
    .split(/[\r\n]+/)
    .map((line) => line.trim())
    .filter(Boolean)
    .join(" ");

function cleanedText(max: number, clean: (text: string) => string) {
  return (
    z
      .string()
      // Text the cleaning leaves empty is no text: kept as none, not as "" (a place of spaces
      // only was shown as a place with nothing in it).
      .transform((text) => clean(text) || undefined)
      .superRefine((text, ctx) => {
        if (text && text.length > max)
          ctx.addIssue({ code: z.ZodIssueCode.too_big, maximum: max, type: "string", inclusive: true });
      })
      .optional()
  );
}

export const recordId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A Wikidata item: Q and its number (Q956 is Beijing), with a message saying so. */
export const wikidataId = z
  .string()
  .trim()
  // The pattern bounds the length too: one message, whatever was typed.
  .refine((value) => /^Q[1-9]\d{0,11}$/.test(value), { params: { key: "form.errors.wikidataId" } })
  .optional();

export const names = {
  nameKk: optionalLine(LIMITS.name),
  nameRu: optionalLine(LIMITS.name),
  nameEn: optionalLine(LIMITS.name),
};

/**
 * A person's name, in whatever script, holds a letter: "=1+1" (a spreadsheet's formula typed as
 * text), "123" or "—" is not anyone's name, nor a place's. Bodies' names are left free ("1+1"
 * is a TV channel).
 */
export const hasLetter = (text: string) => /\p{L}/u.test(text);

export const personName = optionalLine(LIMITS.name).refine((value) => !value || hasLetter(value), {
  params: { key: "form.errors.nameLetter" },
});

export const personNames = { nameKk: personName, nameRu: personName, nameEn: personName };

/** A place's name (a partner: a city, a province, a country) holds a letter too: "🏙️🏙️" is none. */
export const placeNames = personNames;

/** At least one form of a name, with `key`'s message on the first field. */
const oneNameRequired =
  (key: string) =>
  (value: { nameKk?: unknown; nameRu?: unknown; nameEn?: unknown; nameNative?: unknown }, ctx: z.RefinementCtx) => {
    if (!value.nameKk && !value.nameRu && !value.nameEn && !value.nameNative) issue(ctx, ["nameKk"], key);
  };

export const requireOneName = oneNameRequired("form.errors.oneName");
/** The same for a person, whose name Russian and Kazakh word otherwise than a body's. */
export const requireOnePersonName = oneNameRequired("form.errors.onePersonName");

/** Years a record of this council can hold: none before 1800, none more than ten years ahead. */
export const YEARS = { min: 1800, ahead: 10 } as const;
export const latestYear = () => Number(todayInAstana().slice(0, 4)) + YEARS.ahead;

// Text inputs, not type="number": a number input drops the letter in "20O5" and sends "205".
// What was typed is checked as typed, and refused with a message, never corrected.
const yearText = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    if (!/^\d+$/.test(text)) return issue(ctx, [], "form.errors.yearDigits");
    const max = latestYear();
    if (Number(text) < YEARS.min || Number(text) > max)
      issue(ctx, [], "form.errors.yearRange", { min: YEARS.min, max });
  })
  .transform(Number);

const dayText = z
  .string()
  .trim()
  .superRefine((text, ctx) => {
    if (!/^\d+$/.test(text) || Number(text) < 1 || Number(text) > 31) issue(ctx, [], "form.errors.dayDigits");
  })
  .transform(Number);

function dateParts(required: boolean) {
  return formObject(
    {
      year: yearText.optional(),
      month: z.number().int().min(1).max(12).optional(),
      day: dayText.optional(),
      approximate: z.boolean().optional(),
      // "Date unknown", ticked on purpose: a blank date is otherwise taken for a forgotten one.
      unknown: z.boolean().optional(),
    },
    (parts, ctx) => {
      const given = parts.year !== undefined || parts.month !== undefined || parts.day !== undefined;
      if (given && parts.unknown === true) return issue(ctx, [], "form.errors.dateUnknownButGiven");
      if (required && !given && parts.unknown !== true) return issue(ctx, [], "form.errors.dateRequired");
      const { year, month, day } = parts;
      if (!parsed(month) || !parsed(day)) return;
      // 31 April is no date in any year: say so even while the year is still wrong (a leap year stands in).
      const checkedYear = parsed(year) ? year : 2000;
      if (!partialDateFromParts({ year: checkedYear, month, day })) issue(ctx, [], "form.errors.date");
    },
  ).transform((parts): PartialDate => partialDateFromParts(parts) ?? { ...UNKNOWN_DATE });
}

/**
 * A partial date from its parts: what is left empty is unknown; 31 February, "20O5" and the
 * year 205 are refused. For dates that may well be unknown (a due date, the end of a post).
 */
export const partialDateField = dateParts(false).default({});

/**
 * A partial date that must be given, or marked unknown with its "date unknown" box: the date of
 * a meeting, a delegation's arrival, a relation's step (issue 13.4).
 */
export const knownOrUnknownDateField = dateParts(true).default({});

/** True when a date's known period starts after today (in Astana). */
export const isFutureDate = (date: PartialDate) => date.value != null && date.value > todayInAstana();

/**
 * A web address: "tengrinews.kz/…" gets the https:// it was typed without; what is still not
 * an http(s) address with a host such as example.kz (javascript:, a bare word) is refused.
 */
export const webUrl = z
  .string()
  .trim()
  .max(LIMITS.url)
  .transform(withWebScheme)
  .refine(isWebAddress, { params: { key: "form.errors.url" } });

/**
 * A reference to a record on file (app/forms/RecordChoice.tsx): `<field>Id`, chosen in a select or
 * picked from suggestions, and `<field>Name`, what was typed in the picker, resolved when saved.
 */
export function recordRef<F extends string>(field: F) {
  return { [`${field}Id`]: recordId.optional(), [`${field}Name`]: optionalLine(LIMITS.name) } as {
    [K in `${F}Id`]: z.ZodOptional<typeof recordId>;
  } & { [K in `${F}Name`]: ReturnType<typeof optionalLine> };
}

/** A reference the form needs: chosen, picked or typed. The message goes beside either control. */
export function requireRef(value: Record<string, unknown>, field: string, ctx: z.RefinementCtx) {
  if (value[`${field}Id`] || value[`${field}Name`]) return;
  for (const path of [`${field}Id`, `${field}Name`]) issue(ctx, [path], "form.errors.required");
}
