import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
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
