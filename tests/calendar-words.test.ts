/**
 * The pages write dates without date-fns (db/shared/calendar-words.ts, issue 17: it was 11 KB of
 * every page's first-load JavaScript) and must write them as date-fns's locales did, on every day
 * of the year, in each language.
 */
import { format } from "date-fns";
import { enGB, kk, ru } from "date-fns/locale";
import { expect, test } from "vitest";
import { calendarOf } from "~/i18n/dates";
import { translations } from "~/i18n/i18n.server";
import { translator } from "~/i18n/translate";
import { dayInWords, monthInWords, timeInWords, type DateLanguage } from "~db/shared/calendar-words";

const LOCALES = { kk, ru, en: enGB } as const;

test.each(Object.keys(LOCALES) as DateLanguage[])(
  "every day of a leap year reads in %s as date-fns wrote it",
  (lng) => {
    const locale = LOCALES[lng];
    const calendar = calendarOf(lng, translator(translations[lng]));
    for (let month = 1; month <= 12; month++) {
      const days = new Date(2024, month, 0).getDate();
      for (let d = 1; d <= days; d++) {
        const date = new Date(2024, month - 1, d, (d * 7) % 24, (d * 13) % 60, (d * 17) % 60);
        expect(dayInWords(calendar, 2024, month, d)).toBe(format(date, "PPP", { locale }));
        expect(timeInWords(calendar, date)).toBe(format(date, "d MMMM yyyy, HH:mm", { locale }));
        expect(timeInWords(calendar, date, true)).toBe(format(date, "d MMMM yyyy, HH:mm:ss", { locale }));
      }
      expect(monthInWords(calendar, 1987, month)).toBe(format(new Date(1987, month - 1, 1), "LLLL yyyy", { locale }));
    }
  },
);
