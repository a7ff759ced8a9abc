/**
 * An initiative's steps: one that says something has happened is not dated ahead (as a relation's
 * step is not), and the initiative's status is that of its latest step by date, whatever order
 * the steps were entered in and whichever form entered them, on every page that shows it.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { openDatabase } from "~db/client";
import { getDb } from "~/db.server";
import { seedDemoData } from "~/models/demo-data.server";
import { recordHistory } from "~/models/history.server";
import { migrateDatabase } from "~/models/writes.server";
import { todayInAstana } from "~/utils/today";
import { action as newInitiative } from "~/routes/initiatives.new";
import { action as initiativeStep } from "~/routes/initiatives.$initiativeId_.step";
import { action as deleteInitiative } from "~/routes/initiatives.$initiativeId_.delete";
import { loader as initiativePage } from "~/routes/initiatives.$initiativeId";
import { loader as initiativeList } from "~/routes/initiatives._index";
import { action as logMeeting } from "~/routes/meetings.new";
import { action as revertAction } from "~/routes/history.$recordType.$recordId";
import { action as binAction } from "~/routes/admin.bin";
import { cookieFor } from "./support/accounts";
import { migrationsUpTo } from "./support/migrations";
import { submit } from "./support/forms";

seedDemoData(getDb());
const db = () => getDb();
const heilongjiang = () =>
  db()
    .select()
    .from(s.partners)
    .all()
    .find((p) => p.nameEn === "Heilongjiang Province")!.id;
const stepsOf = (id: number) =>
  db().select().from(s.initiativeSteps).where(eq(s.initiativeSteps.initiativeId, id)).all().length;

const today = todayInAstana();
const [thisYear, thisMonth, thisDay] = today.split("-").map(Number);
const tomorrow = new Date(Date.UTC(thisYear, thisMonth - 1, thisDay + 1));
const dayFields = (prefix: string, date: Date) => ({
  [`${prefix}.year`]: String(date.getUTCFullYear()),
  [`${prefix}.month`]: String(date.getUTCMonth() + 1),
  [`${prefix}.day`]: String(date.getUTCDate()),
});
/** "2026-02-26" as the date fields of a form. */
const on = (day: string, prefix = "date") => dayFields(prefix, new Date(`${day}T00:00:00Z`));

let made = 0;
async function anInitiative(fields: Record<string, string> = {}) {
  made += 1;
  const { status, location } = await submit(newInitiative, "/initiatives/new", {
    titleEn: `Heilongjiang days ${made}`,
    kind: "culture",
    partnerId: String(heilongjiang()),
    ...fields,
  });
  expect(status).toBe(302);
  return Number(location!.split("/").at(-1));
}

function step(id: number, fields: Record<string, string>, language = "en") {
  return submit(initiativeStep, `/initiatives/${id}/step`, fields, {
    params: { initiativeId: String(id) },
    language,
  });
}

/** The status the initiative's own page shows, and whether it says it is overdue. */
async function shown(id: number) {
  const request = new Request(`http://localhost/initiatives/${id}`, {
    headers: { Cookie: await cookieFor("viewer"), "Accept-Language": "en" },
  });
  const { initiative } = await initiativePage({ request, params: { initiativeId: String(id) }, context: {} });
  return { status: initiative.status, overdue: initiative.overdue };
}

/** The ids the initiatives list shows under a filter (?status=…, ?overdue=1). */
async function listed(query: string) {
  const request = new Request(`http://localhost/initiatives?${query}`, {
    headers: { Cookie: await cookieFor("viewer"), "Accept-Language": "en" },
  });
  const data = await initiativeList({ request, params: {}, context: {} });
  return data.list!.items.map((item) => item.id);
}

describe("a step that says something has happened cannot be dated in the future", () => {
  const refusal = {
    en: "This status means it has happened: the date cannot be in the future.",
    kk: "Бұл мәртебе оқиғаның болып өткенін білдіреді: күні болашақта бола алмайды.",
    ru: "Этот статус означает, что событие уже произошло: дата не может быть в будущем.",
  };

  test.each(["agreed", "in_progress", "done", "dropped"])(
    "%s tomorrow is refused beside the date, what was typed kept, nothing written",
    async (status) => {
      const id = await anInitiative();
      const before = stepsOf(id);
      const { status: code, reply } = await step(id, { ...dayFields("date", tomorrow), status, note: "Held" });
      expect(code).toBe(400);
      expect(reply?.result.error).toEqual({ date: [refusal.en] });
      expect(reply?.result.initialValue).toMatchObject({ status, note: "Held" });
      expect(stepsOf(id)).toBe(before);
      expect((await shown(id)).status).toBe("proposed");
    },
  );

  test("in each language, and for a date known only to next year; a proposal or a stall may be ahead", async () => {
    const id = await anInitiative();
    const nextYear = { "date.year": String(thisYear + 1), status: "done" };
    for (const language of ["kk", "ru", "en"] as const)
      expect((await step(id, nextYear, language)).reply?.result.error?.date).toEqual([refusal[language]]);
    // What happened today or this year may be recorded; a plan may be dated ahead.
    expect((await step(id, { "date.year": String(thisYear), status: "agreed" })).status).toBe(302);
    expect((await step(id, { ...on(today), status: "done" })).status).toBe(302);
    expect((await step(id, { ...dayFields("date", tomorrow), status: "proposed" })).status).toBe(302);
    expect((await step(id, { "date.year": String(thisYear + 1), status: "stalled" })).status).toBe(302);
    expect(stepsOf(id)).toBe(4);
  });

  test("a meeting still ahead cannot settle an initiative raised at it; one already held can", async () => {
    const id = await anInitiative();
    const meeting = (date: Record<string, string>, status: string) =>
      submit(logMeeting, "/meetings/new", {
        language: "en",
        partnerId: String(heilongjiang()),
        purpose: "Heilongjiang days",
        ...date,
        "initiatives[0].initiativeId": String(id),
        "initiatives[0].status": status,
      });
    const ahead = await meeting(dayFields("date", tomorrow), "agreed");
    expect(ahead.status).toBe(400);
    expect(ahead.reply?.result.error?.["initiatives[0].status"]).toEqual([
      "The meeting has not happened yet: this status means it has happened.",
    ]);
    expect(stepsOf(id)).toBe(0);
    expect((await meeting(on(today), "agreed")).status).toBe(302);
    expect((await shown(id)).status).toBe("agreed");
    expect((await meeting(dayFields("date", tomorrow), "proposed")).status).toBe(302);
    expect(stepsOf(id)).toBe(2);
  });
});

describe("an initiative's status is that of its latest step by date", () => {
  test("the tester's case: Proposed on 26 February entered first, Agreed on 15 January last, shows Proposed", async () => {
    const id = await anInitiative();
    expect((await step(id, { ...on("2026-02-26"), status: "proposed" })).status).toBe(302);
    expect((await step(id, { ...on("2026-01-15"), status: "agreed" })).status).toBe(302);
    expect(await shown(id)).toEqual({ status: "proposed", overdue: false });
    expect(await listed("status=proposed")).toContain(id);
    expect(await listed("status=agreed")).not.toContain(id);
  });

  test("of two steps on one day the one entered later counts; a note alone changes nothing", async () => {
    const id = await anInitiative();
    await step(id, { ...on("2026-03-10"), status: "agreed" });
    await step(id, { ...on("2026-03-10"), status: "in_progress" });
    await step(id, { ...on("2026-04-01"), note: "Venue chosen" });
    expect((await shown(id)).status).toBe("in_progress");
    // March 2026 as a whole begins before its 10th: the dated day is the later step.
    await step(id, { "date.year": "2026", "date.month": "3", status: "stalled" });
    expect((await shown(id)).status).toBe("in_progress");
  });

  test("a step entered late about an earlier day does not reopen a done initiative past its due date", async () => {
    const id = await anInitiative({ "due.year": "2025" });
    await step(id, { ...on("2026-01-10"), status: "done" });
    await step(id, { ...on("2025-06-01"), status: "in_progress" });
    expect(await shown(id)).toEqual({ status: "done", overdue: false });
    expect(await listed("overdue=1&status=in_progress")).not.toContain(id);
    expect(await listed("status=done")).toContain(id);
  });

  test("a meeting logged about an earlier day adds its step without moving the status back", async () => {
    const id = await anInitiative();
    await step(id, { ...on("2026-02-01"), status: "done" });
    const { status } = await submit(logMeeting, "/meetings/new", {
      language: "en",
      partnerId: String(heilongjiang()),
      purpose: "Heilongjiang days: the agreement",
      ...on("2025-05-20"),
      "initiatives[0].initiativeId": String(id),
      "initiatives[0].status": "agreed",
    });
    expect(status).toBe(302);
    expect(stepsOf(id)).toBe(2);
    expect((await shown(id)).status).toBe("done");
  });

  test("going back to an earlier version, and deleting and restoring, keep it so", async () => {
    const id = await anInitiative();
    await step(id, { ...on("2026-02-26"), status: "proposed" });
    await step(id, { ...on("2026-01-15"), status: "agreed" });
    await step(id, { ...on("2026-03-01"), status: "done" });
    expect((await shown(id)).status).toBe("done");
    // Newest first: the three steps, then the initiative made.
    const afterTwoSteps = recordHistory("initiative", id, 1).page.items[1];
    const reverted = await submit(
      revertAction,
      `/history/initiative/${id}`,
      { entryId: String(afterTwoSteps.id) },
      { params: { recordType: "initiative", recordId: String(id) } },
    );
    expect(reverted.status).toBe(302);
    expect(stepsOf(id)).toBe(2);
    expect((await shown(id)).status).toBe("proposed");

    await submit(deleteInitiative, `/initiatives/${id}/delete`, {}, { params: { initiativeId: String(id) } });
    const restored = await submit(
      binAction,
      "/admin/bin",
      { recordType: "initiative", recordId: String(id) },
      {
        as: "admin",
      },
    );
    expect(restored.status).toBe(302);
    expect((await shown(id)).status).toBe("proposed");
    expect(await listed("status=proposed")).toContain(id);
  });
});

/**
 * What the old code left: each new step's status written over the initiative's, so a step
 * entered late about an earlier date made it wrong. Rows as it wrote them, on the schema of 0024.
 */
describe("initiatives whose status came from the step entered last, at migration 0024", () => {
  test("take the status of their latest step by date; the others are left, the change in the history", async () => {
    const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-migrate-initiatives-"));
    const old = openDatabase(path.join(dir, "old.db"));
    try {
      migrate(old, { migrationsFolder: migrationsUpTo(dir, (tag) => tag.startsWith("0024")) });
      const sql = old.$client;
      sql.exec(`
        INSERT INTO initiatives (id, title_en, kind, status) VALUES
          (1, 'Entered out of order', 'culture', 'agreed'),
          (2, 'Done, then a note', 'culture', 'done'),
          (3, 'No steps', 'culture', 'agreed'),
          (4, 'One day, two steps', 'culture', 'agreed'),
          (5, 'A day before its month', 'culture', 'stalled');
        INSERT INTO initiative_steps (id, initiative_id, date, date_precision, date_approximate, status, note) VALUES
          (1, 1, '2026-02-26', 'day', 0, 'proposed', NULL),
          (2, 1, '2026-01-15', 'day', 0, 'agreed', NULL),
          (3, 2, '2026-01-01', 'month', 0, 'done', NULL),
          (4, 2, '2026-05-01', 'day', 0, NULL, 'Report published'),
          (5, 4, '2026-03-10', 'day', 0, 'in_progress', NULL),
          (6, 4, '2026-03-10', 'day', 0, 'agreed', NULL),
          (7, 5, '2026-03-10', 'day', 0, 'in_progress', NULL),
          (8, 5, '2026-03-01', 'month', 0, 'stalled', NULL);
        DELETE FROM pending_changes; -- as the step form's transaction left it
      `);

      migrateDatabase(old);

      const statuses = sql.prepare("select id, status from initiatives order by id").all();
      expect(statuses).toEqual([
        { id: 1, status: "proposed" },
        { id: 2, status: "done" },
        { id: 3, status: "agreed" },
        { id: 4, status: "agreed" },
        { id: 5, status: "in_progress" },
      ]);
      expect(sql.prepare("select count(*) from initiative_steps").pluck().get()).toBe(8);
      expect(
        sql.prepare("select record_id, user_id from history where record_type = 'initiative' order by record_id").all(),
      ).toEqual([1, 5].map((id) => ({ record_id: id, user_id: null })));
      expect(sql.prepare("select count(*) from pending_changes").pluck().get()).toBe(0);

      // From here on the database keeps it so, whatever writes the steps.
      sql.exec(
        "INSERT INTO initiative_steps (initiative_id, date, date_precision, date_approximate, status) VALUES (2, '2025-12-01', 'day', 0, 'dropped')",
      );
      expect(sql.prepare("select status from initiatives where id = 2").pluck().get()).toBe("done");
      sql.exec("DELETE FROM initiative_steps WHERE id = 1");
      expect(sql.prepare("select status from initiatives where id = 1").pluck().get()).toBe("agreed");
    } finally {
      old.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
