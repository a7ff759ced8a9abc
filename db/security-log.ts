/**
 * Writing the security log, for the app (app/models/security-log.server.ts) and for server.ts's
 * refusals before Remix: the one place a row is added, so repeats are counted the same way
 * whoever writes them (issue 12.9: ten seconds of cross-site posts had added 2,986 rows).
 */
import type Database from "better-sqlite3";
import { writeWithoutWaiting } from "./busy";
import type { Db } from "./client";
import type { SecurityEvent } from "./schema";

export type SecurityEntry = {
  event: SecurityEvent;
  userId?: number | null;
  subjectUserId?: number | null;
  email?: string | null;
  address?: string | null;
  detail?: string | null;
};

/** A repeat within this long of a row's first sighting adds to that row. */
export const REPEAT_WINDOW_MS = 10 * 60 * 1000;

/**
 * Refusals and failures, which anyone can cause as often as they like, are counted. Sign-ins
 * and account changes keep a row each: they need an account, and their order matters.
 */
const COUNTED = new Set<SecurityEvent>([
  "sign_in_failed",
  "locked_out",
  "forbidden",
  "cross_site",
  "password_change_failed",
]);

const statements = new WeakMap<Database.Database, ReturnType<typeof prepare>>();

function prepare(sqlite: Database.Database) {
  const repeatOf = sqlite
    .prepare(
      `SELECT id FROM security_log
       WHERE address IS @address AND event = @event AND at >= @since
         AND detail IS @detail AND email IS @email AND user_id IS @userId AND subject_user_id IS @subjectUserId
       ORDER BY id DESC LIMIT 1`,
    )
    .pluck();
  const addRepeat = sqlite.prepare(
    "UPDATE security_log SET count = count + 1, last_seen_at = max(coalesce(last_seen_at, at), @at) WHERE id = @id",
  );
  const insert = sqlite.prepare(
    `INSERT INTO security_log (at, last_seen_at, count, event, user_id, subject_user_id, email, address, detail)
     VALUES (@at, @at, 1, @event, @userId, @subjectUserId, @email, @address, @detail)`,
  );
  const record = sqlite.transaction((row: Record<string, string | number | null>, counted: boolean) => {
    const id = counted ? (repeatOf.get(row) as number | undefined) : undefined;
    if (id === undefined) insert.run(row);
    else addRepeat.run({ id, at: row.at });
  });
  return { record };
}

/**
 * Adds `entry` to the log, at once unless the write lock is someone else's (an import's, here or
 * in another process, or another program's): a refusal must not make its request wait, nor fail,
 * and a flood of them must not stop the process. Such entries wait in memory, at most
 * MAX_WAITING of them, with the time they happened, and are written within seconds of the lock
 * coming free.
 */
export function recordSecurityEvent(db: Db, entry: SecurityEntry, now = new Date()) {
  if (waiting.length > 0 || !writeWithoutWaiting(db.$client, () => write(db, entry, now))) keepForLater(db, entry, now);
}

export const MAX_WAITING = 1000;
const RETRY_MS = 1000;
const waiting: Array<{ db: Db; entry: SecurityEntry; now: Date }> = [];
let dropped = 0;
let retry: NodeJS.Timeout | undefined;

function keepForLater(db: Db, entry: SecurityEntry, now: Date) {
  if (waiting.length < MAX_WAITING) waiting.push({ db, entry, now });
  else dropped++;
  retry ??= setTimeout(writeWaiting, RETRY_MS).unref();
}

function writeWaiting() {
  retry = undefined;
  const { db } = waiting[0];
  const batch = waiting.filter((waited) => waited.db === db);
  // A connection closed meanwhile (a test's, a script's) has nowhere to write them.
  const written =
    !db.$client.open ||
    writeWithoutWaiting(db.$client, () =>
      db.$client.transaction(() => batch.forEach(({ entry, now }) => write(db, entry, now))).immediate(),
    );
  if (written) {
    waiting.splice(0, waiting.length, ...waiting.filter((waited) => waited.db !== db));
    if (dropped > 0)
      console.error(`${dropped} security log entries were not recorded: more than ${MAX_WAITING} waited`);
    dropped = 0;
  }
  if (waiting.length > 0) retry = setTimeout(writeWaiting, RETRY_MS).unref();
}

/** How many entries wait for the write lock (what the tests read). */
export const waitingSecurityEvents = () => waiting.length;

function write(db: Db, entry: SecurityEntry, now: Date) {
  const sqlite = db.$client;
  let prepared = statements.get(sqlite);
  if (!prepared) statements.set(sqlite, (prepared = prepare(sqlite)));
  const row = {
    at: now.toISOString(),
    since: new Date(now.getTime() - REPEAT_WINDOW_MS).toISOString(),
    event: entry.event,
    userId: entry.userId ?? null,
    subjectUserId: entry.subjectUserId ?? null,
    email: entry.email ?? null,
    address: entry.address ?? null,
    detail: entry.detail?.slice(0, 500) ?? null,
  };
  // IMMEDIATE: two processes must not both miss the row and add one each.
  prepared.record.immediate(row, COUNTED.has(entry.event));
}

/** Deletes rows last seen before the retention period; returns how many. */
export function pruneSecurityLog(db: Db, retentionDays: number, now = new Date()) {
  const before = new Date(now.getTime() - retentionDays * 24 * 3600 * 1000).toISOString();
  // `at` first, so the index finds the candidates; a row's last sighting is never earlier.
  return db.$client
    .prepare("DELETE FROM security_log WHERE at < @before AND coalesce(last_seen_at, at) < @before")
    .run({ before }).changes;
}
