/**
 * Issue 12.10: the database, its WAL and SHM files and its backups are readable by their owner
 * only (0600), in folders only the owner can enter (0700).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { backupsDir, takeBackup } from "~db/backup";
import { openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-modes-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

test("a new database, its WAL and SHM files and the folder made for it are private", () => {
  const file = path.join(root, "new", "kezdesu.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  expect(mode(path.dirname(file))).toBe("700");
  expect(fs.existsSync(`${file}-wal`)).toBe(true);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) expect(mode(f)).toBe("600");
  db.$client.close();
});

test("a database made readable by others before is made private when opened", () => {
  const file = path.join(root, "old.db");
  openDatabase(file).$client.close();
  fs.chmodSync(file, 0o644);
  const db = openDatabase(file);
  expect(mode(file)).toBe("600");
  db.$client.close();
});

test("backups and their folder are private", async () => {
  const file = path.join(root, "backed-up", "kezdesu.db");
  const db = openDatabase(file);
  migrateDatabase(db);
  const backup = await takeBackup(file);
  expect(mode(backupsDir(file))).toBe("700");
  expect(mode(backup.file)).toBe("600");
  db.$client.close();
});
