import { expect, test } from "vitest";
import { astanaWallClock } from "~/i18n/said-dates.server";
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

test("read in a zone whose clocks go forward that night, an Astana time in the hour it skips is not moved", () => {
  const zone = process.env.TZ;
  // Berlin skipped 02:00-03:00 on 29 March 2026; Astana's 02:30 that day is 21:30 UTC the day before.
  process.env.TZ = "Europe/Berlin";
  try {
    expect(new Date(2026, 2, 29, 2, 30).getHours()).toBe(3);
    expect(timeInWords(calendar("en"), astanaWallClock("2026-03-28T21:30:00.000Z"))).toBe("29 March 2026, 02:30");
  } finally {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  }
});
