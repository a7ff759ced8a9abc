/**
 * Dates in words, in Russian and English as date-fns's `ru` and `enGB` locales write them ("PPP",
 * "LLLL yyyy", "d MMMM yyyy, HH:mm"; tests/calendar-words.test.ts holds them to it), and in Kazakh
 * as Kazakh writes them, the year first ("2017 жылғы 5 наурыз", as the app's own Kazakh texts
 * do), not date-fns's `kk` ("5-ші наурыз 2017 ж.", "наурыз 2017"). Without date-fns: these few
 * patterns are all the pages use, and date-fns with its three locales was 11 KB of every page's
 * first-load JavaScript (issue 17). The month names are the
 * reader's language's strings (`date.months`, `date.monthsInDate`), which the browser has
 * already, not a table of all three in the page's code. The same code writes a date on the server
 * and in the browser, so hydration always matches.
 */
export type DateLanguage = "kk" | "ru" | "en";

/**
 * The case a sentence puts a date in, where the language marks it: "since" (Russian "с" takes
 * the genitive, "с марта 2015 г."; Kazakh "бастап" the ablative, "2015 жылғы наурыздан бастап"),
 * "until" ("до марта 2015 г.", "2015 жылғы наурызға дейін"), "at" (Kazakh's locative adjective,
 * "2015 жылғы наурыздағы жағдай бойынша"), "about" (Russian "около марта 2015 г."). English says
 * each as it stands; a date standing alone has no case.
 */
export type DateCase = "since" | "until" | "at" | "about";
export const DATE_CASES = ["since", "until", "at", "about"] as const satisfies readonly DateCase[];

/** The reader's language and its month names (January first). */
export type Calendar = {
  language: DateLanguage;
  /** a month standing alone: "March 2017", a list of months */
  months: readonly string[];
  /** a month inside a date: "5 March", Russian's genitive "5 марта" */
  monthsInDate: readonly string[];
  /** each case's month names (the last word of the date that takes the case) and year ("{{year}} жылдан") */
  cases: Record<DateCase, { months: readonly string[]; year: string }>;
};

/** A month's name standing alone (a list of months, "March 2017"): 1 is January. */
export const monthName = (calendar: Calendar, month: number) => calendar.months[month - 1];

/** A day in full: "5 March 2017", "5 марта 2017 г." (date-fns "PPP"), "2017 жылғы 5 наурыз". */
export function dayInWords(calendar: Calendar, year: number, month: number, day: number) {
  const name = calendar.monthsInDate[month - 1];
  if (calendar.language === "kk") return `${year} жылғы ${day} ${name}`;
  if (calendar.language === "ru") return `${day} ${name} ${year} г.`;
  return `${day} ${name} ${year}`;
}

/** A month and its year: "March 2017", "март 2017" (date-fns "LLLL yyyy"), "2017 жылғы наурыз". */
export const monthInWords = (calendar: Calendar, year: number, month: number) =>
  calendar.language === "kk" ? `${year} жылғы ${monthName(calendar, month)}` : `${monthName(calendar, month)} ${year}`;

/**
 * A date in the case its sentence gives it (DateCase): its year, its month and year, or its day.
 * Kazakh marks the case on the date's last word ("2015 жылдан", "2015 жылғы наурыздан", "2015
 * жылғы 5 наурыздан"); Russian on the month, with the year's "г." ("марта 2015 г."), a day's
 * month being in the genitive already; English not at all.
 */
export function dateInCase(calendar: Calendar, dateCase: DateCase, year: number, month?: number, day?: number) {
  const { months, year: yearWords } = calendar.cases[dateCase];
  if (month == null) return yearWords.replace("{{year}}", String(year));
  const name = months[month - 1];
  if (calendar.language === "kk") return day == null ? `${year} жылғы ${name}` : `${year} жылғы ${day} ${name}`;
  if (day != null) return dayInWords(calendar, year, month, day);
  return calendar.language === "ru" ? `${name} ${year} г.` : `${name} ${year}`;
}

const two = (n: number) => String(n).padStart(2, "0");

/** A wall-clock time: "25 November 2026, 03:30" (date-fns "d MMMM yyyy, HH:mm[:ss]"), "2026 жылғы 25 қараша, 03:30". */
export function timeInWords(calendar: Calendar, at: WallClock, seconds = false) {
  const time = `${two(at.hour)}:${two(at.minute)}${seconds ? `:${two(at.second)}` : ""}`;
  const name = calendar.monthsInDate[at.month - 1];
  const day = calendar.language === "kk" ? `${at.year} жылғы ${at.day} ${name}` : `${at.day} ${name} ${at.year}`;
  return `${day}, ${time}`;
}

/**
 * A wall clock's reading, as numbers (January is 1). Not a Date: a Date made from another zone's
 * wall clock is read in the reader's own zone, where that hour may not exist (the night clocks go
 * forward) and is moved by an hour.
 */
export type WallClock = { year: number; month: number; day: number; hour: number; minute: number; second: number };
