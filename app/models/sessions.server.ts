/**
 * Sessions kept in the database, so they can be revoked: the cookie holds a random token, the
 * table only its SHA-256. A session ends after 30 minutes without a request or 12 hours after
 * sign-in, whichever comes first. Every function takes `now`, so tests can fix the clock.
 */
import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "~db/client";
import { writeWithoutWaiting } from "~db/busy";
import { sessions, users, type UserRole } from "~db/schema";
import { getDb } from "~/db.server";

export const IDLE_LIMIT_MS = 30 * 60 * 1000;
export const ABSOLUTE_LIMIT_MS = 12 * 60 * 60 * 1000;
// Noting every request's time would make every page a write; a minute's precision is enough.
const TOUCH_AFTER_MS = 60 * 1000;

export type SessionUser = { id: number; email: string; name: string; role: UserRole; mustChangePassword: boolean };

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export function createSession(userId: number, now = new Date()) {
  const token = crypto.randomBytes(32).toString("base64url");
  const at = now.toISOString();
  getDb()
    .insert(sessions)
    .values({
      tokenHash: hashOf(token),
      userId,
      createdAt: at,
      lastSeenAt: at,
      expiresAt: new Date(now.getTime() + ABSOLUTE_LIMIT_MS).toISOString(),
    })
    .run();
  return token;
}

/**
 * The lookup every signed-in request makes, prepared once per connection: building it through
 * drizzle and preparing it in SQLite on each request was some 8% of the signed-in shell's time
 * under load (issue 17's profile of /healthz).
 */
const lookups = new WeakMap<Db, ReturnType<typeof prepareLookup>>();
function prepareLookup(db: Db) {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      mustChangePassword: users.mustChangePassword,
      disabledAt: users.disabledAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.tokenHash, sql.placeholder("tokenHash")))
    .prepare();
}

/** The signed-in account for a session token, or null if it is unknown, expired, or disabled. */
export function userForSession(token: string, now = new Date()): SessionUser | null {
  const db = getDb();
  const tokenHash = hashOf(token);
  let lookup = lookups.get(db);
  if (!lookup) lookups.set(db, (lookup = prepareLookup(db)));
  const found = lookup.get({ tokenHash });
  if (!found) return null;
  const idle = now.getTime() - Date.parse(found.lastSeenAt);
  // Written on the side of a read: never waited for (db/busy.ts). An ended session left on
  // file is refused all the same, and deleted by the next request or the hourly pruning.
  if (found.disabledAt || now.toISOString() >= found.expiresAt || idle >= IDLE_LIMIT_MS) {
    writeWithoutWaiting(db.$client, () => db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)).run());
    return null;
  }
  if (idle >= TOUCH_AFTER_MS)
    writeWithoutWaiting(db.$client, () =>
      db.update(sessions).set({ lastSeenAt: now.toISOString() }).where(eq(sessions.tokenHash, tokenHash)).run(),
    );
  return {
    id: found.id,
    email: found.email,
    name: found.name,
    role: found.role,
    mustChangePassword: found.mustChangePassword,
  };
}

export function endSession(token: string) {
  getDb()
    .delete(sessions)
    .where(eq(sessions.tokenHash, hashOf(token)))
    .run();
}

/** Signs an account out everywhere at once. */
export function endSessionsOf(userId: number) {
  getDb().delete(sessions).where(eq(sessions.userId, userId)).run();
}
