/**
 * Accounts, sessions and sign-in: the rules a person meets, with the clock fixed where time
 * matters. Real hashes, real sessions, a real database.
 */
import { describe, expect, test, vi } from "vitest";
import { ensureFirstAdmin } from "~/models/users.server";
import { pruneExpired } from "~/housekeeping.server";
import { PasswordChangeSchema } from "~/forms/account";
import { currentUser, requireUser, sessionCookie } from "~/auth.server";
import { getDb } from "~/db.server";
import { authenticate, PAIR_FREE_TRIES } from "~/models/sign-in.server";
import { createSession, endSession, userForSession } from "~/models/sessions.server";
import {
  acceptInvitation,
  changePassword,
  createUser,
  disableUser,
  enableUser,
  invitationFor,
  inviteUser,
  setRole,
} from "~/models/users.server";
import { hashPassword, verifyPassword } from "~/utils/password.server";
import { action as signInAction } from "~/routes/sign-in";
import { accountFor, cookieFor, TEST_PASSWORD } from "./support/accounts";
import { submit } from "./support/forms";

// Every password check is a third of a second of scrypt, and seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const MINUTE = 60_000;
const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);
const events = (event: string) =>
  getDb().$client.prepare("select count(*) from security_log where event = ?").pluck().get(event) as number;

describe("passwords", () => {
  test("two 40-letter Cyrillic passwords that share their first 36 letters are not interchangeable", async () => {
    const common = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқ".slice(0, 36);
    expect(common).toHaveLength(36);
    const first = `${common}ңөұү`;
    const second = `${common}үұөң`;
    expect(Buffer.byteLength(first)).toBeGreaterThan(72); // past bcrypt's limit
    const hash = await hashPassword(first);
    expect(await verifyPassword(first, hash)).toBe(true);
    expect(await verifyPassword(second, hash)).toBe(false);
  });

  test("the same password typed in another Unicode form still matches", async () => {
    const composed = "Қайрат-йёл-2026".normalize("NFC");
    const decomposed = composed.normalize("NFD");
    expect(decomposed).not.toBe(composed);
    expect(await verifyPassword(decomposed, await hashPassword(composed))).toBe(true);
  });

  test("a new password needs 12 characters, and 64 or more are accepted whole", () => {
    const short = PasswordChangeSchema.safeParse({ current: "x", password: "қ".repeat(11), confirm: "қ".repeat(11) });
    expect(short.success).toBe(false);
    const long = "қ".repeat(200);
    const parsed = PasswordChangeSchema.safeParse({ current: "x", password: long, confirm: long });
    expect(parsed.success && parsed.data.password).toBe(long);
    const mismatch = PasswordChangeSchema.safeParse({
      current: "x",
      password: "қ".repeat(12),
      confirm: "қ".repeat(13),
    });
    expect(mismatch.success).toBe(false);
  });

  test("hashes are salted and keep their parameters", async () => {
    const [a, b] = await Promise.all([hashPassword(TEST_PASSWORD), hashPassword(TEST_PASSWORD)]);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$3\$/);
  });
});

describe("sessions", () => {
  test("a session ends after 30 minutes without a request", async () => {
    const { id } = await accountFor("viewer");
    const start = new Date("2026-03-01T09:00:00Z");
    const token = createSession(id, start);
    expect(userForSession(token, at(start, 29))?.id).toBe(id);
    // The request at 29 minutes counts: the next 29 are fine, 31 more are not.
    expect(userForSession(token, at(start, 58))?.id).toBe(id);
    expect(userForSession(token, at(start, 89))).toBeNull();
    // And it is gone for good, not just refused this once.
    expect(userForSession(token, at(start, 59))).toBeNull();
  });

  test("a session ends 12 hours after sign-in, however busy", async () => {
    const { id } = await accountFor("viewer");
    const start = new Date("2026-03-02T06:00:00Z");
    const token = createSession(id, start);
    for (let minutes = 20; minutes < 12 * 60; minutes += 20)
      expect(userForSession(token, at(start, minutes))?.id).toBe(id);
    expect(userForSession(token, at(start, 12 * 60))).toBeNull();
  });

  test("signing out ends the session on the server, not only in the browser", async () => {
    const { id } = await accountFor("viewer");
    const token = createSession(id);
    endSession(token);
    expect(userForSession(token)).toBeNull();
  });

  test("disabling an account signs it out everywhere at once, and it cannot sign in again until enabled", async () => {
    const admin = await accountFor("admin");
    const id = await createUser({
      email: "leaving@test.kezdesu",
      name: "Leaving",
      role: "editor",
      password: TEST_PASSWORD,
    });
    const phone = createSession(id);
    const laptop = createSession(id);
    expect(disableUser(id, admin.id)).toEqual({ ok: true });
    expect(userForSession(phone)).toBeNull();
    expect(userForSession(laptop)).toBeNull();
    expect(await authenticate({ email: "leaving@test.kezdesu", password: TEST_PASSWORD, address: "10.0.0.9" })).toEqual(
      { ok: false, reason: "invalid" },
    );
    enableUser(id, admin.id);
    expect(
      (await authenticate({ email: "leaving@test.kezdesu", password: TEST_PASSWORD, address: "10.0.0.9" })).ok,
    ).toBe(true);
  });

  test("changing a password ends every session of the account", async () => {
    const id = await createUser({
      email: "changer@test.kezdesu",
      name: "Changer",
      role: "viewer",
      password: TEST_PASSWORD,
    });
    const other = createSession(id);
    await changePassword(id, "a brand new passphrase");
    expect(userForSession(other)).toBeNull();
    expect(
      (await authenticate({ email: "changer@test.kezdesu", password: TEST_PASSWORD, address: "10.0.0.8" })).ok,
    ).toBe(false);
    expect(
      (await authenticate({ email: "changer@test.kezdesu", password: "a brand new passphrase", address: "10.0.0.8" }))
        .ok,
    ).toBe(true);
  });

  test("the cookie is HttpOnly, SameSite=Lax, signed, for the whole site, and lasts no longer than a session", async () => {
    const header = await sessionCookie.serialize("token");
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Lax/);
    expect(header).toMatch(/Path=\//);
    expect(header).toMatch(/Max-Age=43200/);
    // Signed: a token the server did not sign is not read.
    const forged = header.replace(/^([^=]+)=[^;]+/, "$1=forged.token");
    expect(
      await currentUser(new Request("http://localhost/", { headers: { Cookie: forged.split(";")[0] } })),
    ).toBeNull();
  });

  test("a role is checked on every request: a demoted editor is refused at once", async () => {
    const admin = await accountFor("admin");
    const id = await createUser({
      email: "demoted@test.kezdesu",
      name: "Demoted",
      role: "editor",
      password: TEST_PASSWORD,
    });
    const cookie = await sessionCookie.serialize(createSession(id));
    const request = () => new Request("http://localhost/meetings/new", { headers: { Cookie: cookie } });
    expect((await requireUser(request(), "editor")).id).toBe(id);
    setRole(id, "viewer", admin.id);
    await expect(requireUser(request(), "editor")).rejects.toMatchObject({ status: 403 });
    expect(events("forbidden")).toBeGreaterThan(0);
  });

  test("the last administrator cannot be demoted or disabled", async () => {
    const admin = await accountFor("admin");
    expect(setRole(admin.id, "viewer", admin.id)).toEqual({ ok: false, reason: "lastAdmin" });
    expect(disableUser(admin.id, admin.id)).toEqual({ ok: false, reason: "lastAdmin" });
  });
});

describe("invitations", () => {
  test("an invitation link works once, and not after a week", async () => {
    const admin = await accountFor("admin");
    const { token } = inviteUser({ email: "New.Person@Test.Kezdesu", name: "New Person", role: "editor" }, admin.id);
    expect(invitationFor(token, new Date(Date.now() + 8 * 24 * 60 * MINUTE))).toBeNull();
    const id = await acceptInvitation(token, { name: "Жаңа Адам", password: "менің құпиясөзім" });
    expect(id).toBeTypeOf("number");
    expect(await acceptInvitation(token, { name: "Someone else", password: "another password" })).toBeNull();
    // Emails are one account however they are capitalised.
    const result = await authenticate({
      email: "new.person@test.kezdesu",
      password: "менің құпиясөзім",
      address: "10.0.0.7",
    });
    expect(result.ok).toBe(true);
  });
});

describe("signing in", () => {
  const signIn = (email: string, password: string) =>
    submit(signInAction, "/sign-in", { email, password }, { as: null });

  test("a wrong password and an unknown account get the same answer", async () => {
    const { email } = await accountFor("editor");
    const wrong = await signIn(email, "not the password");
    const unknown = await signIn("nobody@test.kezdesu", "not the password");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.reply?.result.error?.[""]).toEqual(["The email or the password is wrong."]);
    expect(unknown.reply?.result.error).toEqual(wrong.reply?.result.error);
    // The password typed never comes back to the browser.
    expect(JSON.stringify(wrong.reply)).not.toContain("not the password");
  });

  test("the right password signs in: a new session cookie and the page asked for", async () => {
    const { email } = await accountFor("editor");
    const outcome = await submit(
      signInAction,
      "/sign-in",
      { email, password: TEST_PASSWORD, redirectTo: "/meetings?year=2017" },
      { as: null },
    );
    expect(outcome.status).toBe(302);
    expect(outcome.location).toBe("/meetings?year=2017");
    const away = await submit(
      signInAction,
      "/sign-in",
      { email, password: TEST_PASSWORD, redirectTo: "//evil.example/" },
      { as: null },
    );
    expect(away.location).toBe("/");
  });

  test("an account that does not exist is throttled the same way, so throttling tells nothing", async () => {
    const { email } = await accountFor("editor");
    const start = new Date("2026-05-02T10:00:00Z");
    const tries = async (who: string) => {
      const results = [];
      for (let i = 0; i < 5; i++)
        results.push(await authenticate({ email: who, password: "x", address: "10.2.0.1" }, at(start, 0)));
      return results;
    };
    const known = await tries(email);
    expect(known.map((r) => r.ok || r.reason)).toEqual(["invalid", "invalid", "invalid", "throttled", "throttled"]);
    expect(await tries("ghost@test.kezdesu")).toEqual(known);
  });

  test("the throttled message is in the reader's language", async () => {
    // A minute ahead, so the wait is not over by the time the page is asked, however slow the machine.
    const ahead = new Date(Date.now() + MINUTE);
    for (let i = 0; i < PAIR_FREE_TRIES; i++)
      await authenticate({ email: "kk@test.kezdesu", password: "x", address: "10.4.0.1" }, ahead);
    const outcome = await submit(
      signInAction,
      "/sign-in",
      { email: "kk@test.kezdesu", password: "x" },
      { as: null, language: "kk", address: "10.4.0.1" },
    );
    expect(outcome.status).toBe(429);
    expect(outcome.reply?.result.error?.[""]).toEqual([
      expect.stringMatching(/^Сәтсіз әрекеттер тым көп\. Қайталау үшін күтіңіз: \d+ секунд\.$/),
    ]);
  });
});

describe("the first administrator", () => {
  test("a generated first password works once and must then be replaced before anything else", async () => {
    const db = getDb();
    const taken = db.$client.prepare("select count(*) from users").pluck().get() as number;
    // Only a database with no accounts gets one.
    if (taken > 0) expect(await ensureFirstAdmin(db, {})).toBeNull();
    db.$client.exec("create temp table kept_users as select * from users");
    const admin = await (async () => {
      db.$client.pragma("foreign_keys = OFF");
      db.$client.exec("delete from users");
      try {
        return (await ensureFirstAdmin(db, {}))!;
      } finally {
        db.$client.pragma("foreign_keys = ON");
      }
    })();
    expect(admin.email).toBe("admin@kezdesu.local");
    expect(admin.password).toMatch(/^[\w-]{16}$/);
    const signedIn = await authenticate({ email: admin.email, password: admin.password!, address: "10.9.0.1" });
    expect(signedIn.ok).toBe(true);
    const id = signedIn.ok ? signedIn.user.id : 0;
    const cookie = await sessionCookie.serialize(createSession(id));
    const request = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
    await expect(requireUser(request("/meetings"))).rejects.toMatchObject({
      status: 302,
      headers: expect.any(Headers),
    });
    expect(
      ((await requireUser(request("/meetings")).catch((r: Response) => r)) as Response).headers.get("Location"),
    ).toBe("/account/password");
    expect((await requireUser(request("/account/password"))).id).toBe(id);
    await changePassword(id, "my own passphrase");
    const fresh = await sessionCookie.serialize(createSession(id));
    expect((await requireUser(new Request("http://localhost/meetings", { headers: { Cookie: fresh } }))).id).toBe(id);
    db.$client.pragma("foreign_keys = OFF");
    db.$client.exec("delete from users; insert into users select * from kept_users; drop table kept_users");
    db.$client.pragma("foreign_keys = ON");
  });

  test("ADMIN_EMAIL and ADMIN_PASSWORD are used as given, with no forced change", async () => {
    const db = getDb();
    db.$client.exec("create temp table kept_users as select * from users");
    db.$client.pragma("foreign_keys = OFF");
    db.$client.exec("delete from users");
    const admin = await ensureFirstAdmin(db, { email: "Boss@Astana.kz", password: "Астана-2017-пароль" });
    expect(admin).toEqual({ email: "boss@astana.kz", password: null });
    const row = db.$client.prepare("select role, must_change_password from users").get();
    expect(row).toEqual({ role: "admin", must_change_password: 0 });
    db.$client.exec("delete from users; insert into users select * from kept_users; drop table kept_users");
    db.$client.pragma("foreign_keys = ON");
  });
});

test("housekeeping forgets expired sessions and old failures, and nothing else", async () => {
  const { id } = await accountFor("viewer");
  const start = new Date("2026-06-01T08:00:00Z");
  const stale = createSession(id, start);
  const fresh = createSession(id, at(start, 50));
  expect(pruneExpired(getDb(), at(start, 60)).sessions).toBeGreaterThanOrEqual(1);
  expect(userForSession(stale, at(start, 61))).toBeNull();
  expect(userForSession(fresh, at(start, 61))?.id).toBe(id);
});

test("a signed-in request carries a working session", async () => {
  const cookie = await cookieFor("viewer");
  const user = await currentUser(new Request("http://localhost/", { headers: { Cookie: cookie } }));
  expect(user?.role).toBe("viewer");
});

// The session's token is kept per Cookie header once read (app/auth.server.ts): what is kept
// must never let in a request the cookie alone would not.
describe("a Cookie header read before", () => {
  const asking = (cookie: string) => currentUser(new Request("http://localhost/", { headers: { Cookie: cookie } }));

  test("signed out, it is refused at once", async () => {
    const { id } = await accountFor("editor");
    const token = createSession(id);
    const cookie = await sessionCookie.serialize(token);
    expect((await asking(cookie))?.id).toBe(id);
    expect((await asking(cookie))?.id).toBe(id);
    endSession(token);
    expect(await asking(cookie)).toBeNull();
  });

  test("with its signature changed by one character, or its value by one, it is refused every time", async () => {
    const cookie = (await cookieFor("admin")).split(";")[0];
    expect((await asking(cookie))?.role).toBe("admin");
    const [name, value] = [cookie.slice(0, cookie.indexOf("=")), cookie.slice(cookie.indexOf("=") + 1)];
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    for (const forged of [`${name}=${flip(value, value.length - 2)}`, `${name}=${flip(value, 2)}`]) {
      expect(await asking(forged)).toBeNull();
      expect(await asking(forged)).toBeNull();
    }
    // Another session's cookie beside a forged one: the first of the name is the one read.
    expect(await asking(`${name}=${flip(value, 2)}; ${cookie}`)).toBeNull();
    expect((await asking(`${cookie}; ${name}=${flip(value, 2)}`))?.role).toBe("admin");
  });

  test("with other cookies beside it, it is the same session", async () => {
    const cookie = (await cookieFor("viewer")).split(";")[0];
    expect((await asking(`lng=ImVuIg%3D%3D; ${cookie}`))?.role).toBe("viewer");
    expect((await asking(`${cookie}; lng=ImtrIg%3D%3D`))?.role).toBe("viewer");
  });
});
