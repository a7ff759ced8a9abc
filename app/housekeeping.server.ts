/**
 * Forgets what can no longer be used: sessions past their idle or absolute limit, failed
 * sign-ins older than the throttling window (app/models/sessions.server.ts, sign-in.server.ts),
 * and security log rows last seen before SECURITY_LOG_RETENTION_DAYS. The history is never
 * pruned, nor are the files it names. Also writes into the history what another program changed in the file, if no save by
 * the app has done it since.
 */
import { getEnv } from "~/env.server";
import { type Db } from "~db/client";
import { recordOutsideChanges } from "~/models/writes.server";
import { pruneSecurityLog } from "~db/security-log";
import { filesDirOf, removeUnneededFiles } from "~db/files";
import { searchIndexMerges } from "~/models/search-index.server";
import { writeWithoutWaiting } from "~db/busy";
import { longWriteRunning } from "~db/long-write";

const IDLE_LIMIT_MS = 30 * 60 * 1000;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export function pruneExpired(db: Db, now = new Date(), securityLogDays = getEnv().SECURITY_LOG_RETENTION_DAYS) {
  const sqlite = db.$client;
  const sessions = sqlite
    .prepare("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?")
    .run(now.toISOString(), new Date(now.getTime() - IDLE_LIMIT_MS).toISOString()).changes;
  const failures = sqlite
    .prepare("DELETE FROM sign_in_failures WHERE at < ?")
    .run(new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString()).changes;
  const securityLog = pruneSecurityLog(db, securityLogDays, now);
  const outside = recordOutsideChanges(db);
  // Attached files that no document row and no history entry names any more (db/files.ts).
  const files = sqlite.name === ":memory:" ? 0 : removeUnneededFiles(sqlite, filesDirOf(sqlite.name), now.getTime());
  return { sessions, failures, securityLog, outside, files };
}

/**
 * Keeps SQLite's statistics of the tables fresh, so that the query planner picks the indexes it
 * should (the counts of open and overdue initiatives, say, need to know how many rows each
 * status index holds). Sampled (analysis_limit), so it takes a fraction of a second even at the
 * national size. On start, after the migrations (a new index has no statistics); then hourly,
 * where SQLite itself decides whether a table changed enough to be measured again.
 */
export function refreshStatistics(db: Db, { full = false } = {}) {
  const sqlite = db.$client;
  sqlite.pragma("analysis_limit = 1000");
  if (full) sqlite.exec("ANALYZE");
  else sqlite.pragma("optimize");
}

/** Merges the search index's segments where they have piled up, at once: on start. */
export function mergeSearchIndex(db: Db) {
  for (const step of searchIndexMerges(db)) void step;
}

/**
 * The same a step at a time, each after the requests already waiting (setImmediate): hourly,
 * while serving, so no request waits for the whole merge (some 5 to 25 ms a step, a second
 * in all for 100,000 meetings). Settles when done. A step that fails (another program writing)
 * ends the merge, as does a long write starting (here, its step would become part of the
 * import's transaction; elsewhere, it holds the lock); the next hour tries again.
 */
export function mergeSearchIndexBetweenRequests(db: Db, pagesAStep?: number): Promise<void> {
  const steps = searchIndexMerges(db, pagesAStep);
  return new Promise((resolve) => {
    const next = () => {
      try {
        if (!longWriteRunning() && !steps.next().done) return void setImmediate(next);
      } catch (error) {
        console.error(`[${new Date().toISOString()}] Merging the search index stopped:`, error);
      }
      resolve();
    };
    next();
  });
}

/**
 * The server's hourly housekeeping: pruning, statistics, then the search index's merge. Skipped
 * while a long write runs, here or in another process, or another holds the write lock (db/busy.ts):
 * the next hour's does it. Whether it ran.
 */
export function housekeepHourly(db: Db): boolean {
  const ran = writeWithoutWaiting(db.$client, () => {
    pruneExpired(db);
    refreshStatistics(db);
  });
  if (ran) void mergeSearchIndexBetweenRequests(db);
  return ran;
}
