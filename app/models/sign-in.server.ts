/**
 * Checking a password, with a lock-out: too many failures for one account (or from one
 * address) in a quarter of an hour and further tries are refused without being checked. The
 * answer never says whether the account exists: the lock-out counts the email as typed.
 */
import { and, count, eq, gte, lt } from "drizzle-orm";
import { signInFailures } from "../../db/schema";
import { getDb } from "~/db.server";
import { verifyPassword } from "~/utils/password.server";
import { logSecurityEvent } from "./security-log.server";
import { countOf } from "./shared.server";
import { findUserByEmail, normaliseEmail } from "./users.server";

export const ACCOUNT_LIMIT = 5;
export const ADDRESS_LIMIT = 30;
export const LOCK_WINDOW_MS = 15 * 60 * 1000;

export type SignInResult =
  | { ok: true; user: { id: number; role: string } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; minutes: number };

function failuresSince(key: string, since: string) {
  return countOf(getDb().select({ count: count() }).from(signInFailures).where(and(eq(signInFailures.key, key), gte(signInFailures.at, since))).get());
}

export async function authenticate(input: { email: string; password: string; address: string }, now = new Date()): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const keys = { account: `email:${email}`, address: `address:${input.address}` };
  const since = new Date(now.getTime() - LOCK_WINDOW_MS).toISOString();
  const db = getDb();
  db.delete(signInFailures).where(lt(signInFailures.at, since)).run();

  if (failuresSince(keys.account, since) >= ACCOUNT_LIMIT || failuresSince(keys.address, since) >= ADDRESS_LIMIT) {
    logSecurityEvent({ event: "locked_out", email, address: input.address });
    return { ok: false, reason: "locked", minutes: LOCK_WINDOW_MS / 60_000 };
  }

  const user = findUserByEmail(email);
  const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? null);
  if (!user || !passwordMatches || user.disabledAt) {
    const at = now.toISOString();
    db.insert(signInFailures).values([{ key: keys.account, at }, { key: keys.address, at }]).run();
    logSecurityEvent({ event: "sign_in_failed", email, address: input.address, subjectUserId: user?.id ?? null });
    return { ok: false, reason: "invalid" };
  }
  db.delete(signInFailures).where(eq(signInFailures.key, keys.account)).run();
  logSecurityEvent({ event: "sign_in", userId: user.id, address: input.address });
  return { ok: true, user: { id: user.id, role: user.role } };
}
