/**
 * The write lock held by another connection (another process serving the database, another
 * program): what a request writes on the side (a session's or a token's last use, the security
 * log) never makes it wait or fail, nor does the hourly housekeeping (it threw in its timer), and
 * a save that cannot wait is refused as busy (503), not a 500, with nothing written (db/busy.ts):
 * a form comes back as typed, saying so. Without this, each such write blocked the process's one
 * thread for busy_timeout, then threw SQLITE_BUSY; and the busy page lost what was typed.
 */
import Database from "better-sqlite3";
import { eq } from "drizzle-orm";
import type { ActionFunction } from "@remix-run/node";
import { afterEach, beforeEach, expect, test } from "vitest";
import { sessions, securityLog, meetings } from "~db/schema";
import { recordSecurityEvent, waitingSecurityEvents } from "~db/security-log";
import { writeTransaction } from "~/models/writes.server";
import { createSession, userForSession } from "~/models/sessions.server";
import { getDb } from "~/db.server";
import { housekeepHourly } from "~/housekeeping.server";
import { SYSTEM } from "~db/history";
import { accountFor } from "./support/accounts";
import { runDurableAction, servedAction } from "./support/durable-action";
import { submit } from "./support/forms";
import { partners } from "~db/schema";
import { TEST_PASSWORD } from "./support/factories";
import { action as newPartner } from "~/routes/partners.new";
import { action as signIn } from "~/routes/sign-in";

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

test("a form whose save finds the database busy comes back as typed, saying nothing was saved, in the reader's language", async () => {
  const count = () => getDb().select().from(partners).all().length;
  const before = count();
  const typed = { kind: "city", countryCode: "TR", nameKk: "Анкара", nameEn: "Ankara" };
  // Taken as the action starts: the request's session is made just before.
  const locked: ActionFunction = (args) => (holdLock(), servedAction(newPartner)(args));
  const busy = await submit(locked, "/partners/new", typed, { language: "kk" });
  expect(busy.status).toBe(503);
  expect(busy.reply?.result.error?.[""]).toEqual([
    "Дерекқорға қазір басқа бағдарлама жазып жатыр, сіздің өзгерісіңіз оны күте алмады: ештеңе сақталмады. Жазғаныңыз осында қалды: форманы біраздан соң қайта жіберіңіз.",
  ]);
  expect(busy.reply?.result.initialValue).toMatchObject(typed);
  releaseLock();
  const russian = await submit(locked, "/partners/new", typed, { language: "ru" });
  expect(russian.reply?.result.error?.[""]?.[0]).toMatch(/^В базу данных сейчас пишет другая программа/);
  releaseLock();
  expect(count()).toBe(before);
  expect(client().inTransaction).toBe(false);
  // Sent again once the lock is free, the same form is saved.
  const saved = await submit(servedAction(newPartner), "/partners/new", typed, { language: "kk" });
  expect(saved.status).toBe(302);
  expect(count()).toBe(before + 1);
});

test("a sign-in the database is busy for keeps the email typed, never the password", async () => {
  const { email } = await accountFor("editor");
  holdLock();
  const busy = await submit(servedAction(signIn), "/sign-in", { email, password: TEST_PASSWORD }, { as: null });
  releaseLock();
  expect(busy.status).toBe(503);
  expect(busy.reply?.result.error?.[""]?.[0]).toMatch(/^Another program is writing to the database/);
  expect(busy.reply?.result.initialValue).toMatchObject({ email });
  expect(JSON.stringify(busy.reply)).not.toContain(TEST_PASSWORD);
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
