/**
 * Dates in words, in Kazakh, Russian and English, as date-fns's `kk`, `ru` and `enGB` locales
 * write them ("PPP", "LLLL yyyy", "d MMMM yyyy, HH:mm"; tests/calendar-words.test.ts holds them
 * to it), without date-fns: these few patterns and 48 month names are all the pages use, and
 * date-fns with its three locales was 11 KB of every page's first-load JavaScript (issue 17).
 * The same code writes a date on the server and in the browser, so hydration always matches.
 */
export type DateLanguage = "kk" | "ru" | "en";

const MONTHS: Record<DateLanguage, string[]> = {
  kk: "қаңтар ақпан наурыз сәуір мамыр маусым шілде тамыз қыркүйек қазан қараша желтоқсан".split(" "),
  ru: "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь".split(" "),
  en: "January February March April May June July August September October November December".split(" "),
};

/** Russian names a month in a date in the genitive: "5 марта". */
const RU_GENITIVE = "января февраля марта апреля мая июня июля августа сентября октября ноября декабря".split(" ");

/** A month's name standing alone (a list of months, "March 2017"): 1 is January. */
export const monthName = (lng: DateLanguage, month: number) => MONTHS[lng][month - 1];

/** A month's name inside a date ("5 March"). */
const monthInDate = (lng: DateLanguage, month: number) =>
  lng === "ru" ? RU_GENITIVE[month - 1] : MONTHS[lng][month - 1];

/** Kazakh ordinal of a day: 6, 9, 10, 20 and 30 take -шы, the others -ші. */
const kazakhOrdinal = (day: number) => `${day}-${[6, 9, 0].includes(day % 10) ? "шы" : "ші"}`;

/** A day in full: "5 March 2017", "5 марта 2017 г.", "5-ші наурыз 2017 ж." (date-fns "PPP"). */
export function dayInWords(lng: DateLanguage, year: number, month: number, day: number) {
  if (lng === "kk") return `${kazakhOrdinal(day)} ${monthInDate(lng, month)} ${year} ж.`;
  if (lng === "ru") return `${day} ${monthInDate(lng, month)} ${year} г.`;
  return `${day} ${monthInDate(lng, month)} ${year}`;
}

/** A month and its year: "March 2017", "март 2017" (date-fns "LLLL yyyy"). */
export const monthInWords = (lng: DateLanguage, year: number, month: number) => `${monthName(lng, month)} ${year}`;

const two = (n: number) => String(n).padStart(2, "0");

/** A wall-clock time: "25 November 2026, 03:30" (date-fns "d MMMM yyyy, HH:mm[:ss]"). */
export function timeInWords(lng: DateLanguage, date: Date, seconds = false) {
  const time = `${two(date.getHours())}:${two(date.getMinutes())}${seconds ? `:${two(date.getSeconds())}` : ""}`;
  return `${date.getDate()} ${monthInDate(lng, date.getMonth() + 1)} ${date.getFullYear()}, ${time}`;
}
