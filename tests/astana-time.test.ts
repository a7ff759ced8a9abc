import { format } from "date-fns";
import { enGB, kk } from "date-fns/locale";
import { expect, test } from "vitest";
import { astanaWallClock } from "~/components/AstanaTime";

test("a UTC instant reads as Astana's wall clock, with month names in the reader's language", () => {
  const late = astanaWallClock("2026-11-24T22:30:15.000Z");
  expect(format(late, "d MMMM yyyy, HH:mm:ss", { locale: enGB })).toBe("25 November 2026, 03:30:15");
  expect(format(late, "d MMMM yyyy, HH:mm", { locale: kk })).toMatch(/^25 қараша 2026, 03:30$/);
});
