import { describe, expect, test } from "vitest";
import { calendarOf, dateWords } from "~/i18n/dates";
import { translations } from "~/i18n/i18n.server";
import { translator } from "~/i18n/translate";
import {
  comparePartialDates,
  formatPartialDate,
  isValidDay,
  partialDate,
  partialDateFromParts,
  partialDateYear,
  type DateWords,
} from "~db/shared/partial-date";

const calendar = (lng: "kk" | "ru" | "en") => calendarOf(lng, translator(translations[lng]));
const english: DateWords = dateWords("en", translator(translations.en));

describe("partial dates are built only from real calendar parts", () => {
  test.each([
    [{ year: 2016 }, { value: "2016-01-01", precision: "year" }],
    [
      { year: 2017, month: 3 },
      { value: "2017-03-01", precision: "month" },
    ],
    [
      { year: 2017, month: 3, day: 12 },
      { value: "2017-03-12", precision: "day" },
    ],
    [
      { year: 2024, month: 2, day: 29 },
      { value: "2024-02-29", precision: "day" },
    ],
    [{}, { value: null, precision: "unknown" }],
  ])("%o gives %o", (parts, expected) => {
    expect(partialDateFromParts(parts)).toMatchObject(expected);
  });

  test.each([
    ["31 February", { year: 2017, month: 2, day: 31 }],
    ["29 February of a common year", { year: 2017, month: 2, day: 29 }],
    ["month 13", { year: 2017, month: 13 }],
    ["month 0", { year: 2017, month: 0 }],
    ["a day without a month", { year: 2017, day: 5 }],
    ["a month without a year", { month: 5 }],
    ["year 0", { year: 0 }],
    ["a fractional year", { year: 2016.5 }],
  ])("refuses %s", (_label, parts) => {
    expect(partialDateFromParts(parts)).toBeNull();
  });

  test("the calendar check knows leap years", () => {
    expect(isValidDay(2000, 2, 29)).toBe(true);
    expect(isValidDay(1900, 2, 29)).toBe(false);
    expect(isValidDay(2023, 4, 31)).toBe(false);
  });

  test("the approximate flag is kept", () => {
    expect(partialDate("~2016")).toEqual({ value: "2016-01-01", precision: "year", approximate: true });
    expect(partialDateYear(partialDate("~2016"))).toBe(2016);
  });
});

describe("partial dates sort honestly", () => {
  test("a year-only date sorts at the year's start and unknown dates last", () => {
    const dates = ["2017-03-12", null, "2016", "2017-03", "2015-12-31", "2017"].map(partialDate);
    const sorted = [...dates].sort(comparePartialDates).map((d) => `${d.value}/${d.precision}`);
    expect(sorted).toEqual([
      "2015-12-31/day",
      "2016-01-01/year",
      "2017-01-01/year",
      "2017-03-01/month",
      "2017-03-12/day",
      "null/unknown",
    ]);
  });
});

describe("partial dates are shown as what is known, never an invented day", () => {
  test.each([
    ["2017-03-12", "12 March 2017"],
    ["2017-03", "March 2017"],
    ["2016", "2016"],
    ["~2016", "2016, approx."],
    [null, "date unknown"],
  ])("%s in English reads %s", (input, expected) => {
    expect(formatPartialDate(partialDate(input), english)).toBe(expected);
  });

  test("Kazakh and Russian month names come from the locale, in lower case as they are written in a phrase", () => {
    const words = (lng: "kk" | "ru") => ({ ...english, calendar: calendar(lng) });
    expect(formatPartialDate(partialDate("2017-03"), words("kk"))).toBe("2017 жылғы наурыз");
    expect(formatPartialDate(partialDate("2017-03"), words("ru"))).toBe("март 2017");
    expect(formatPartialDate(partialDate("2017-03-12"), words("ru"))).toContain("12 марта 2017");
  });
});
