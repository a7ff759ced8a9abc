import { describe, expect, test } from "vitest";
import { partners } from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { quietPartners, recentMeetings, upcoming } from "~/models/overview.server";
import { aDelegation, aMeeting } from "./support/factories";

seedDemoData(getDb());
const partnerId = (nameEn: string) =>
  getDb()
    .select()
    .from(partners)
    .all()
    .find((p) => p.nameEn === nameEn)!.id;

describe("the overview, on a fixed day", () => {
  const today = "2017-04-15";

  test("coming up: meetings and visits not wholly past, soonest first", () => {
    const add = (date: string, purpose: string) => aMeeting({ date, purpose, partnerId: partnerId("Beijing") });
    add("2017-04-14", "yesterday");
    add("2017-04-15", "today");
    add("2017-04", "this month");
    add("2017-06-01", "june");
    add("2016", "last year");
    aDelegation({ partnerId: partnerId("Urumqi"), direction: "outgoing", arrival: "2017-05-20" });

    const items = upcoming("en", today);
    expect(items.map((i) => (i.kind === "visit" ? `visit ${i.partner}` : i.date.value))).toEqual([
      "2017-04-01", // April 2017 is not over
      "2017-04-15",
      "visit Urumqi",
      "2017-06-01",
    ]);
  });

  test("recent meetings: those that have taken place, newest first; none still to come, none of unknown date", () => {
    // The meetings of the test above: yesterday, today, this month, June and last year.
    aMeeting({ purpose: "date unknown", partnerId: partnerId("Beijing") });
    const recent = recentMeetings("en", today).items.map((m) => `${m.date.value} ${m.purpose ?? ""}`);
    expect(recent.slice(0, 2)).toEqual(["2017-04-14 yesterday", "2016-01-01 last year"]);
    expect(recent.join()).not.toMatch(/today|this month|june|date unknown/);
  });

  test("quiet partners: no dated meeting within a year, longest quiet first", () => {
    const quiet = quietPartners("en", today).map((p) => [p.name, p.lastContact]);
    // Urumqi has never been met; Heilongjiang was met in 2016 (approx.); Beijing has meetings this year.
    expect(quiet).toEqual([
      ["Urumqi", null],
      ["Heilongjiang Province", "2016-01-01"],
    ]);
  });
});
