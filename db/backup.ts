/**
 * Online backups: a consistent copy of the live database (SQLite's backup API, read inside one
 * transaction, so the copy is one moment of the file even while the app writes), flushed to
 * disk, verified (opened, integrity_check, the row count of every table equal to the source's
 * at that moment), then the oldest beyond the last `keep` are removed. Restoring one swaps it in
 * while no server has the file open.
 *
 * The attached documents' files (db/files.ts) that a backup names are copied beside it into
 * `backups/files/<sha256>`, shared by all the backups (a file is copied once), and are part of
 * its verification: each must be there and hash to its name. A backup from before documents
 * names none. Files no kept backup names are removed with the backups that named them.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { openAlone, runningServer } from "./guard";
import { copyInto, ensureFilesDir, filesDirOf, fsyncPath, hashFileSync, neededHashes, SHA256 } from "./files";

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

/** The search indexes' FTS5 shadow tables: SQLite's own bookkeeping, counted through each index. */
const FTS_SHADOW = /^search_text_\w+_(data|idx|content|docsize|config)$/;

export function rowCounts(sqlite: Database.Database) {
  const tables = (
    sqlite
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((name) => !FTS_SHADOW.test(name));
  return Object.fromEntries(
    tables.map((table) => [table, sqlite.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]),
  );
}

export class BackupVerificationError extends Error {}

/** Where a backup's document files are: beside it, in files/. */
export const backupFilesDir = (backup: string) => path.join(path.dirname(path.resolve(backup)), "files");

function hashesNamedBy(file: string) {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return neededHashes(copy);
  } finally {
    copy.close();
  }
}

/** Each document file a backup names is beside it and hashes to its name; returns how many. */
export function verifyBackupFiles(file: string) {
  const dir = backupFilesDir(file);
  const needed = hashesNamedBy(file);
  for (const hash of needed) {
    const stored = path.join(dir, hash);
    if (!fs.existsSync(stored)) throw new BackupVerificationError(`the document file ${hash} is missing from ${dir}`);
    if (hashFileSync(stored) !== hash)
      throw new BackupVerificationError(`the document file ${stored} does not match its SHA-256: it was altered`);
  }
  return needed.size;
}

/** Verifies a backup file: it opens, passes integrity_check, and holds `expected` rows. */
export function verifyBackup(file: string, expected?: Record<string, number>) {
  const copy = new Database(file, { readonly: true, fileMustExist: true });
  let counts: Record<string, number>;
  try {
    const integrity = copy.pragma("integrity_check", { simple: true });
    if (integrity !== "ok") throw new BackupVerificationError(`integrity_check: ${String(integrity)}`);
    counts = rowCounts(copy);
    if (expected && JSON.stringify(counts) !== JSON.stringify(expected)) {
      throw new BackupVerificationError(
        `row counts differ: ${JSON.stringify(counts)} against ${JSON.stringify(expected)}`,
      );
    }
  } finally {
    copy.close();
  }
  verifyBackupFiles(file);
  return counts;
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
  let files: number;
  try {
    files = copyDocumentFiles(file, filesDirOf(databasePath));
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
  if (removed.length) removeUnnamedBackupFiles(databasePath);
  return { file, name, counts, files, size: fs.statSync(file).size, removed };
}

/** Copies beside a backup the document files it names that are not there yet; returns how many it names. */
function copyDocumentFiles(backup: string, source: string) {
  const needed = hashesNamedBy(backup);
  if (needed.size === 0) return 0;
  const target = ensureFilesDir(backupFilesDir(backup));
  for (const hash of needed) {
    const from = path.join(source, hash);
    // A file missing from the live folder is left missing: the verification then says which.
    if (!fs.existsSync(path.join(target, hash)) && fs.existsSync(from)) copyInto(from, path.join(target, hash));
  }
  fsyncPath(target);
  return needed.size;
}

/** Removes from backups/files what no kept backup names. */
function removeUnnamedBackupFiles(databasePath: string) {
  const dir = path.join(backupsDir(databasePath), "files");
  if (!fs.existsSync(dir)) return;
  const named = new Set<string>();
  for (const backup of listBackups(databasePath)) for (const hash of hashesNamedBy(backup.file)) named.add(hash);
  for (const name of fs.readdirSync(dir))
    if ((SHA256.test(name) && !named.has(name)) || name.endsWith(".partial")) fs.rmSync(path.join(dir, name));
}

/**
 * Puts a backup in place of the database, after verifying it. Refuses while any process has
 * the file open (db/guard.ts): a server would go on writing into the file it has open, which is
 * then the one set aside. The database it replaces is kept beside it
 * (…db.before-restore-<time>), so a restore is itself undoable. The document files the backup
 * names are verified with it and put back beside the database (files already there are kept).
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
  const needed = hashesNamedBy(backup);
  try {
    // The files first: a database is never put in place without the files it names.
    if (needed.size > 0) {
      const files = ensureFilesDir(filesDirOf(databasePath));
      for (const hash of needed) {
        const there = path.join(files, hash);
        if (!fs.existsSync(there) || hashFileSync(there) !== hash)
          copyInto(path.join(backupFilesDir(backup), hash), there);
      }
      fsyncPath(files);
    }
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
