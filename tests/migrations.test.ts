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
