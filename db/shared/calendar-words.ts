/**
 * Dates in words, in Kazakh, Russian and English, as date-fns's `kk`, `ru` and `enGB` locales
 * write them ("PPP", "LLLL yyyy", "d MMMM yyyy, HH:mm"; tests/calendar-words.test.ts holds them
 * to it), without date-fns: these few patterns are all the pages use, and date-fns with its three
 * locales was 11 KB of every page's first-load JavaScript (issue 17). The month names are the
 * reader's language's strings (`date.months`, `date.monthsInDate`), which the browser has
 * already, not a table of all three in the page's code. The same code writes a date on the server
 * and in the browser, so hydration always matches.
 */
export type DateLanguage = "kk" | "ru" | "en";

/** The reader's language and its month names (January first). */
export type Calendar = {
  language: DateLanguage;
  /** a month standing alone: "March 2017", a list of months */
  months: readonly string[];
  /** a month inside a date: "5 March", Russian's genitive "5 марта" */
  monthsInDate: readonly string[];
};

/** A month's name standing alone (a list of months, "March 2017"): 1 is January. */
export const monthName = (calendar: Calendar, month: number) => calendar.months[month - 1];

/** Kazakh ordinal of a day: 6, 9, 10, 20 and 30 take -шы, the others -ші. */
const kazakhOrdinal = (day: number) => `${day}-${[6, 9, 0].includes(day % 10) ? "шы" : "ші"}`;

/** A day in full: "5 March 2017", "5 марта 2017 г.", "5-ші наурыз 2017 ж." (date-fns "PPP"). */
export function dayInWords(calendar: Calendar, year: number, month: number, day: number) {
  const name = calendar.monthsInDate[month - 1];
  if (calendar.language === "kk") return `${kazakhOrdinal(day)} ${name} ${year} ж.`;
  if (calendar.language === "ru") return `${day} ${name} ${year} г.`;
  return `${day} ${name} ${year}`;
}

/** A month and its year: "March 2017", "март 2017" (date-fns "LLLL yyyy"). */
export const monthInWords = (calendar: Calendar, year: number, month: number) =>
  `${monthName(calendar, month)} ${year}`;

const two = (n: number) => String(n).padStart(2, "0");

/** A wall-clock time: "25 November 2026, 03:30" (date-fns "d MMMM yyyy, HH:mm[:ss]"). */
export function timeInWords(calendar: Calendar, date: Date, seconds = false) {
  const time = `${two(date.getHours())}:${two(date.getMinutes())}${seconds ? `:${two(date.getSeconds())}` : ""}`;
  return `${date.getDate()} ${calendar.monthsInDate[date.getMonth()]} ${date.getFullYear()}, ${time}`;
}
