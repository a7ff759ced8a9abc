import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { flushHistory, type Actor } from "./history";
import * as schema from "./schema";

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

export function migrateDatabase(db: Db) {
  migrate(db, { migrationsFolder: migrationsFolder() });
}

/**
 * Runs `fn` in a transaction that takes the write lock at once (a transaction that reads first
 * and writes later can fail with SQLITE_BUSY under WAL despite busy_timeout), and writes the
 * history of what it changed, by `actor`, before it commits: all of it or none of it.
 */
export function writeTransaction<T>(db: Db, actor: Actor, fn: (tx: Db) => T): T {
  return db.transaction(
    (tx) => {
      const result = fn(tx as unknown as Db);
      flushHistory(db.$client, actor);
      return result;
    },
    { behavior: "immediate" },
  );
}
