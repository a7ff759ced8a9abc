/**
 * Online backups: a consistent copy of the live database (SQLite's backup API, read inside one
 * transaction, so the copy is one moment of the file even while the app writes), flushed to
 * disk, verified (opened, integrity_check, the row count of every table equal to the source's
 * at that moment), then the oldest beyond the last `keep` are removed. Restoring one swaps it in
 * while no server has the file open.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openAlone, runningServer } from "./guard";

export const backupsDir = (databasePath: string) => path.join(path.dirname(path.resolve(databasePath)), "backups");
const NAME = /^kezdesu-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(-\d{3})?Z\.db$/;

export function listBackups(databasePath: string) {
  const dir = backupsDir(databasePath);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort()
    .reverse()
    .map((name) => ({ name, file: path.join(dir, name), size: fs.statSync(path.join(dir, name)).size }));
}

export function rowCounts(sqlite: Database.Database) {
  const tables = sqlite
    .prepare(
      "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_text_%' ORDER BY name",
    )
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]),
  );
}

function fsyncPath(target: string) {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

export class BackupVerificationError extends Error {}

/** Verifies a backup file: it opens, passes integrity_check, and holds `expected` rows. */
export function verifyBackup(file: string, expected?: Record<string, number>) {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupVerificationError(`integrity_check: ${String(integrity)}`);
    const counts = rowCounts(copy);
    if (expected && JSON.stringify(counts) !== JSON.stringify(expected)) {
      throw new BackupVerificationError(
        `row counts differ: ${JSON.stringify(counts)} against ${JSON.stringify(expected)}`,
      );
    }
    return counts;
  } finally {
    copy.close();
  }
}

export async function takeBackup(databasePath: string, { keep = 7, now = new Date() } = {}) {
  const dir = backupsDir(databasePath);
  // Private as the database itself (db/client.ts): a backup is the whole record.
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const name = `kezdesu-${now
    .toISOString()
    .replace(/:/g, "-")
    .replace(/\.(\d{3})Z$/, "-$1Z")}.db`;
  const file = path.join(dir, name);
  const partial = `${file}.partial`;
  // Made 0600 before SQLite writes the copy into it, which keeps the file's mode.
  fs.writeFileSync(partial, "", { mode: 0o600 });
  const source = new Database(databasePath, { fileMustExist: true });
  let counts: Record<string, number>;
  try {
    source.pragma("busy_timeout = 5000");
    // One read transaction: the counts and the copied pages are the same moment of the file.
    source.exec("BEGIN");
    try {
      counts = rowCounts(source);
      await source.backup(partial);
    } finally {
      source.exec("COMMIT");
    }
  } finally {
    source.close();
  }
  fsyncPath(partial);
  fs.renameSync(partial, file);
  fsyncPath(dir);
  try {
    verifyBackup(file, counts);
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
  const removed = listBackups(databasePath)
    .slice(keep)
    .map((old) => {
      fs.rmSync(old.file, { force: true });
      return old.name;
    });
  return { file, name, counts, size: fs.statSync(file).size, removed };
}

/**
 * Puts a backup in place of the database, after verifying it. Refuses while any process has
 * the file open (db/guard.ts): a server would go on writing into the file it has open, which is
 * then the one set aside. The database it replaces is kept beside it
 * (…db.before-restore-<time>), so a restore is itself undoable.
 */
export function restoreBackup(databasePath: string, backup: string, now = new Date()) {
  verifyBackup(backup);
  const target = path.resolve(databasePath);
  const kept = `${target}.before-restore-${now.toISOString().replace(/:/g, "-")}`;
  // Held until the new file is in place, so no server can open the old one in between.
  const current = fs.existsSync(target) ? openAlone(target) : null;
  if (current === null && fs.existsSync(target)) {
    const pid = runningServer(databasePath);
    throw new Error(
      pid
        ? `A Kezdesu server (pid ${pid}) is using ${databasePath}: stop it first.`
        : `Another process (a server, a backup, a sqlite3 shell) has ${databasePath} open: stop it first.`,
    );
  }
  try {
    if (current) fs.renameSync(target, kept);
    for (const suffix of ["-wal", "-shm", "-journal"]) fs.rmSync(`${target}${suffix}`, { force: true });
    const partial = `${target}.restoring`;
    fs.copyFileSync(backup, partial);
    fs.chmodSync(partial, 0o600);
    fsyncPath(partial);
    fs.renameSync(partial, target);
    fsyncPath(path.dirname(target));
  } finally {
    current?.close();
  }
  return { kept: fs.existsSync(kept) ? kept : null };
}
