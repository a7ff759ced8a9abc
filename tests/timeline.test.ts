import { describe, expect, test } from "vitest";
import { partialDate } from "~db/shared/partial-date";
import { groupTimeline, type TimelineEvent } from "~/utils/timeline";

const event = (id: string, kind: TimelineEvent["kind"], date: string | null): TimelineEvent => ({
  id,
  kind,
  date: partialDate(date),
});

const events = [
  event("unknown-step", "relation", null),
  event("visit", "delegation", "2017-06-10"),
  event("meeting", "meeting", "2017-06-10"),
  event("year-only", "initiative", "2017"),
  event("approx", "meeting", "~2016"),
  event("march", "relation", "2017-03"),
  event("unknown-meeting", "meeting", null),
];

describe("a partner's timeline", () => {
  test("oldest first: by year, a year-only event at its year's start, unknown dates last", () => {
    const groups = groupTimeline(events, "oldest");
    expect(groups.map((g) => [g.year, g.events.map((e) => e.id)])).toEqual([
      [2016, ["approx"]],
      [2017, ["year-only", "march", "visit", "meeting"]],
      [null, ["unknown-step", "unknown-meeting"]],
    ]);
  });

  test("newest first reverses the dated years but keeps unknown dates in their own group, last", () => {
    const groups = groupTimeline(events, "newest");
    expect(groups.map((g) => [g.year, g.events.map((e) => e.id)])).toEqual([
      [2017, ["meeting", "visit", "march", "year-only"]],
      [2016, ["approx"]],
      [null, ["unknown-step", "unknown-meeting"]],
    ]);
  });

  test("an empty timeline has no groups", () => {
    expect(groupTimeline([], "newest")).toEqual([]);
  });
});

describe("the demo partner's timeline", () => {
  test("holds the proposed friendship, the delegation, the meeting and the three initiatives, all in 2016 (approx.)", async () => {
    const { seedDemoData } = await import("~/models/demo-data.server");
    const { getDb } = await import("~/db.server");
    const { partnerTimeline } = await import("~/models/timeline.server");
    const { listPartners } = await import("~/models/partners/read.server");
    seedDemoData(getDb());
    const heilongjiang = listPartners({ lng: "en", page: 1 }).items.find((p) => p.name === "Heilongjiang Province")!.id;
    const groups = partnerTimeline(heilongjiang, "en", { order: "newest" });
    expect(groups.map((g) => g.year)).toEqual([2016, null]);
    expect(groups[0].events.map((e) => e.kind)).toEqual([
      "initiative",
      "initiative",
      "initiative",
      "meeting",
      "relation",
    ]);
    // The delegation's arrival is not known: it stands with the unknown dates.
    expect(groups[1].events.map((e) => e.kind)).toEqual(["delegation"]);
    expect(
      partnerTimeline(heilongjiang, "en", { order: "oldest", kinds: ["meeting"] }).flatMap((g) =>
        g.events.map((e) => e.kind),
      ),
    ).toEqual(["meeting"]);
  });

  test("comes a page at a time, in the same order, the unknown dates on the last page", async () => {
    const { getDb } = await import("~/db.server");
    const { partnerTimelinePage } = await import("~/models/timeline.server");
    const heilongjiang = getDb()
      .$client.prepare("select id from partners where name_en = 'Heilongjiang Province'")
      .pluck()
      .get() as number;
    const first = partnerTimelinePage(heilongjiang, "en", { order: "newest", page: 1, pageSize: 4 });
    expect(first).toMatchObject({ total: 6, pageCount: 2, page: 1 });
    expect(first.groups.map((g) => [g.year, g.events.map((e) => e.kind)])).toEqual([
      [2016, ["initiative", "initiative", "initiative", "meeting"]],
    ]);
    const second = partnerTimelinePage(heilongjiang, "en", { order: "newest", page: 2, pageSize: 4 });
    expect(second.groups.map((g) => [g.year, g.events.map((e) => e.kind)])).toEqual([
      [2016, ["relation"]],
      [null, ["delegation"]],
    ]);
  });

  test("pages, put together, are the whole timeline in either order", async () => {
    const { getDb } = await import("~/db.server");
    const { partnerTimeline, partnerTimelinePage } = await import("~/models/timeline.server");
    const sqlite = getDb().$client;
    const partner = sqlite
      .prepare("select id from partners where name_en = 'Heilongjiang Province'")
      .pluck()
      .get() as number;
    const { aMeeting } = await import("./support/factories");
    // Ties of every kind: same day, same year at other precisions, unknown dates.
    for (const date of ["2016", "2016-01", "2016-01-01", "2016-01-01", null, null, "2019-05-04"])
      aMeeting({ partnerId: partner, date });
    for (const order of ["newest", "oldest"] as const) {
      for (const kinds of [undefined, ["meeting", "delegation"] as const, ["initiative"] as const]) {
        const whole = partnerTimeline(partner, "en", { order, kinds: kinds && [...kinds] }).flatMap((g) =>
          g.events.map((e) => e.id),
        );
        const paged = [1, 2, 3, 4].flatMap((page) =>
          partnerTimelinePage(partner, "en", { order, kinds: kinds && [...kinds], page, pageSize: 4 }).groups.flatMap(
            (g) => g.events.map((e) => e.id),
          ),
        );
        expect(paged.length).toBeGreaterThan(0);
        expect(paged).toEqual(whole);
      }
    }
  });
});

describe("the relation chart's bands", () => {
  test("each dated step lasts until the next one, the last until today; an undated later step colours the last band", async () => {
    const { statusBands, yearPosition, yearRange } = await import("~/utils/chart");
    const bands = statusBands(
      1,
      "sister_city",
      [
        { id: 4, status: "active", date: partialDate(null) },
        { id: 2, status: "active", date: partialDate("2010-06") },
        { id: 1, status: "signed", date: partialDate("~2009") },
        { id: 3, status: "suspended", date: partialDate("2020-01-15") },
      ],
      "2026-11-24",
    );
    expect(bands.map((b) => [b.status, b.from, b.to, b.approximate])).toEqual([
      ["signed", "2009-01-01", "2010-06-01", true],
      ["active", "2010-06-01", "2020-01-15", false],
      // The undated step is the latest (currentRelationStatus): the relation is active again
      // now, since a time not known, so the last band is active and drawn as approximate
      // (issue 13 item 15).
      ["active", "2020-01-15", "2026-11-24", true],
    ]);
    expect(yearPosition("2016-07-02")).toBeCloseTo(2016.5, 2);
    expect(yearRange(["2009-01-01"], "2026-11-24")).toEqual({ from: 2009, to: 2027 });
  });
});
