import { expect, test } from "vitest";
import { astanaWallClock } from "~/components/AstanaTime";
import { calendarOf } from "~/i18n/dates";
import { translations } from "~/i18n/i18n.server";
import { translator } from "~/i18n/translate";
import { timeInWords } from "~db/shared/calendar-words";

const calendar = (lng: "kk" | "ru" | "en") => calendarOf(lng, translator(translations[lng]));

test("a UTC instant reads as Astana's wall clock, with month names in the reader's language", () => {
  const late = astanaWallClock("2026-11-24T22:30:15.000Z");
  expect(timeInWords(calendar("en"), late, true)).toBe("25 November 2026, 03:30:15");
  expect(timeInWords(calendar("kk"), late)).toBe("2026 жылғы 25 қараша, 03:30");
  expect(timeInWords(calendar("ru"), late)).toBe("25 ноября 2026, 03:30");
});
