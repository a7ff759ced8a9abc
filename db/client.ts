import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import type { CommitGroup } from "./group-commit";

export type Db = BetterSQLite3Database & { $client: Database.Database };

/**
 * Opens (creating if needed) the SQLite file with the settings every connection must have:
 * see ../shared/STACK.md, "SQLite facts that bite". Each commit waits for the disk, unless
 * `syncEachCommit` is false: then whoever answers for the writes fsyncs the WAL before
 * answering (the server's app connection: db/durable-answers.ts). `checkpointPages` is how
 * large the WAL grows before a commit checkpoints it (SQLite's 1,000 unless another thread
 * checkpoints: db/checkpointer.ts).
 */
export function openDatabase(
  file: string,
  { syncEachCommit = true, checkpointPages = 1000, busyTimeoutMs = 5000 } = {},
): Db {
  if (file !== ":memory:") createPrivately(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  if (file !== ":memory:") for (const suffix of ["", "-wal", "-shm"]) keepPrivate(`${file}${suffix}`);
  sqlite.pragma(syncEachCommit ? "synchronous = FULL" : "synchronous = NORMAL");
  sqlite.pragma(`wal_autocheckpoint = ${Math.trunc(checkpointPages)}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma(`busy_timeout = ${Math.trunc(busyTimeoutMs)}`);
  // A statement that changes more than some 15 pages inside a transaction kept its statement
  // journal in a temporary file, made and unlinked for it (logging a meeting: three times in four
  // saves, strace); in memory, as sorts and temporary tables then are too, it needs no file.
  sqlite.pragma("temp_store = MEMORY");
  // Without the schema: the app asks no relational queries (db.query), and with it every
  // transaction built their builders for all the tables again (a hundredth of logging a meeting).
  const db = drizzle(keepingStatements(sqlite)) as Db;
  db.$client = sqlite;
  return db;
}

declare global {
  // Survives the dev server's module reloads, so one connection serves the process.
  var __kezdesuDb: Db | undefined;
  /** Set by server.ts, which answers no action before its writes are on disk (db/durable-answers.ts). */
  var __kezdesuAnswersAfterTheDisk: boolean | undefined;
  /** Set by server.ts, whose own thread checkpoints the WAL (db/checkpointer.ts): the WAL size past which the app's commits checkpoint anyway. */
  var __kezdesuCheckpointPages: number | undefined;
  /** Set by server.ts: the app connection's saves made in one turn of the event loop share a commit (db/group-commit.ts). */
  var __kezdesuCommitGroup: CommitGroup | undefined;
}

/** How long the server's connection waits for another's write lock, its thread blocked. */
export const SERVER_BUSY_TIMEOUT_MS = 1000;

/**
 * The process's one connection to the app's database, opened on first use with what server.ts
 * has set: the Remix build's models (app/db.server.ts) and server.ts's own refusals and
 * housekeeping share it. On globalThis: each bundles this module.
 */
export function processConnection(file: string): Db {
  globalThis.__kezdesuDb ??= openDatabase(file, {
    syncEachCommit: !globalThis.__kezdesuAnswersAfterTheDisk,
    checkpointPages: globalThis.__kezdesuCheckpointPages,
    // The server's one thread answers everyone while SQLite waits for a lock: another process's
    // save holds it for milliseconds (an import's, longer, is waited for without blocking:
    // db/long-write.ts); past a second, another program's write is refused as busy instead.
    busyTimeoutMs: globalThis.__kezdesuAnswersAfterTheDisk ? SERVER_BUSY_TIMEOUT_MS : undefined,
  });
  return globalThis.__kezdesuDb;
}

/**
 * How many statements a connection keeps, and how much SQL: the app's queries are a few hundred
 * texts, most under a kilobyte. A statement's memory grows with its text (200 inserts of 1 to 200
 * participants, 520,000 characters in all, held 26 MB), and a form's list sets how many texts one
 * insert can have: the characters bound the memory, whatever the lists.
 */
export const KEPT_STATEMENTS = 1000;
export const KEPT_CHARACTERS = 500_000;

/**
 * The connection as drizzle sees it: each statement it prepares is kept by its SQL and used
 * again. drizzle prepares every query it runs afresh, and SQLite parsed and planned the same
 * texts on every request: a third of logging a meeting's CPU, a fifth of the signed-in shell's
 * (issue 17). The least recently used statements go past KEPT_STATEMENTS or KEPT_CHARACTERS (a
 * list of ids of another length is another text). A kept statement is handed back in its
 * default mode: drizzle asks some for rows as arrays (`raw()`) and the same text may be asked
 * for objects elsewhere.
 * New statistics (ANALYZE, PRAGMA optimize) still reach kept statements: SQLite expires them and
 * plans them again. The app's own `db.$client.prepare` is the connection itself, not this.
 */
function keepingStatements(sqlite: Database.Database): Database.Database {
  const kept = new Map<string, Database.Statement>();
  let characters = 0;
  const prepare = (source: string) => {
    let statement = kept.get(source);
    if (statement) {
      kept.delete(source);
      if (statement.reader) statement.raw(false);
    } else {
      statement = sqlite.prepare(source);
      characters += source.length;
      for (const [oldest] of kept) {
        if (kept.size < KEPT_STATEMENTS && characters <= KEPT_CHARACTERS) break;
        kept.delete(oldest);
        characters -= oldest.length;
      }
    }
    kept.set(source, statement);
    return statement;
  };
  const connection = { prepare, transaction: sqlite.transaction.bind(sqlite) };
  return connection as unknown as Database.Database;
}

/**
 * The records are for the council's staff only (issue 12.10): the folder a database is made in
 * is 0700 and the file 0600. SQLite gives its -wal and -shm files the database file's mode.
 */
function createPrivately(file: string) {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, "a", 0o600));
}

/** A file made before the modes were set (or by another tool) is made private too. */
export function keepPrivate(file: string) {
  if (fs.existsSync(file) && (fs.statSync(file).mode & 0o077) !== 0) fs.chmodSync(file, 0o600);
}

/** The server bundle inlines db/, so the migrations are found from the working directory. */
export function migrationsFolder() {
  return path.resolve(process.cwd(), "migrations");
}
