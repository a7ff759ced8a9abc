/**
 * One server per database, and no restore under a live one (issue 12.5).
 *
 * Two guards. The strong one needs no file of ours: in WAL mode every SQLite connection keeps a
 * shared lock on the database file from its first read until it closes, and the kernel drops it
 * when the process dies, even by SIGKILL. A connection in EXCLUSIVE locking mode must take an
 * exclusive lock on the file before its first read, and fails at once while any other process
 * (a server, one of its workers, a backup, a sqlite3 shell) has the file open: that is how
 * restore knows. A server holds a connection from the moment it starts until it exits.
 *
 * The pid file beside the database says which server that is. It is created exclusively ('wx')
 * once the server listens, so a second start that fails never has one, and removed on exit only
 * by the process it names: a failed start cannot take the first server's away.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { isBusy } from "./busy";
import { openDatabase } from "./client";

/** The pid file a running server keeps beside its database. */
export const pidFile = (databasePath: string) => `${path.resolve(databasePath)}.server-pid`;

type PidRecord = { pid: number; startedAt: string };

function readPidFile(databasePath: string): PidRecord | null {
  try {
    const record = JSON.parse(fs.readFileSync(pidFile(databasePath), "utf8")) as Partial<PidRecord>;
    return Number.isInteger(record.pid) && typeof record.startedAt === "string" ? (record as PidRecord) : null;
  } catch {
    return null;
  }
}

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it lives, under another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** A connection holding an exclusive lock on the file until closed; null while another process has it open. */
function openExclusive(databasePath: string) {
  const sqlite = new Database(databasePath, { fileMustExist: true });
  try {
    // Waiting would not help: a server keeps its lock for as long as it runs.
    sqlite.pragma("busy_timeout = 0");
    sqlite.pragma("locking_mode = EXCLUSIVE");
    sqlite.prepare("SELECT count(*) FROM sqlite_schema").get();
    return sqlite;
  } catch (error) {
    sqlite.close();
    if (isBusy(error)) return null;
    throw error;
  }
}

/** Whether any process, this one included, has the database open. */
export function databaseInUse(databasePath: string) {
  if (!fs.existsSync(databasePath)) return false;
  const alone = openExclusive(databasePath);
  alone?.close();
  return alone === null;
}

/**
 * Opens the database alone, for replacing it: the connection keeps its exclusive lock until it
 * is closed, in rollback-journal mode, so the file is whole without a -wal beside it and nothing
 * is left to be written back by path when the connection closes. Null while another process has
 * the file open.
 */
export function openAlone(databasePath: string) {
  const sqlite = openExclusive(databasePath);
  sqlite?.pragma("journal_mode = DELETE");
  return sqlite;
}

/** The server that serves this database: its pid file names a live process that has the file open. */
export function runningServer(databasePath: string) {
  const holder = readPidFile(databasePath);
  return holder && holder.pid !== process.pid && isAlive(holder.pid) && databaseInUse(databasePath) ? holder.pid : null;
}

export class ServerAlreadyRunning extends Error {
  constructor(databasePath: string, pid: number) {
    super(
      `A Kezdesu server (pid ${pid}) is already serving ${databasePath}: stop it first, or give this one another DATABASE_PATH.`,
    );
  }
}

let held: Database.Database | null = null;

/**
 * First thing a server does: refuses if another server serves the database, forgets the pid
 * file of one that died without removing it, then keeps a connection open for as long as this
 * process lives (what `databaseInUse` sees).
 */
export function holdDatabase(databasePath: string) {
  const other = runningServer(databasePath);
  if (other) throw new ServerAlreadyRunning(databasePath, other);
  // What is left names no server that has the database open: one that died without removing it.
  fs.rmSync(pidFile(databasePath), { force: true });
  held = openDatabase(databasePath).$client;
  return held;
}

/**
 * Once the server listens: the pid file, created only if none exists, names this process. It is
 * removed when this process exits, and only if it still names this process.
 */
export function claimPidFile(databasePath: string) {
  const file = pidFile(databasePath);
  const mine = JSON.stringify({
    pid: process.pid,
    startedAt: new Date(Date.now() - process.uptime() * 1000).toISOString(),
  } satisfies PidRecord);
  try {
    fs.writeFileSync(file, mine, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const holder = readPidFile(databasePath);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid))
      throw new ServerAlreadyRunning(databasePath, holder.pid);
    // Left by a server that died: this process has held the database since it started.
    fs.rmSync(file, { force: true });
    fs.writeFileSync(file, mine, { flag: "wx" });
  }
  process.on("exit", () => {
    try {
      if (fs.readFileSync(file, "utf8") === mine) fs.rmSync(file);
    } catch {
      // Already gone: nothing of ours to remove.
    }
  });
}
