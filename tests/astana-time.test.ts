import { expect, test } from "vitest";
import { astanaWallClock } from "~/components/AstanaTime";
import { timeInWords } from "~db/shared/calendar-words";

test("a UTC instant reads as Astana's wall clock, with month names in the reader's language", () => {
  const late = astanaWallClock("2026-11-24T22:30:15.000Z");
  expect(timeInWords("en", late, true)).toBe("25 November 2026, 03:30:15");
  expect(timeInWords("kk", late)).toBe("25 қараша 2026, 03:30");
  expect(timeInWords("ru", late)).toBe("25 ноября 2026, 03:30");
});
