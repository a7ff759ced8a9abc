import type { SaidDate } from "~/components/DateText";
import { astanaWallClock } from "~/components/AstanaTime";
import { timeInWords } from "~db/shared/calendar-words";
import { formatAsOf, formatPartialDate, machineDate, type DateWords, type PartialDate } from "~db/shared/partial-date";
import { LANGUAGES, type Language } from "./config";
import { dateWords } from "./dates";
import { translatorFor } from "./i18n.server";

const wordsOf = new Map<Language, DateWords>(LANGUAGES.map((lng) => [lng, dateWords(lng, translatorFor(lng))]));

/** A partial date in the reader's words, said on the server so that the page need not know how. */
export function sayDate(date: PartialDate, lng: Language): SaidDate {
  return { text: formatPartialDate(date, wordsOf.get(lng)!), machine: machineDate(date) };
}

/** When something happened (stored in UTC), as Astana time in the reader's words. */
export function sayTime(iso: string, lng: Language): string {
  return timeInWords(wordsOf.get(lng)!.calendar, astanaWallClock(iso));
}

/** "As of <date>" in the reader's words (formatAsOf). */
export function sayAsOf(date: PartialDate, lng: Language): string {
  return formatAsOf(date, wordsOf.get(lng)!);
}
