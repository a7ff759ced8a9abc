/**
 * The write lock held by someone else: another process serving the database, an import's long
 * write (db/long-write.ts), or another program. A save waits for it (busy_timeout); a write a
 * request makes on the side, such as noting when a session was last used, must not make the page
 * wait, or fail, for it.
 */
import Database from "better-sqlite3";
import { longWriteRunning } from "./long-write";

export const isBusy = (error: unknown) =>
  error instanceof Database.SqliteError && (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED");

/**
 * Runs `write` now if the write lock is free, or not at all: false if a long write runs (here,
 * where it would become part of the import's transaction, or in another process) or another
 * connection holds the lock. The connection's own busy_timeout is left as it was.
 */
export function writeWithoutWaiting(sqlite: Database.Database, write: () => void): boolean {
  if (longWriteRunning()) return false;
  // Inside a transaction (the saves of this turn, db/group-commit.ts) the lock is already ours.
  if (sqlite.inTransaction) {
    write();
    return true;
  }
  const wait = sqlite.pragma("busy_timeout", { simple: true }) as number;
  sqlite.pragma("busy_timeout = 0");
  try {
    write();
    return true;
  } catch (error) {
    if (isBusy(error)) return false;
    throw error;
  } finally {
    sqlite.pragma(`busy_timeout = ${wait}`);
  }
}
