/**
 * The write lock held by another connection (another process serving the database, another
 * program): what a request writes on the side (a session's or a token's last use, the security
 * log) never makes it wait or fail, nor does the hourly housekeeping (it threw in its timer), and a save that cannot wait is refused as busy (503), not a
 * 500, with nothing written (db/busy.ts). Without this, each such write blocked the process's
 * one thread for busy_timeout, then threw SQLITE_BUSY.
 */
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, expect, test } from "vitest";
import { sessions, securityLog, meetings } from "~db/schema";
import { recordSecurityEvent, waitingSecurityEvents } from "~db/security-log";
import { writeTransaction } from "~/models/writes.server";
import { createSession, userForSession } from "~/models/sessions.server";
import { getDb } from "~/db.server";
import { housekeepHourly } from "~/housekeeping.server";
import { SYSTEM } from "~db/history";
import { accountFor } from "./support/accounts";
import { runDurableAction } from "./support/durable-action";

let other: Database.Database;
const client = () => getDb().$client;
const holdLock = () => other.exec("BEGIN IMMEDIATE");
const releaseLock = () => other.inTransaction && other.exec("COMMIT");

beforeEach(() => {
  other = new Database(process.env.DATABASE_PATH!);
  // Had the test's own connection SQLite's wait, each refused write here would take its length.
  client().pragma("busy_timeout = 100");
});

afterEach(() => {
  releaseLock();
  other.close();
  client().pragma("busy_timeout = 5000");
});

// The one session on file (each test that reads it makes it alone).
const lastSeen = () => getDb().select({ at: sessions.lastSeenAt }).from(sessions).get()?.at;

test("a session's use is answered while another holds the lock; its last use is written once the lock is free", async () => {
  const { id, email } = await accountFor("editor");
  const fiveMinutesAgo = new Date(Date.now() - 5 * 60 * 1000);
  getDb().delete(sessions).run();
  const token = createSession(id, fiveMinutesAgo);
  holdLock();
  expect(userForSession(token)?.email).toBe(email);
  expect(lastSeen()).toBe(fiveMinutesAgo.toISOString());
  releaseLock();
  expect(userForSession(token)?.email).toBe(email);
  expect(lastSeen()).not.toBe(fiveMinutesAgo.toISOString());
});

test("a security event waits in memory while another holds the lock, and is written with its own time after", async () => {
  const before = getDb().select().from(securityLog).all().length;
  const at = new Date();
  holdLock();
  expect(() =>
    recordSecurityEvent(getDb(), { event: "cross_site", address: "203.0.113.9", detail: "POST / from evil" }, at),
  ).not.toThrow();
  expect(waitingSecurityEvents()).toBe(1);
  expect(getDb().select().from(securityLog).all()).toHaveLength(before);
  releaseLock();
  await expect
    .poll(() => getDb().select().from(securityLog).where(eq(securityLog.address, "203.0.113.9")).all(), {
      timeout: 5_000,
    })
    .toMatchObject([{ event: "cross_site", at: at.toISOString(), count: 1 }]);
  expect(waitingSecurityEvents()).toBe(0);
});

test("a save that cannot wait for the lock is answered 503 and writes nothing", async () => {
  const count = () => getDb().select().from(meetings).all().length;
  const before = count();
  holdLock();
  const answer = await runDurableAction(
    async () =>
      writeTransaction(getDb(), SYSTEM, (tx) =>
        tx.insert(meetings).values({ date: "2026-12-01", language: "en", purpose: "Never saved" }).run(),
      ),
    () => async () => {},
  ).catch((thrown: unknown) => thrown);
  expect(answer).toBeInstanceOf(Response);
  expect((answer as Response).status).toBe(503);
  expect((answer as Response).headers.get("Retry-After")).toBe("10");
  releaseLock();
  expect(count()).toBe(before);
  expect(client().inTransaction).toBe(false);
});

test("the hourly housekeeping is put off while another holds the lock, and does its work once it is free", async () => {
  const { id } = await accountFor("viewer");
  getDb().delete(sessions).run();
  // Idle for a day: pruned by the housekeeping.
  createSession(id, new Date(Date.now() - 24 * 60 * 60 * 1000));
  holdLock();
  expect(housekeepHourly(getDb())).toBe(false);
  expect(getDb().select().from(sessions).all()).toHaveLength(1);
  releaseLock();
  expect(housekeepHourly(getDb())).toBe(true);
  expect(getDb().select().from(sessions).all()).toHaveLength(0);
});
