/**
 * Issue 12.9: the security log must not grow with every request an attacker sends. Repeats of a
 * refusal from one source are counted in one row; rows past the retention period are pruned by
 * the hourly housekeeping; the log stays append-only for everything else.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { describe, expect, test } from "vitest";
import { migrationsFolder, openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import { pruneExpired } from "~/housekeeping.server";
import { REPEAT_WINDOW_MS } from "~db/security-log";
import { getDb } from "~/db.server";
import { parseEnv } from "~/env.server";
import { listSecurityEvents, logSecurityEvent } from "~/models/security-log.server";
import { loader as securityPageLoader } from "~/routes/admin.security";
import { cookieFor } from "../support/accounts";

const DAY = 24 * 3600 * 1000;
const sqlite = () => getDb().$client;
const rowsFrom = (address: string) =>
  sqlite()
    .prepare(
      "select event, count, at, last_seen_at as lastSeenAt, detail from security_log where address = ? order by id",
    )
    .all(address) as Array<{
    event: string;
    count: number;
    at: string;
    lastSeenAt: string;
    detail: string | null;
  }>;

describe("repeats are counted, not written out", () => {
  test("3000 cross-site refusals from one address make one row that counts 3000", () => {
    const start = Date.now();
    for (let i = 0; i < 3000; i++) {
      logSecurityEvent(
        { event: "cross_site", address: "203.0.113.7", detail: "POST /meetings/1/delete from https://evil.example" },
        new Date(start + i),
      );
    }
    const rows = rowsFrom("203.0.113.7");
    expect(rows).toHaveLength(1);
    expect(rows[0].count).toBe(3000);
    expect(rows[0].at).toBe(new Date(start).toISOString());
    expect(rows[0].lastSeenAt).toBe(new Date(start + 2999).toISOString());
  }, 60_000);

  test("another address, another request or another event is its own row", () => {
    const now = new Date();
    logSecurityEvent({ event: "cross_site", address: "203.0.113.8", detail: "POST /a from x" }, now);
    logSecurityEvent({ event: "cross_site", address: "203.0.113.8", detail: "POST /b from x" }, now);
    logSecurityEvent({ event: "sign_in_failed", address: "203.0.113.8", email: "a@test.kezdesu" }, now);
    logSecurityEvent({ event: "sign_in_failed", address: "203.0.113.8", email: "b@test.kezdesu" }, now);
    logSecurityEvent({ event: "cross_site", address: "203.0.113.9", detail: "POST /a from x" }, now);
    expect(rowsFrom("203.0.113.8").map((r) => r.count)).toEqual([1, 1, 1, 1]);
    expect(rowsFrom("203.0.113.9")).toHaveLength(1);
  });

  test("a repeat more than ten minutes after the row's first sighting starts a new row", () => {
    const start = Date.now() - 3600_000;
    const entry = { event: "sign_in_failed", address: "203.0.113.10", email: "x@test.kezdesu" } as const;
    logSecurityEvent(entry, new Date(start));
    logSecurityEvent(entry, new Date(start + REPEAT_WINDOW_MS - 1));
    logSecurityEvent(entry, new Date(start + REPEAT_WINDOW_MS + 1));
    expect(rowsFrom("203.0.113.10").map((r) => r.count)).toEqual([2, 1]);
  });

  test("sign-ins and account changes keep a row each: their order matters", () => {
    const now = new Date();
    logSecurityEvent({ event: "backup_taken", address: "203.0.113.11" }, now);
    logSecurityEvent({ event: "backup_taken", address: "203.0.113.11" }, now);
    expect(rowsFrom("203.0.113.11")).toHaveLength(2);
  });

  test("the administrators' page shows how many times, and when last", async () => {
    const start = Date.now();
    for (let i = 0; i < 5; i++)
      logSecurityEvent(
        { event: "cross_site", address: "203.0.113.12", detail: "POST /x from y" },
        new Date(start + i * 1000),
      );
    const page = listSecurityEvents({ page: 1 });
    const row = page.items.find((item) => item.address === "203.0.113.12");
    expect(row).toMatchObject({
      count: 5,
      at: new Date(start).toISOString(),
      lastSeenAt: new Date(start + 4000).toISOString(),
    });
    const cookie = await cookieFor("admin");
    const data = await securityPageLoader({
      request: new Request("http://localhost/admin/security", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(data.page.items.find((item) => item.address === "203.0.113.12")?.count).toBe(5);
  });
});

describe("old rows are pruned", () => {
  test("the hourly housekeeping deletes rows last seen before the retention period, and keeps the rest", () => {
    const now = new Date();
    const ago = (days: number) => new Date(now.getTime() - days * DAY);
    logSecurityEvent({ event: "sign_in_failed", address: "198.51.100.1" }, ago(120));
    // First seen long ago, but seen again lately: kept.
    logSecurityEvent({ event: "cross_site", address: "198.51.100.2", detail: "POST /old from x" }, ago(91));
    sqlite()
      .prepare("update security_log set last_seen_at = ? where address = '198.51.100.2'")
      .run(ago(89).toISOString());
    logSecurityEvent({ event: "sign_in", address: "198.51.100.3" }, ago(30));
    logSecurityEvent({ event: "sign_in", address: "198.51.100.4" }, ago(1));

    expect(pruneExpired(getDb(), now).securityLog).toBe(1);
    expect(rowsFrom("198.51.100.1")).toHaveLength(0);
    expect(rowsFrom("198.51.100.2")).toHaveLength(1);
    expect(rowsFrom("198.51.100.3")).toHaveLength(1);

    // SECURITY_LOG_RETENTION_DAYS=14, say.
    pruneExpired(getDb(), now, 14);
    expect(rowsFrom("198.51.100.2")).toHaveLength(0);
    expect(rowsFrom("198.51.100.3")).toHaveLength(0);
    expect(rowsFrom("198.51.100.4")).toHaveLength(1);
  });

  test("SECURITY_LOG_RETENTION_DAYS defaults to 90 and cannot be under a week", () => {
    expect(parseEnv({}).SECURITY_LOG_RETENTION_DAYS).toBe(90);
    expect(parseEnv({ SECURITY_LOG_RETENTION_DAYS: "365" }).SECURITY_LOG_RETENTION_DAYS).toBe(365);
    expect(() => parseEnv({ SECURITY_LOG_RETENTION_DAYS: "3" })).toThrow(/SECURITY_LOG_RETENTION_DAYS/);
  });
});

describe("still append-only for everything else", () => {
  test.each([
    ["what happened", "update security_log set event = 'sign_in' where address = ?"],
    ["where from", "update security_log set address = '10.0.0.1' where address = ?"],
    ["the first sighting", "update security_log set at = '2020-01-01T00:00:00.000Z' where address = ?"],
    ["a smaller count", "update security_log set count = 1 where address = ?"],
    ["an earlier last sighting", "update security_log set last_seen_at = '2020-01-01T00:00:00.000Z' where address = ?"],
    ["a row seen this week", "delete from security_log where address = ?"],
  ])("changing %s is refused", (_, statement) => {
    const address = `192.0.2.1 (${statement})`;
    logSecurityEvent({ event: "forbidden", address });
    logSecurityEvent({ event: "forbidden", address });
    expect(() => sqlite().prepare(statement).run(address)).toThrow(/append-only/);
    expect(rowsFrom(address)).toMatchObject([{ event: "forbidden", count: 2 }]);
  });
});

test("the migration keeps the rows it finds: each counts once, last seen when first seen", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-security-log-"));
  try {
    // The migrations as they stood before this one.
    const before = path.join(dir, "migrations");
    fs.cpSync(migrationsFolder(), before, { recursive: true });
    const journalFile = path.join(before, "meta/_journal.json");
    const journal = JSON.parse(fs.readFileSync(journalFile, "utf8")) as { entries: Array<{ tag: string }> };
    const cut = journal.entries.findIndex((entry) => entry.tag === "0017_security_log_counts");
    expect(cut).toBeGreaterThan(0);
    fs.writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));

    const db = openDatabase(path.join(dir, "old.db"));
    migrate(db, { migrationsFolder: before });
    db.$client
      .prepare(
        "insert into security_log (at, event, address, detail) values ('2026-11-30T08:00:00.000Z', 'cross_site', '10.9.9.9', 'POST /x')",
      )
      .run();
    db.$client.prepare("insert into security_log (event, email) values ('sign_in_failed', 'who@test.kezdesu')").run();
    migrateDatabase(db);
    const rows = db.$client
      .prepare("select at, last_seen_at as lastSeenAt, count from security_log order by id")
      .all() as Array<{ at: string; lastSeenAt: string; count: number }>;
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toEqual({ at: row.at, lastSeenAt: row.at, count: 1 });
    db.$client.close();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
