/**
 * Every migration must keep the data it finds. Each fixture in tests/fixtures is a populated
 * database as it stood at some migration (made by scripts/make-migration-fixture.ts); applying
 * every later migration to a copy must lose no row and leave no broken reference. drizzle-kit
 * rebuilds tables for many changes, and a rebuild can empty an ON DELETE CASCADE child silently.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { migrateDatabase, openDatabase } from "../db/client";
import { backfillHistory } from "../db/history";
import { backfillNameKeys } from "../db/name-keys";

const fixtures = fs
  .readdirSync(path.resolve("tests/fixtures"))
  .filter((name) => name.endsWith(".db"))
  .map((name) => path.resolve("tests/fixtures", name));

function rowCounts(db: ReturnType<typeof openDatabase>) {
  const tables = db.$client
    .prepare("select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, db.$client.prepare(`select count(*) from "${table}"`).pluck().get() as number]),
  );
}

test("there is at least one populated fixture to migrate", () => {
  expect(fixtures.length).toBeGreaterThan(0);
});

describe.each(fixtures)("the populated database %s", (fixture) => {
  test("survives every migration with no row lost and no reference broken", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-migrate-"));
    const file = path.join(dir, "copy.db");
    fs.copyFileSync(fixture, file);
    const db = openDatabase(file);
    try {
      const before = rowCounts(db);
      expect(Object.values(before).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);

      migrateDatabase(db);
      migrateDatabase(db); // applying twice is a no-op

      const after = rowCounts(db);
      for (const [table, count] of Object.entries(before)) {
        expect(after[table], `rows in ${table}`).toBeGreaterThanOrEqual(count);
      }
      expect(db.$client.pragma("foreign_key_check")).toEqual([]);
      expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
      // Records from before name_keys get theirs at start-up.
      backfillNameKeys(db);
      expect(backfillNameKeys(db)).toBe(0);
      const people = db.$client.prepare("select count(*) from people").pluck().get() as number;
      const keyed = db.$client.prepare("select count(distinct record_id) from name_keys where record_type = 'person'").pluck().get();
      expect(keyed).toBe(people);
      // Records from before the history get a first entry at start-up, and the history's
      // triggers (marking changes, refusing edits of the history) are all there.
      expect(backfillHistory(db.$client)).toBeGreaterThan(0);
      expect(backfillHistory(db.$client)).toBe(0);
      const meetings = db.$client.prepare("select count(*) from meetings").pluck().get();
      expect(db.$client.prepare("select count(*) from history where record_type = 'meeting'").pluck().get()).toBe(meetings);
      const triggers = db.$client.prepare("select name from sqlite_schema where type = 'trigger'").pluck().all() as string[];
      expect(triggers).toEqual(expect.arrayContaining(["history_no_update", "history_no_delete", "security_log_no_update", "security_log_no_delete", "meetings_history_insert", "meeting_participants_history_delete"]));
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * The 1% benchmark dataset (bench/generate.ts), written into a database that stands at the
 * migration before accounts and history (0004), then taken through every later migration and
 * the start-up backfills: the real upgrade of a populated database to the audited one.
 */
describe("the 1% dataset at migration 0004", () => {
  test("takes every later migration with no row lost, no reference broken, and the history in place", async () => {
    const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
    const { fillRecords } = await import("../bench/generate");
    const { backfillSearchText } = await import("../db/search-text");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-migrate-1pct-"));
    const partial = path.join(dir, "migrations");
    fs.mkdirSync(path.join(partial, "meta"), { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.resolve("migrations/meta/_journal.json"), "utf8")) as { entries: Array<{ tag: string; idx: number }> };
    const upTo = journal.entries.findIndex((e) => e.tag.startsWith("0004"));
    expect(upTo).toBeGreaterThan(0);
    fs.writeFileSync(path.join(partial, "meta/_journal.json"), JSON.stringify({ ...journal, entries: journal.entries.slice(0, upTo + 1) }));
    for (const entry of journal.entries.slice(0, upTo + 1)) fs.copyFileSync(path.resolve("migrations", `${entry.tag}.sql`), path.join(partial, `${entry.tag}.sql`));

    const db = openDatabase(path.join(dir, "old.db"));
    try {
      migrate(db, { migrationsFolder: partial });
      fillRecords(db, "small");
      const before = rowCounts(db);
      expect(before.meetings).toBe(1000);
      expect(before.meeting_participants).toBeGreaterThan(4000);

      migrateDatabase(db);
      const after = rowCounts(db);
      for (const [table, count] of Object.entries(before)) {
        if (table.startsWith("search_text")) continue; // emptied by 0007, refilled below
        expect(after[table], `rows in ${table}`).toBe(count);
      }
      expect(db.$client.pragma("foreign_key_check")).toEqual([]);
      expect(db.$client.pragma("integrity_check", { simple: true })).toBe("ok");

      // What start-up does next (server.ts), and what it leaves.
      backfillNameKeys(db);
      // Partners, relations and delegations are searched too (issue 13 item 14).
      expect(backfillSearchText(db)).toBe(before.meetings + before.initiatives + before.partners + before.relations + before.delegations);
      const entries = backfillHistory(db.$client);
      const records = ["partners", "relations", "organisations", "people", "delegations", "meetings", "initiatives"].reduce((sum, table) => sum + after[table], 0);
      expect(entries).toBe(records);
      const triggers = db.$client.prepare("select count(*) from sqlite_schema where type = 'trigger' and name like '%history%'").pluck().get() as number;
      expect(triggers).toBeGreaterThanOrEqual(47);
      expect(() => db.$client.prepare("delete from history").run()).toThrow(/append-only/);
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
