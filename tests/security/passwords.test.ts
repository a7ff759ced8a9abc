/**
 * Issue 12.7: new passwords follow ASVS 2.1: at least 12 characters as a person counts them,
 * any script, long passphrases welcome, and not a common or leaked password or the account's
 * own email or name. Through the real actions, with real hashes, in the reader's language.
 */
import { describe, expect, test, vi } from "vitest";
import { ensureFirstAdmin } from "~/models/users.server";
import { sessionCookie } from "~/auth.server";
import { getDb } from "~/db.server";
import { parseEnv } from "~/env.server";
import { authenticate } from "~/models/sign-in.server";
import { createSession } from "~/models/sessions.server";
import { createUser, inviteUser } from "~/models/users.server";
import { action as changePasswordAction } from "~/routes/account.password";
import { action as acceptInvitationAction } from "~/routes/invite.$token";
import { passwordLength } from "~/utils/password-length";
import { judgePassword } from "~/utils/password-strength";
import { accountFor, TEST_PASSWORD } from "../support/accounts";
import { formRequest } from "../support/forms";

// Every password check is a third of a second of scrypt, and seconds on a busy machine.
vi.setConfig({ testTimeout: 120_000 });

const SHORT = "Use at least 12 characters.";
const PERSONAL = "Do not use your email or your name as the password.";
const COMMON =
  "This password is too easy to guess: it is common, has leaked, or is close to one that has. Choose another; a few unrelated words make a good password.";

type Reply = { data: { result: { error?: Record<string, string[]> } }; init?: { status?: number } } | Response;

let accounts = 0;
/** A fresh account, signed in, changing its password to `password` (or one made from its email). */
async function changeTo(chosen: string | ((email: string) => string), language = "en") {
  const email = `changer${++accounts}@test.kezdesu`;
  const password = typeof chosen === "string" ? chosen : chosen(email);
  const id = await createUser({ email, name: "Сәуле Жұмабекова", role: "viewer", password: TEST_PASSWORD });
  const cookie = await sessionCookie.serialize(createSession(id));
  const reply = (await changePasswordAction({
    request: formRequest(
      "/account/password",
      { current: TEST_PASSWORD, password, confirm: password },
      language,
      cookie,
    ),
    params: {},
    context: { clientAddress: `10.77.0.${accounts}` },
  })) as Reply;
  if (reply instanceof Response) return { status: reply.status, errors: undefined, email };
  return { status: reply.init?.status ?? 200, errors: reply.data.result.error?.password, email };
}

describe("a new password is refused", () => {
  test.each([
    ["eight digits", "12345678", SHORT],
    ["the most common word", "password", SHORT],
    ["eight spaces", "        ", SHORT],
    ["four emoji (eight UTF-16 units)", "😀🎉🔒🚀", SHORT],
    ["eleven Kazakh letters", "әғқңөұүһіаз", SHORT],
    ["a common password of twelve", "123456789012", COMMON],
    ["a leaked password with its case changed", "1Q2W3E4R5T6Y", COMMON],
    ["a small change to a common one", "password1234", COMMON],
    ["twelve spaces", "            ", COMMON],
    ["a repeat", "абабабабабаб", COMMON],
  ])("%s", async (_, password, message) => {
    const { status, errors } = await changeTo(password);
    expect(status).toBe(400);
    expect(errors).toEqual([message]);
  });

  test("the account's own email, in any case, or its name", async () => {
    expect(await changeTo((email) => email.toUpperCase())).toMatchObject({ status: 400, errors: [PERSONAL] });
    expect(await changeTo("Сәуле Жұмабекова")).toMatchObject({ status: 400, errors: [PERSONAL] });
  });

  test("in the reader's language", async () => {
    expect((await changeTo("12345678", "kk")).errors).toEqual(["Кемінде 12 таңба жазыңыз."]);
    expect((await changeTo("123456789012", "ru")).errors).toEqual([
      expect.stringMatching(/^Этот пароль слишком легко подобрать/),
    ]);
  });

  test("accepting an invitation: the email it was sent to, or the name typed", async () => {
    const admin = await accountFor("admin");
    const { token } = inviteUser(
      { email: "invited.person@test.kezdesu", name: "Invited Person", role: "viewer" },
      admin.id,
    );
    const accept = async (name: string, password: string) =>
      (await acceptInvitationAction({
        request: formRequest(`/invite/${token}`, { name, password, confirm: password }),
        params: { token },
        context: {},
      })) as Reply;
    for (const [name, password] of [
      ["Invited Person", "invited.person@test.kezdesu"],
      ["Нұрсұлтан Әбішұлы", "нұрсұлтан әбішұлы"],
    ]) {
      const reply = await accept(name, password);
      expect(reply instanceof Response ? reply.status : reply.data.result.error?.password).toEqual([PERSONAL]);
    }
    const accepted = await accept("Invited Person", "тау бұлағы мөлдір су");
    expect(accepted instanceof Response && accepted.status).toBe(302);
  });
});

describe("a new password is accepted", () => {
  test("twelve Kazakh letters", async () => {
    const password = "әғқңөұүһіжол";
    expect(passwordLength(password)).toBe(12);
    const { status, email } = await changeTo(password);
    expect(status).toBe(302);
    expect((await authenticate({ email, password, address: "10.78.0.1" })).ok).toBe(true);
  });

  test("letters typed decomposed count once, as the person sees them", () => {
    const decomposed = "Қайрат-йёл-2026".normalize("NFD");
    expect(decomposed.length).toBe(18);
    expect(passwordLength(decomposed)).toBe(15);
  });

  test("a passphrase of 200 characters, whole", async () => {
    const password = "Ертіс бойындағы көктемгі таң, қарлығаштың әні және әжемнің бауырсағы ".repeat(3).slice(0, 200);
    expect(passwordLength(password)).toBe(200);
    const { status, email } = await changeTo(password);
    expect(status).toBe(302);
    expect((await authenticate({ email, password, address: "10.78.0.2" })).ok).toBe(true);
    expect((await authenticate({ email, password: password.slice(0, 199), address: "10.78.0.3" })).ok).toBe(false);
  });
});

describe("the strength hint shown while typing", () => {
  test("judges as the server does", () => {
    expect(judgePassword("123456789012")).toMatchObject({ problem: "common" });
    expect(judgePassword("qwertyuiopas")).toMatchObject({ problem: "common" });
    expect(judgePassword("someone@astana.kz", ["someone@astana.kz", "Someone"])).toMatchObject({ problem: "personal" });
    expect(judgePassword("тау бұлағы мөлдір су")).toMatchObject({ problem: null, score: 4 });
  });
});

describe("the first administrator's password from ADMIN_PASSWORD", () => {
  test("follows the same rules, and a bad one stops the server with a message", () => {
    expect(() => parseEnv({ ADMIN_PASSWORD: "12345678" })).toThrow(/ADMIN_PASSWORD must be 12 to 1024 characters/);
    expect(() => parseEnv({ ADMIN_PASSWORD: "password1234" })).toThrow(/ADMIN_PASSWORD is too easy to guess/);
    expect(() => parseEnv({ ADMIN_EMAIL: "boss@astana.kz", ADMIN_PASSWORD: "boss@astana.kz" })).toThrow(
      /must not be the administrator's email/,
    );
    expect(parseEnv({ ADMIN_PASSWORD: "Әкімші-пароль-2026" }).ADMIN_PASSWORD).toBe("Әкімші-пароль-2026");
  });

  test("a generated one has at least 12 characters", async () => {
    const db = getDb();
    db.$client.exec("create temp table kept_users as select * from users");
    db.$client.pragma("foreign_keys = OFF");
    db.$client.exec("delete from users");
    try {
      const admin = await ensureFirstAdmin(db, {});
      expect(passwordLength(admin!.password!)).toBeGreaterThanOrEqual(12);
      expect(judgePassword(admin!.password!).problem).toBeNull();
    } finally {
      db.$client.exec("delete from users; insert into users select * from kept_users; drop table kept_users");
      db.$client.pragma("foreign_keys = ON");
    }
  });
});
