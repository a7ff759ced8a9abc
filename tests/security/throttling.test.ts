/**
 * Issue 12.8: failed passwords slow the guesser down without handing anyone a way to lock an
 * account's owner out. Real hashes and a real database; the clock is fixed where time matters,
 * and the account-wide slowdown is recorded instead of slept.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { describe, expect, test, vi } from "vitest";
import { sessionCookie } from "~/auth.server";
import { getDb } from "~/db.server";
import { parseEnv } from "~/env.server";
import {
  accountSlowdown,
  ADDRESS_LIMIT,
  authenticate,
  checkCurrentPassword,
  FAILURE_WINDOW_MS,
  PAIR_FREE_TRIES,
  pairWait,
} from "~/models/sign-in.server";
import { createSession } from "~/models/sessions.server";
import { createUser } from "~/models/users.server";
import { action as changePasswordAction } from "~/routes/account.password";
import { action as signInAction } from "~/routes/sign-in";
import { accountFor, TEST_PASSWORD } from "../support/accounts";
import { formRequest, submit } from "../support/forms";

// Every password check is a third of a second of scrypt, and much more on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const SECOND = 1000;
const after = (start: Date, seconds: number) => new Date(start.getTime() + seconds * SECOND);
const reasons = (results: Array<{ ok: boolean; reason?: string }>) => results.map((r) => (r.ok ? "ok" : r.reason));
const noWait = () => Promise.resolve();

describe("signing in", () => {
  test("five wrong passwords from one address do not keep the owner out from another, the administrator included", async () => {
    const { email, id } = await accountFor("admin");
    const start = new Date("2026-08-01T10:00:00Z");
    for (let i = 0; i < 5; i++)
      await authenticate({ email, password: `guess ${i}`, address: "198.51.100.66" }, after(start, i), {
        wait: noWait,
      });
    const owner = await authenticate({ email, password: TEST_PASSWORD, address: "10.20.0.1" }, after(start, 6), {
      wait: noWait,
    });
    expect(owner).toEqual({ ok: true, user: { id, role: "admin" } });
    // Through the sign-in page as well: the owner gets a session.
    for (let i = 0; i < 5; i++)
      await submit(signInAction, "/sign-in", { email, password: "wrong" }, { as: null, address: "198.51.100.67" });
    expect(
      (await submit(signInAction, "/sign-in", { email, password: TEST_PASSWORD }, { as: null, address: "10.20.0.2" }))
        .status,
    ).toBe(302);
  });

  test("tries from one address at one account wait longer each time, and one before its time is not checked", async () => {
    await createUser({ email: "guessed@test.kezdesu", name: "Guessed", role: "viewer", password: TEST_PASSWORD });
    const start = new Date("2026-08-02T10:00:00Z");
    const attempt = (password: string, seconds: number) =>
      authenticate({ email: "guessed@test.kezdesu", password, address: "198.51.100.7" }, after(start, seconds), {
        wait: noWait,
      });
    const free = [];
    for (let i = 0; i < PAIR_FREE_TRIES; i++) free.push(await attempt(`guess ${i}`, 0));
    expect(reasons(free)).toEqual(["invalid", "invalid", "invalid"]);

    let t = 0;
    const waits = [];
    for (const failures of [3, 4, 5, 6]) {
      // Too soon: refused with the time left, even with the right password.
      expect(await attempt(TEST_PASSWORD, t + 1)).toEqual({
        ok: false,
        reason: "throttled",
        seconds: pairWait(failures) - 1,
      });
      t += pairWait(failures);
      waits.push(pairWait(failures));
      expect(await attempt(`guess at ${t}`, t)).toEqual({ ok: false, reason: "invalid" });
    }
    expect(waits).toEqual([2, 4, 8, 16]);
    // The owner, from there, after the wait: in, and the count starts afresh.
    t += pairWait(7);
    expect((await attempt(TEST_PASSWORD, t)).ok).toBe(true);
    expect(reasons([await attempt("again wrong", t)])).toEqual(["invalid"]);
  });

  test("the waits stop growing at five minutes, and failures are forgotten after a quarter of an hour", async () => {
    expect([1, 2, 3, 4, 5, 10, 20].map(pairWait)).toEqual([0, 0, 2, 4, 8, 256, 300]);
    const start = new Date("2026-08-02T12:00:00Z");
    const attempt = (seconds: number) =>
      authenticate(
        { email: "forgotten@test.kezdesu", password: "guess", address: "198.51.100.12" },
        after(start, seconds),
        { wait: noWait },
      );
    const tries = [];
    for (let i = 0; i < PAIR_FREE_TRIES + 1; i++) tries.push(await attempt(0));
    const later = FAILURE_WINDOW_MS / SECOND + 1;
    for (let i = 0; i < PAIR_FREE_TRIES + 1; i++) tries.push(await attempt(later));
    expect(reasons(tries)).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "throttled",
      "invalid",
      "invalid",
      "invalid",
      "throttled",
    ]);
  });

  test("tries sent all at once from one address wait their turn as tries one after another would", async () => {
    const start = new Date("2026-08-03T10:00:00Z");
    const burst = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        authenticate({ email: "burst@test.kezdesu", password: `guess ${i}`, address: "198.51.100.8" }, start, {
          wait: noWait,
        }),
      ),
    );
    expect(reasons(burst)).toEqual([
      "invalid",
      "invalid",
      "invalid",
      "throttled",
      "throttled",
      "throttled",
      "throttled",
      "throttled",
    ]);
  });

  test("failures from many addresses only slow an account down: the owner still gets in", async () => {
    const { id } = await accountFor("viewer");
    const email = "viewer@test.kezdesu";
    const start = new Date("2026-08-04T10:00:00Z");
    for (let i = 0; i < 12; i++) {
      expect(
        reasons([await authenticate({ email, password: "guess", address: `172.16.0.${i}` }, start, { wait: noWait })]),
      ).toEqual(["invalid"]);
    }
    const waited: number[] = [];
    const wait = (ms: number) => Promise.resolve(waited.push(ms));
    expect(
      await authenticate({ email, password: TEST_PASSWORD, address: "10.30.0.1" }, after(start, 1), { wait }),
    ).toEqual({ ok: true, user: { id, role: "viewer" } });
    expect(waited).toEqual([accountSlowdown(12) * SECOND]);
    expect([9, 10, 11, 12, 13, 14, 30].map(accountSlowdown)).toEqual([0, 1, 2, 4, 8, 10, 10]);
  });

  test("one address spraying many accounts is stopped at a ceiling; others are not", async () => {
    // A hundred in production, generous for an office behind one address; five here, as a
    // hundred password checks take minutes on a busy machine.
    expect(ADDRESS_LIMIT).toBe(100);
    const options = { wait: noWait, addressLimit: 5 };
    const start = new Date("2026-08-05T10:00:00Z");
    await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        authenticate(
          { email: `spray${i}@test.kezdesu`, password: "Summer2026!", address: "198.51.100.9" },
          start,
          options,
        ),
      ),
    );
    const { email } = await accountFor("editor");
    const refused = await authenticate(
      { email, password: TEST_PASSWORD, address: "198.51.100.9" },
      after(start, 60),
      options,
    );
    expect(refused).toEqual({ ok: false, reason: "throttled", seconds: 15 * 60 - 60 });
    expect(
      (await authenticate({ email, password: TEST_PASSWORD, address: "198.51.100.10" }, after(start, 60), options)).ok,
    ).toBe(true);
    // One log row counts the refusals of the address, whichever accounts it tries next.
    await authenticate(
      { email: "spray-more@test.kezdesu", password: "x", address: "198.51.100.9" },
      after(start, 61),
      options,
    );
    const rows = getDb()
      .$client.prepare("select count from security_log where event = 'locked_out' and address = '198.51.100.9'")
      .pluck()
      .all();
    expect(rows).toEqual([2]);
  });
});

describe("changing the password", () => {
  test("wrong current passwords are throttled as sign-ins are, and the refusal is in the reader's language", async () => {
    const id = await createUser({
      email: "stolen-session@test.kezdesu",
      name: "Stolen",
      role: "editor",
      password: TEST_PASSWORD,
    });
    const cookie = await sessionCookie.serialize(createSession(id));
    const change = (current: string, language = "en") =>
      changePasswordAction({
        request: formRequest(
          "/account/password",
          { current, password: "a new passphrase for me", confirm: "a new passphrase for me" },
          language,
          cookie,
        ),
        params: {},
        context: { clientAddress: "198.51.100.11" },
      }) as Promise<{ data: { result: { error?: Record<string, string[]> } }; init?: { status?: number } }>;
    for (let i = 0; i < PAIR_FREE_TRIES; i++) {
      const wrong = await change(`guess ${i}`);
      expect(wrong.init?.status).toBe(400);
      expect(wrong.data.result.error?.current).toEqual(["This is not your current password."]);
    }
    // Two more, each after its wait (2 s, then 4 s): the next must wait 8 s, a wait the
    // slowest machine will not have sat through before the request below.
    const soon = Date.now();
    for (const seconds of [2, 6]) {
      expect(
        await checkCurrentPassword(
          { userId: id, password: "guess", address: "198.51.100.11" },
          new Date(soon + seconds * SECOND),
        ),
      ).toEqual({ ok: false, reason: "invalid" });
    }
    const throttled = await change(TEST_PASSWORD, "ru");
    expect(throttled.init?.status).toBe(429);
    expect(throttled.data.result.error?.current).toEqual([
      expect.stringMatching(/^Слишком много неудачных попыток\. До следующей попытки осталось: \d+ секунд[аы]?\.$/),
    ]);
    const logged = getDb()
      .$client.prepare("select event, count from security_log where user_id = ? order by id")
      .all(id);
    expect(logged).toEqual([
      { event: "password_change_failed", count: PAIR_FREE_TRIES + 2 },
      { event: "locked_out", count: 1 },
    ]);
  });
});

describe("the address behind a reverse proxy", () => {
  /** What express, set as server.ts sets it, takes for the client's address. */
  async function addressSeen(trustProxy: string | undefined, forwardedFor: string) {
    const app = express();
    app.set("trust proxy", parseEnv({ TRUST_PROXY: trustProxy }).TRUST_PROXY);
    app.get("/", (req, res) => void res.send(req.ip));
    const server = http.createServer(app).listen(0, "127.0.0.1");
    await new Promise((resolve) => server.once("listening", resolve));
    try {
      const { port } = server.address() as AddressInfo;
      return await (await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forwardedFor } })).text();
    } finally {
      server.close();
    }
  }

  test("X-Forwarded-For is ignored unless TRUST_PROXY says which proxies to believe", async () => {
    expect(await addressSeen(undefined, "203.0.113.50")).toBe("127.0.0.1");
    expect(await addressSeen("off", "203.0.113.50")).toBe("127.0.0.1");
    expect(await addressSeen("1", "203.0.113.50")).toBe("203.0.113.50");
    expect(await addressSeen("loopback", "198.51.100.1, 203.0.113.50")).toBe("203.0.113.50");
    // A proxy we were not told about is not believed.
    expect(await addressSeen("10.0.0.1", "203.0.113.50")).toBe("127.0.0.1");
  });

  test("TRUST_PROXY refuses values that would believe everyone or are not addresses", () => {
    for (const value of ["true", "all", "10.0.0.300", "10.0.0.0/33", "proxy.example"]) {
      expect(() => parseEnv({ TRUST_PROXY: value }), value).toThrow(/TRUST_PROXY/);
    }
    expect(parseEnv({ TRUST_PROXY: "10.0.0.0/8, loopback" }).TRUST_PROXY).toEqual(["10.0.0.0/8", "loopback"]);
  });
});
