/**
 * Partial dates: history often knows only a year or a month, or nothing. A partial date keeps
 * the start of the known period as ISO text (so it sorts), its precision, and whether it is
 * approximate. It is shown honestly: "March 2017", "2016, approx.", "date unknown"; never as an
 * invented day. See docs/decisions/0002-partial-dates.md.
 */
import { dateInCase, dayInWords, monthInWords, type Calendar, type DateCase } from "./calendar-words";
import type { DatePrecision } from "../enums";

export type PartialDate = {
  value: string | null;
  precision: DatePrecision;
  approximate: boolean;
};

export const UNKNOWN_DATE: PartialDate = { value: null, precision: "unknown", approximate: false };

export function isValidDay(year: number, month: number, day: number) {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/**
 * Builds a partial date from the parts that are known, or returns null when the parts do not
 * make a date (31 February, month 13, a day without a month).
 */
export function partialDateFromParts(parts: {
  year?: number | null;
  month?: number | null;
  day?: number | null;
  approximate?: boolean;
}): PartialDate | null {
  const { year, month, day } = parts;
  const approximate = Boolean(parts.approximate);
  if (year == null) {
    if (month != null || day != null) return null;
    return { ...UNKNOWN_DATE };
  }
  if (!Number.isInteger(year) || year < 1 || year > 9999) return null;
  if (month == null) {
    if (day != null) return null;
    return { value: `${pad(year, 4)}-01-01`, precision: "year", approximate };
  }
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (day == null) return { value: `${pad(year, 4)}-${pad(month)}-01`, precision: "month", approximate };
  if (!isValidDay(year, month, day)) return null;
  return { value: `${pad(year, 4)}-${pad(month)}-${pad(day)}`, precision: "day", approximate };
}

/** "2016", "2017-03", "2017-03-12" or null; "~" in front marks it approximate. For fixtures. */
export function partialDate(text: string | null): PartialDate {
  if (!text) return { ...UNKNOWN_DATE };
  const approximate = text.startsWith("~");
  const [y, m, d] = text.replace(/^~/, "").split("-").map(Number);
  const parsed = partialDateFromParts({ year: y, month: m, day: d, approximate });
  if (!parsed) throw new Error(`Not a partial date: ${text}`);
  return parsed;
}

export function partialDateParts(date: PartialDate) {
  if (!date.value || date.precision === "unknown") return { year: null, month: null, day: null };
  const [y, m, d] = date.value.split("-").map(Number);
  return {
    year: y,
    month: date.precision === "year" ? null : m,
    day: date.precision === "day" ? d : null,
  };
}

export function partialDateYear(date: PartialDate): number | null {
  return partialDateParts(date).year;
}

/** Chronological order; unknown dates last, then coarser before finer at the same start. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  if (!a.value || !b.value) return a.value ? -1 : b.value ? 1 : 0;
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  return PRECISION_RANK[a.precision] - PRECISION_RANK[b.precision];
}
const PRECISION_RANK: Record<DatePrecision, number> = { year: 0, month: 1, day: 2, unknown: 3 };

export type DateWords = {
  /** the reader's language and its month names */
  calendar: Calendar;
  /** the translated "date unknown" */
  unknown: string;
  /** wraps a date that is approximate: "{{date}}, approx." */
  approximate: (date: string) => string;
  /** "as of {{date}}", and the same of an approximate date, said once where the language puts it */
  asOf: (date: string) => string;
  asOfApproximate: (date: string) => string;
};

export function formatPartialDate(date: PartialDate, words: DateWords, dateCase?: DateCase): string {
  const { year, month, day } = partialDateParts(date);
  if (year == null) return words.unknown;
  // An approximate date is said in the case of "about" ("около марта 2016 г."), unless its
  // sentence gives it one.
  const inCase = dateCase ?? (date.approximate ? "about" : undefined);
  const text = inCase
    ? dateInCase(words.calendar, inCase, year, month ?? undefined, day ?? undefined)
    : day != null && month != null
      ? dayInWords(words.calendar, year, month, day)
      : month != null
        ? monthInWords(words.calendar, year, month)
        : String(year);
  return date.approximate ? words.approximate(text) : text;
}

/** When a post was held: its start and end, and a day it was known held (a meeting's). */
export type HeldDates = { start: PartialDate; end: PartialDate; asOf: PartialDate };

/** Not known to be held now: only a day it was held is on record. */
export const knownOnlyAsOf = (post: HeldDates) => !post.start.value && !post.end.value && Boolean(post.asOf.value);

/** A partial date as a `<time dateTime>` reads it: "2017", "2017-06" or "2017-06-10"; none when unknown. */
export function machineDate(date: PartialDate): string | undefined {
  if (!date.value) return undefined;
  return date.precision === "year"
    ? date.value.slice(0, 4)
    : date.precision === "month"
      ? date.value.slice(0, 7)
      : date.value;
}

/**
 * "As of <date>", a post known held on a day: an approximate date's mark said once, where the
 * language puts it ("примерно по состоянию на 2016", not "по состоянию на около 2016").
 */
export function formatAsOf(date: PartialDate, words: DateWords): string {
  if (!date.approximate) return words.asOf(formatPartialDate(date, words, "at"));
  return words.asOfApproximate(formatPartialDate({ ...date, approximate: false }, words, "at"));
}

/** A partial date as the three columns it is stored in: `date`, `datePrecision`, `dateApproximate`. */
export function partialDateColumns<P extends string>(prefix: P, date: PartialDate) {
  return {
    [prefix]: date.value,
    [`${prefix}Precision`]: date.precision,
    [`${prefix}Approximate`]: date.approximate,
  } as Record<P, string | null> &
    Record<`${P}Precision`, PartialDate["precision"]> &
    Record<`${P}Approximate`, boolean>;
}

/**
 * A stored partial date as a form's day, month, year, "approximate" and "date unknown" fields: a
 * record kept without a date comes back with its "date unknown" box ticked.
 */
export function partialDateFormValue(value: string | null, precision: PartialDate["precision"], approximate: boolean) {
  const parts = partialDateParts({ value, precision, approximate });
  return {
    year: parts.year == null ? undefined : String(parts.year),
    month: parts.month ?? undefined,
    day: parts.day == null ? undefined : String(parts.day),
    approximate,
    unknown: parts.year == null,
  };
}
