/**
 * How every write is made: one transaction that takes the write lock at once and, before it
 * commits, re-indexes for search what it touched and writes its history. Here rather than in db/
 * because the search index speaks the interface's languages (app/i18n); db/ never imports app/.
 */
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { migrationsFolder, type Db } from "~db/client";
import { flushHistory, flushHistoryUntil, hasPendingChanges, OUTSIDE, SYSTEM, type Actor } from "~db/history";
import { asLongWrite, betweenLongWriteTurns } from "~db/long-write";
import { hasSearchIndexes, reindexTouched, touchedForSearch } from "./search-index.server";

/**
 * Marks found before migrating were left by another program's writes: they are recorded as
 * such (once the marks have their times, migrations/0016). Marks the migrations make are the
 * system's.
 */
export function migrateDatabase(db: Db) {
  const columns = db.$client.prepare("SELECT name FROM pragma_table_info('pending_changes')").pluck().all();
  // Before 0024 the search index was one table, which this code no longer writes: what another
  // program changed is re-indexed once the migrations have made each kind's index.
  const later = columns.includes("at") && !hasSearchIndexes(db) ? touchedForSearch(db) : null;
  if (columns.includes("at")) recordOutsideChanges(db, !later);
  migrate(db, { migrationsFolder: migrationsFolder() });
  if (later?.length) db.transaction((tx) => reindexTouched(tx as unknown as Db, later), { behavior: "immediate" });
  // Not writeTransaction: that would take the migrations' own marks for another program's.
  db.transaction(() => flushHistory(db.$client, SYSTEM), { behavior: "immediate" });
}

/**
 * Runs `fn` in a transaction that takes the write lock at once (a transaction that reads first
 * and writes later can fail with SQLITE_BUSY under WAL despite busy_timeout), and writes the
 * history of what it changed, by `actor`, before it commits: all of it or none of it. The
 * partners, relations and delegations it touched are re-indexed for search on the way. In the
 * server, the app connection's saves of one turn of the event loop share one commit, each in a
 * savepoint of its own (db/group-commit.ts).
 */
export function writeTransaction<T>(db: Db, actor: Actor, fn: (tx: Db) => T): T {
  // The server's actions wait for a long write to end (db/long-write.ts); whatever else saves
  // between its turns is refused, not mixed into its transaction.
  if (betweenLongWriteTurns(db.$client))
    throw new Error("An import is being written on this connection: a save now would become part of it");
  const group = db === globalThis.__kezdesuDb ? globalThis.__kezdesuCommitGroup : undefined;
  group?.join(db.$client);
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

const HISTORY_TURN_MS = 25;

/**
 * writeTransaction for a write that takes seconds (an import of thousands of rows): `fn` writes
 * its parts a turn of the event loop at a time, awaiting `turn()` between them, and the process
 * answers others meanwhile (db/long-write.ts). One transaction all the same, committed alone
 * rather than with the saves of a turn, which would keep a copy of every page it changes
 * (db/group-commit.ts), its history written before it commits.
 */
export function writeInTurns<T>(
  db: Db,
  actor: Actor,
  fn: (tx: Db, turn: () => Promise<void>) => Promise<T>,
  {
    afterHistory,
  }: {
    /** Run inside the transaction once the history is written (an import notes which entries are its own). */
    afterHistory?: (tx: Db) => void;
  } = {},
): Promise<T> {
  const client = db.$client;
  return asLongWrite(client, async (turn) => {
    if (db === globalThis.__kezdesuDb) globalThis.__kezdesuCommitGroup?.commitNow();
    client.exec("BEGIN IMMEDIATE");
    try {
      flushOutside(db);
      const result = await fn(db, turn);
      reindexTouched(db);
      // Thousands of records' entries, a turn's worth at a time (for 10,000 meetings, 0.6 s).
      while (!flushHistoryUntil(client, actor, performance.now() + HISTORY_TURN_MS)) await turn();
      afterHistory?.(db);
      client.exec("COMMIT");
      return result;
    } catch (error) {
      if (client.inTransaction) client.exec("ROLLBACK");
      throw error;
    }
  });
}

/**
 * Writes into the history, as made outside the app and at their own times, the changes another
 * program made to the file since the app last wrote (db/history.ts). Cheap when there are none,
 * which is nearly always: for the hourly housekeeping and the pages that show the history.
 */
export function recordOutsideChanges(db: Db, reindex = true) {
  // Between an import's turns, what is pending is its own changes, not another program's.
  if (betweenLongWriteTurns(db.$client) || !hasPendingChanges(db.$client)) return 0;
  return db.transaction(() => flushOutside(db, reindex), { behavior: "immediate" });
}

/** Another program's changes: indexed for search, as the app's own are, and kept as its entries. */
function flushOutside(db: Db, reindex = true) {
  // Nearly always nothing: one indexed look, not the search index's and the history's reads.
  if (!hasPendingChanges(db.$client)) return 0;
  if (reindex) reindexTouched(db);
  return flushHistory(db.$client, OUTSIDE);
}
