import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { flushHistory, hasPendingChanges, OUTSIDE, SYSTEM, type Actor } from "./history";
import * as schema from "./schema";
import { reindexTouched } from "./search-text";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

/**
 * Opens (creating if needed) the SQLite file with the settings every connection must have:
 * see ../shared/STACK.md, "SQLite facts that bite".
 */
export function openDatabase(file: string): Db {
  if (file !== ":memory:") createPrivately(file);
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  if (file !== ":memory:") for (const suffix of ["", "-wal", "-shm"]) keepPrivate(`${file}${suffix}`);
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return drizzle(sqlite, { schema }) as Db;
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

/**
 * Marks found before migrating were left by another program's writes: they are recorded as
 * such (once the marks have their times, migrations/0016). Marks the migrations make are the
 * system's.
 */
export function migrateDatabase(db: Db) {
  const columns = db.$client.prepare("SELECT name FROM pragma_table_info('pending_changes')").pluck().all();
  if (columns.includes("at")) recordOutsideChanges(db);
  migrate(db, { migrationsFolder: migrationsFolder() });
  // Not writeTransaction: that would take the migrations' own marks for another program's.
  db.transaction(() => flushHistory(db.$client, SYSTEM), { behavior: "immediate" });
}

/**
 * Runs `fn` in a transaction that takes the write lock at once (a transaction that reads first
 * and writes later can fail with SQLITE_BUSY under WAL despite busy_timeout), and writes the
 * history of what it changed, by `actor`, before it commits: all of it or none of it. The
 * partners, relations and delegations it touched are re-indexed for search on the way.
 */
export function writeTransaction<T>(db: Db, actor: Actor, fn: (tx: Db) => T): T {
  return db.transaction(
    (tx) => {
      // Whatever another program changed since the app last wrote is its own entry, not this one's.
      flushOutside(db);
      const result = fn(tx as unknown as Db);
      reindexTouched(tx as unknown as Db);
      flushHistory(db.$client, actor);
      return result;
    },
    { behavior: "immediate" },
  );
}

/**
 * Writes into the history, as made outside the app and at their own times, the changes another
 * program made to the file since the app last wrote (db/history.ts). Cheap when there are none,
 * which is nearly always: for the hourly housekeeping and the pages that show the history.
 */
export function recordOutsideChanges(db: Db) {
  if (!hasPendingChanges(db.$client)) return 0;
  return db.transaction(() => flushOutside(db), { behavior: "immediate" });
}

/** Another program's changes: indexed for search, as the app's own are, and kept as its entries. */
function flushOutside(db: Db) {
  reindexTouched(db);
  return flushHistory(db.$client, OUTSIDE);
}
