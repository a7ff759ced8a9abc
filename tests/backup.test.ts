/**
 * Backups: taken while the app writes, each one is one consistent moment of the file, verified,
 * and only the last few are kept; a restore puts one back, keeps what it replaced, and refuses
 * while a server has the file open.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import crypto from "node:crypto";
import {
  backupFilesDir,
  backupsDir,
  listBackups,
  restoreBackup,
  rowCounts,
  takeBackup,
  verifyBackup,
} from "~db/backup";
import { filesDirOf } from "~db/files";
import { openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import { seedDemoData } from "~/models/demo-data.server";
import { temporaryDirectory } from "./support/temporary-directory";

function freshDatabase() {
  const dir = temporaryDirectory("backup");
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

/** A document as the app leaves one: its file under its hash in files/, its row naming it. */
function withDocument(file: string, db: ReturnType<typeof openDatabase>, text: string) {
  const bytes = Buffer.from(`%PDF-1.4\n% ${text}\n%%EOF\n`);
  const hash = crypto.createHash("sha256").update(bytes).digest("hex");
  fs.mkdirSync(filesDirOf(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(path.join(filesDirOf(file), hash), bytes, { mode: 0o600 });
  const meetingId = db.$client.prepare("select min(id) from meetings").pluck().get();
  db.$client
    .prepare("insert into documents (meeting_id, sha256, name, size, type) values (?, ?, ?, ?, 'application/pdf')")
    .run(meetingId, hash, `${text}.pdf`, bytes.length);
  return { bytes, hash };
}

describe("backups with documents", () => {
  test("the files a backup names are copied beside it once, verified, and restored with it", async () => {
    const { file, db } = freshDatabase();
    const { bytes, hash } = withDocument(file, db, "agreement");
    const first = await takeBackup(file, { now: new Date("2026-12-01T08:00:00Z") });
    const second = await takeBackup(file, { now: new Date("2026-12-01T09:00:00Z") });
    expect(first.files).toBe(1);
    expect(fs.readdirSync(backupFilesDir(second.file))).toEqual([hash]);
    expect(fs.readFileSync(path.join(backupFilesDir(first.file), hash))).toEqual(bytes);
    expect(fs.statSync(path.join(backupFilesDir(first.file), hash)).mode & 0o777).toBe(0o600);
    db.$client.close();
    // The live file is lost: the restore brings it back.
    fs.rmSync(filesDirOf(file), { recursive: true });
    restoreBackup(file, second.file);
    expect(fs.readFileSync(path.join(filesDirOf(file), hash))).toEqual(bytes);
  });

  test.each([
    ["missing", (stored: string) => fs.rmSync(stored)],
    ["altered", (stored: string) => fs.appendFileSync(stored, "<script>")],
  ])("a backup whose document file is %s is refused by its verification and by restore", async (_, spoil) => {
    const { file, db } = freshDatabase();
    const { hash } = withDocument(file, db, "to spoil");
    const { file: backup } = await takeBackup(file);
    spoil(path.join(backupFilesDir(backup), hash));
    expect(() => verifyBackup(backup)).toThrow(/document file/);
    db.$client.prepare("delete from documents").run();
    db.$client.close();
    const before = crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex");
    expect(() => restoreBackup(file, backup)).toThrow(/document file/);
    expect(crypto.createHash("sha256").update(fs.readFileSync(file)).digest("hex")).toBe(before);
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.includes("before-restore"))).toEqual([]);
  });

  test("a backup whose live file is missing is not kept: it could not be restored whole", async () => {
    const { file, db } = freshDatabase();
    const { hash } = withDocument(file, db, "lost");
    fs.rmSync(path.join(filesDirOf(file), hash));
    await expect(takeBackup(file)).rejects.toThrow(/missing/);
    expect(listBackups(file)).toEqual([]);
    db.$client.close();
  });

  test("a backup from before documents (no documents table) still verifies and restores", async () => {
    const { file, db } = freshDatabase();
    const { file: backup } = await takeBackup(file);
    const old = new Database(backup);
    old.exec("drop table documents");
    old.close();
    expect(() => verifyBackup(backup)).not.toThrow();
    db.$client.close();
    expect(restoreBackup(file, backup).kept).not.toBeNull();
  });

  test("files no kept backup names go with the backups that named them", async () => {
    const { file, db } = freshDatabase();
    const { hash } = withDocument(file, db, "forgotten");
    await takeBackup(file, { keep: 1, now: new Date("2026-12-01T08:00:00Z") });
    // A database that no longer names it (as after a restore of an older one).
    db.$client.exec("drop trigger history_no_delete");
    db.$client.prepare("delete from history where record_type = 'document'").run();
    db.$client.prepare("delete from pending_changes").run();
    db.$client.exec("delete from documents");
    db.$client.prepare("delete from history where record_type = 'document'").run();
    await takeBackup(file, { keep: 1, now: new Date("2026-12-01T09:00:00Z") });
    expect(fs.readdirSync(path.join(backupsDir(file), "files"))).not.toContain(hash);
    db.$client.close();
  });
});
