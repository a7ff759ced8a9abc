/**
 * Signed-in requests for tests: real accounts (hashed passwords and all) and real database
 * sessions, made once per role per test file.
 */
import type { UserRole } from "~db/schema";
import { sessionCookie } from "~/auth.server";
import { createSession } from "~/models/sessions.server";
import { createUser } from "~/models/users.server";

// Passes the rules for a new password (app/utils/password-strength.ts); not the famous xkcd
// phrase it replaces, which is in every cracker's list even if zxcvbn's misses it with spaces.
export const TEST_PASSWORD = "дұрыс жылқы батарея қапсырма";

const made = new Map<UserRole, Promise<{ id: number; email: string }>>();

export function accountFor(role: UserRole) {
  let account = made.get(role);
  if (!account) {
    const email = `${role}@test.kezdesu`;
    account = createUser({ email, name: `Test ${role}`, role, password: TEST_PASSWORD }).then((id) => ({ id, email }));
    made.set(role, account);
  }
  return account;
}

/** A Cookie header value carrying a fresh session of an account with this role. */
export async function cookieFor(role: UserRole, now?: Date) {
  const { id } = await accountFor(role);
  return sessionCookie.serialize(createSession(id, now));
}
