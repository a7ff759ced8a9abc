/**
 * Signed-in requests for tests: real accounts (hashed passwords and all) and real database
 * sessions, made once per role per test file.
 */
import type { UserRole } from "~db/schema";
import { sessionCookie } from "~/auth.server";
import { createSession } from "~/models/sessions.server";
import { anAccount } from "./factories";

export { TEST_PASSWORD } from "./factories";

const made = new Map<UserRole, Promise<{ id: number; email: string }>>();

export function accountFor(role: UserRole) {
  let account = made.get(role);
  if (!account) {
    const email = `${role}@test.kezdesu`;
    account = anAccount({ email, name: `Test ${role}`, role }).then((id) => ({ id, email }));
    made.set(role, account);
  }
  return account;
}

/** A Cookie header value carrying a fresh session of an account with this role. */
export async function cookieFor(role: UserRole, now?: Date) {
  const { id } = await accountFor(role);
  return sessionCookie.serialize(createSession(id, now));
}
