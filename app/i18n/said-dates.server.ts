import type { SaidDate, SaidTime } from "~/components/DateText";
import { timeInWords, type WallClock } from "~db/shared/calendar-words";
import { formatAsOf, formatPartialDate, machineDate, type DateWords, type PartialDate } from "~db/shared/partial-date";
import { LANGUAGES, type Language } from "./config";
import { dateWords } from "./dates";
import { translatorFor } from "./i18n.server";

const wordsOf = new Map<Language, DateWords>(LANGUAGES.map((lng) => [lng, dateWords(lng, translatorFor(lng))]));

/** A partial date in the reader's words, said on the server so that the page need not know how. */
export function sayDate(date: PartialDate, lng: Language): SaidDate {
  return { text: formatPartialDate(date, wordsOf.get(lng)!), machine: machineDate(date) };
}

// The wall clock in Astana for a UTC instant, as numbers: timeInWords then writes it in the reader's
// language with its month names (ICU's Kazakh medium format reads "2026 M11 25").
const ASTANA = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Almaty",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function astanaWallClock(iso: string): WallClock {
  const parts = Object.fromEntries(ASTANA.formatToParts(new Date(iso)).map((p) => [p.type, Number(p.value)]));
  const { year, month, day, hour, minute, second } = parts;
  return { year, month, day, hour, minute, second };
}

/** When something happened (stored in UTC), as Astana time in the reader's words. */
export function sayTime(iso: string, lng: Language, seconds = false): string {
  return timeInWords(wordsOf.get(lng)!.calendar, astanaWallClock(iso), seconds);
}

/**
 * The same with its instant, for a page to draw (TimeText): said here, the pages that list
 * changes, documents and sign-ins ship none of the code that words a time, and a reader's
 * browser, whatever its zone and its calendar data, shows what the server wrote.
 */
export function sayInstant(iso: string, lng: Language, seconds = false): SaidTime {
  return { iso, text: sayTime(iso, lng, seconds) };
}

/** "As of <date>" in the reader's words (formatAsOf). */
export function sayAsOf(date: PartialDate, lng: Language): string {
  return formatAsOf(date, wordsOf.get(lng)!);
}
