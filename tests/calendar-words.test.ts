/**
 * The pages write dates without date-fns (db/shared/calendar-words.ts, issue 17: it was 11 KB of
 * every page's first-load JavaScript) and must write them as date-fns's locales did, on every day
 * of the year, in Russian and English; in Kazakh, as Kazakh writes a date, the year first.
 */
import { format } from "date-fns";
import { enGB, ru } from "date-fns/locale";
import { expect, test } from "vitest";
import { calendarOf } from "~/i18n/dates";
import { translations } from "~/i18n/i18n.server";
import { translator } from "~/i18n/translate";
import { dayInWords, monthInWords, timeInWords } from "~db/shared/calendar-words";

const LOCALES = { ru, en: enGB } as const;

/** A Date's reading in this process's zone, as timeInWords takes it. */
const wallClock = (date: Date) => ({
  year: date.getFullYear(),
  month: date.getMonth() + 1,
  day: date.getDate(),
  hour: date.getHours(),
  minute: date.getMinutes(),
  second: date.getSeconds(),
});

test.each(Object.keys(LOCALES) as Array<keyof typeof LOCALES>)(
  "every day of a leap year reads in %s as date-fns wrote it",
  (lng) => {
    const locale = LOCALES[lng];
    const calendar = calendarOf(lng, translator(translations[lng]));
    for (let month = 1; month <= 12; month++) {
      const days = new Date(2024, month, 0).getDate();
      for (let d = 1; d <= days; d++) {
        const date = new Date(2024, month - 1, d, (d * 7) % 24, (d * 13) % 60, (d * 17) % 60);
        expect(dayInWords(calendar, 2024, month, d)).toBe(format(date, "PPP", { locale }));
        expect(timeInWords(calendar, wallClock(date))).toBe(format(date, "d MMMM yyyy, HH:mm", { locale }));
        expect(timeInWords(calendar, wallClock(date), true)).toBe(format(date, "d MMMM yyyy, HH:mm:ss", { locale }));
      }
      expect(monthInWords(calendar, 1987, month)).toBe(format(new Date(1987, month - 1, 1), "LLLL yyyy", { locale }));
    }
  },
);

test("Kazakh writes the year first, as the app's own Kazakh texts do: '2017 жылғы 5 наурыз', not '5-ші наурыз 2017 ж.'", () => {
  const calendar = calendarOf("kk", translator(translations.kk));
  expect(dayInWords(calendar, 2017, 3, 5)).toBe("2017 жылғы 5 наурыз");
  expect(dayInWords(calendar, 2016, 5, 12)).toBe("2016 жылғы 12 мамыр");
  expect(monthInWords(calendar, 2027, 1)).toBe("2027 жылғы қаңтар");
  const late = new Date(2026, 10, 25, 3, 30, 7);
  expect(timeInWords(calendar, wallClock(late))).toBe("2026 жылғы 25 қараша, 03:30");
  expect(timeInWords(calendar, wallClock(late), true)).toBe("2026 жылғы 25 қараша, 03:30:07");
});
