/**
 * Backups: taken while the app writes, each one is one consistent moment of the file, verified,
 * and only the last few are kept; a restore puts one back, keeps what it replaced, and refuses
 * while a server has the file open.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { backupsDir, listBackups, restoreBackup, rowCounts, takeBackup, verifyBackup } from "~db/backup";
import { openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import { seedDemoData } from "~/models/demo-data.server";

function freshDatabase() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-backup-"));
  const file = path.join(dir, "kezdesu.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  seedDemoData(db);
  return { dir, file, db };
}

describe("backups", () => {
  test("a backup taken while meetings are being written is whole, verified, and one moment of the file", async () => {
    const { file, db } = freshDatabase();
    const writing = setInterval(
      () =>
        db.$client.prepare("insert into meetings (language, purpose) values ('en', 'written during the backup')").run(),
      1,
    );
    const backup = await takeBackup(file, { now: new Date("2026-11-24T10:00:00Z") });
    clearInterval(writing);
    expect(backup.name).toBe("kezdesu-2026-11-24T10-00-00-000Z.db");
    expect(verifyBackup(backup.file)).toEqual(backup.counts);
    const copy = new Database(backup.file, { readonly: true });
    expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(copy.pragma("foreign_key_check")).toEqual([]);
    expect(rowCounts(copy).meetings).toBe(backup.counts.meetings);
    expect(rowCounts(copy).history).toBeGreaterThan(0);
    copy.close();
    db.$client.close();
  });

  test("only the last ones are kept, newest first", async () => {
    const { file, db } = freshDatabase();
    for (let day = 1; day <= 4; day++) await takeBackup(file, { keep: 2, now: new Date(`2026-11-0${day}T08:00:00Z`) });
    expect(listBackups(file).map((b) => b.name)).toEqual([
      "kezdesu-2026-11-04T08-00-00-000Z.db",
      "kezdesu-2026-11-03T08-00-00-000Z.db",
    ]);
    expect(fs.readdirSync(backupsDir(file)).filter((name) => name.endsWith(".partial"))).toEqual([]);
    db.$client.close();
  });

  test("a damaged backup is refused by the verification", async () => {
    const { file, db } = freshDatabase();
    const { file: backup } = await takeBackup(file);
    const bytes = fs.readFileSync(backup);
    bytes.fill(0x41, 4096, 8192);
    fs.writeFileSync(backup, bytes);
    expect(() => verifyBackup(backup)).toThrow();
    db.$client.close();
  });
});

describe("restore", () => {
  test("puts a backup in place, keeping the database it replaces, and the data is back", async () => {
    const { file, db } = freshDatabase();
    const { file: backup, counts } = await takeBackup(file);
    db.$client.prepare("delete from meeting_participants").run();
    db.$client.close();
    const { kept } = restoreBackup(file, backup);
    expect(kept && fs.existsSync(kept)).toBe(true);
    const restored = new Database(file, { readonly: true });
    expect(rowCounts(restored)).toEqual(counts);
    restored.close();
  });

  test("refuses while a connection has the database open, pid file or not, and changes nothing", async () => {
    const { file, db } = freshDatabase();
    const { file: backup } = await takeBackup(file);
    const before = fs.statSync(file).mtimeMs;
    expect(() => restoreBackup(file, backup)).toThrow(/stop it first/);
    expect(fs.statSync(file).mtimeMs).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes("before-restore"))).toEqual([]);
    db.$client.close();
    expect(restoreBackup(file, backup).kept).not.toBeNull();
  });
});
