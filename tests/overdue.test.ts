import { describe, expect, test } from "vitest";
import { dueBy, isOverdue, OPEN_STATUSES } from "~/utils/overdue";
import { todayInAstana } from "~/utils/today";
import { partialDate } from "~db/shared/partial-date";
import { currentRelationStatus } from "~/utils/relation-status";

describe("overdue initiatives, around a fixed today", () => {
  const today = "2017-04-01";
  test.each([
    ["2017-03-31", "proposed", true],
    ["2017-04-01", "proposed", false],
    ["2017-03", "agreed", true], // March 2017 ended yesterday
    ["2017-04", "in_progress", false],
    ["2016", "stalled", true],
    ["2017", "proposed", false],
    ["2016", "done", false],
    ["2016", "dropped", false],
    [null, "proposed", false],
  ] as const)("due %s, %s → overdue: %s", (due, status, expected) => {
    expect(isOverdue({ due: partialDate(due), status }, today)).toBe(expected);
  });

  test("the end of a month knows leap years", () => {
    expect(dueBy(partialDate("2024-02"))).toBe("2024-02-29");
    expect(dueBy(partialDate("2023-02"))).toBe("2023-02-28");
  });

  test("today is Astana's date, not the server's", () => {
    expect(todayInAstana(new Date("2017-03-31T20:30:00Z"))).toBe("2017-04-01");
  });
});

describe("a relation's current status comes from its steps", () => {
  const step = (id: number, status: "proposed" | "signed" | "active" | "suspended" | "ended", date: string | null) => ({
    id,
    status,
    date: partialDate(date),
  });
  test("the latest dated step wins, whatever order they were recorded in", () => {
    expect(
      currentRelationStatus([step(2, "active", "2018"), step(1, "signed", "2017-05-01"), step(3, "proposed", "2016")]),
    ).toBe("active");
  });
  test("a step recorded later with no date counts as the latest", () => {
    expect(currentRelationStatus([step(1, "active", "2018"), step(2, "suspended", null)])).toBe("suspended");
  });
  test("no steps, no status", () => {
    expect(currentRelationStatus([])).toBeNull();
  });
});

describe("the overdue filter in SQL agrees with isOverdue", () => {
  test("on a fixed day, the listed ones are exactly those isOverdue marks", async () => {
    const { listInitiatives } = await import("~/models/initiatives/read.server");
    const { anInitiative } = await import("./support/factories");
    const cases = [
      ["A", "2017-03-31", "proposed"],
      ["B", "2017-04-01", "agreed"],
      ["C", "2017-03", "in_progress"],
      ["D", "2017-04", "stalled"],
      ["E", "2016", "proposed"],
      ["F", "2016", "done"],
      ["G", null, "proposed"],
    ] as const;
    for (const [titleEn, due, status] of cases) anInitiative({ titleEn, status, due });
    const today = "2017-04-01";
    const listed = listInitiatives({ lng: "en", page: 1, filter: { overdueOn: today }, today }).items;
    expect(listed.map((i) => i.title).sort()).toEqual(["A", "C", "E"]);
    expect(listed.every((i) => i.overdue)).toBe(true);
    // The most recently due first; March 2017 and 31 March 2017 end together, the newer first.
    expect(listed.map((i) => i.title)).toEqual(["C", "A", "E"]);
    expect(listInitiatives({ lng: "en", page: 1, filter: { overdueOn: today }, today }).total).toBe(3);
    expect(listInitiatives({ lng: "en", page: 1, filter: { openOnly: true }, today }).total).toBe(6);
    const all = listInitiatives({ lng: "en", page: 1, today }).items;
    expect(
      all
        .filter((i) => i.overdue)
        .map((i) => i.title)
        .sort(),
    ).toEqual(["A", "C", "E"]);
  });
});

describe("open and overdue initiatives are counted in an index, not by reading every initiative", () => {
  test("the statuses spelt in the index's condition are exactly the open ones", async () => {
    const { initiativeIsOpen } = await import("~db/schema");
    const { INITIATIVE_STATUSES } = await import("~db/enums");
    const { CLOSED_STATUSES } = await import("~/models/initiatives/read.server");
    const spelt = [
      ...String(
        initiativeIsOpen()
          .queryChunks.map((c) => (c as { value: string[] }).value.join(""))
          .join(""),
      ).matchAll(/'(\w+)'/g),
    ].map((m) => m[1]);
    expect(spelt.sort()).toEqual([...OPEN_STATUSES].sort());
    expect([...OPEN_STATUSES, ...CLOSED_STATUSES].sort()).toEqual([...INITIATIVE_STATUSES].sort());
  });

  test("the overdue count and page, and the open count, are searches in an index", async () => {
    const { getDb } = await import("~/db.server");
    const { refreshStatistics } = await import("~/housekeeping.server");
    const sqlite = getDb().$client;
    // Enough initiatives, in every status, for the planner's statistics to mean something.
    const insert = sqlite.prepare(
      "insert into initiatives (title_en, kind, status, due, due_precision, due_approximate) values (?, 'other', ?, ?, 'year', 0)",
    );
    const statuses = ["proposed", "agreed", "in_progress", "done", "stalled", "dropped"];
    sqlite.transaction(() => {
      for (let i = 0; i < 3000; i++)
        insert.run(`Initiative ${i}`, statuses[i % statuses.length], `${1950 + (i % 80)}-01-01`);
    })();
    refreshStatistics(getDb(), { full: true });
    // A fresh connection: a connection keeps the statements it prepared (db/client.ts), and the
    // plans are read here as the statements are prepared.
    sqlite.close();
    globalThis.__kezdesuDb = undefined;
    const fresh = getDb().$client;
    const plans: Array<{ source: string; plan: string }> = [];
    const prepare = fresh.prepare.bind(fresh);
    fresh.prepare = ((source: string) => {
      if (/from "initiatives"/.test(source) && !source.startsWith("explain")) {
        const steps = prepare(`explain query plan ${source}`).all(
          ...Array((source.match(/\?/g) ?? []).length).fill(1),
        ) as Array<{ detail: string }>;
        plans.push({ source, plan: steps.map((p) => p.detail).join("; ") });
      }
      return prepare(source);
    }) as typeof fresh.prepare;
    try {
      const { listInitiatives } = await import("~/models/initiatives/read.server");
      listInitiatives({ lng: "en", page: 1, filter: { overdueOn: "2017-04-01" }, today: "2017-04-01" });
      listInitiatives({ lng: "en", page: 1, filter: { openOnly: true }, today: "2017-04-01" });
    } finally {
      fresh.prepare = prepare;
    }
    const [overduePage, overdueCount, openPage, openCount] = plans;
    expect(overduePage.plan).toMatch(/^SEARCH initiatives USING INDEX initiatives_open_due_by/);
    expect(overduePage.plan).not.toMatch(/TEMP B-TREE/);
    expect(overdueCount.plan).toMatch(/^SEARCH initiatives USING (COVERING )?INDEX initiatives_open_due_by/);
    // The page of open ones walks from the newest and stops at the page's end.
    expect(openPage.plan).toMatch(/^SCAN initiatives;/);
    expect(openPage.plan).not.toMatch(/TEMP B-TREE/);
    expect(openCount.plan).toMatch(/^SEARCH initiatives USING COVERING INDEX/);
  });
});
