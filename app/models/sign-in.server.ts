/**
 * Checking a password (signing in, or the current one before a change) with throttling that
 * slows guessing without letting anyone keep an account's owner out (issue 12.8):
 *
 * - per account and address together: three free tries, then each wait doubles (2 s, 4 s, 8 s…
 *   up to 5 minutes) and a try before its time is refused unchecked, "try again in N seconds";
 * - per address, across accounts: a generous ceiling (100 failures in a quarter of an hour)
 *   against one address spraying many accounts;
 * - per account, across addresses: only a slowdown (the answer comes up to 10 s later), never a
 *   refusal, so failures from elsewhere cannot lock out the owner, the administrator included.
 *
 * The answer never says whether the account exists: the email is counted as typed. An attempt
 * is counted before its (slow) check and forgotten if it succeeds, so tries sent all at once
 * from one place wait their turn like tries sent one after another.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { FAILURE_WINDOW_MS } from "~/housekeeping.server";
import { getDb } from "~/db.server";
import { verifyPassword } from "~/utils/password.server";
import { logSecurityEvent } from "./security-log.server";
import { findUserByEmail, getUser, normaliseEmail } from "./users.server";

export { FAILURE_WINDOW_MS };
export const PAIR_FREE_TRIES = 3;
export const PAIR_MAX_WAIT_S = 5 * 60;
export const ADDRESS_LIMIT = 100;
export const ACCOUNT_SLOWDOWN_AFTER = 10;
export const ACCOUNT_MAX_SLOWDOWN_S = 10;

export type Refusal = { ok: false; reason: "throttled"; seconds: number };
export type SignInResult =
  { ok: true; user: { id: number; role: string } } | { ok: false; reason: "invalid" } | Refusal;
export type PasswordCheck = { ok: true } | { ok: false; reason: "invalid" } | Refusal;

/**
 * Tests pass their own clock, a wait that returns at once, and a lower address ceiling (a
 * hundred password checks take a minute on a busy machine).
 */
export type ThrottleOptions = { wait?: (ms: number) => Promise<unknown>; addressLimit?: number };

const keysOf = (email: string, address: string) => ({
  pair: `pair:${email} ${address}`,
  account: `email:${email}`,
  address: `address:${address}`,
});
type Keys = ReturnType<typeof keysOf>;

/** Seconds the pair must wait after `failures` failures in the window, counted from the last. */
export const pairWait = (failures: number) =>
  failures < PAIR_FREE_TRIES ? 0 : Math.min(2 ** (failures - PAIR_FREE_TRIES + 1), PAIR_MAX_WAIT_S);
/** Seconds every check of an account waits after `failures` failures from anywhere. */
export const accountSlowdown = (failures: number) =>
  failures < ACCOUNT_SLOWDOWN_AFTER ? 0 : Math.min(2 ** (failures - ACCOUNT_SLOWDOWN_AFTER), ACCOUNT_MAX_SLOWDOWN_S);

type Admission =
  | { admitted: true; attemptIds: number[]; slowdownMs: number }
  | { admitted: false; seconds: number; by: "pair" | "address" };

/** Decides whether a try may be checked and, if so, counts it, in one write transaction. */
function admit(keys: Keys, now: Date, addressLimit: number): Admission {
  const sqlite = getDb().$client;
  const since = new Date(now.getTime() - FAILURE_WINDOW_MS).toISOString();
  const failures = sqlite.prepare(
    "SELECT count(*) AS count, max(at) AS last FROM sign_in_failures WHERE key = ? AND at >= ?",
  );
  const secondsUntil = (ms: number) => Math.max(1, Math.ceil((ms - now.getTime()) / 1000));
  return sqlite
    .transaction((): Admission => {
      sqlite.prepare("DELETE FROM sign_in_failures WHERE at < ?").run(since);
      const pair = failures.get(keys.pair, since) as { count: number; last: string | null };
      const allowedAt = pair.last ? Date.parse(pair.last) + pairWait(pair.count) * 1000 : 0;
      if (allowedAt > now.getTime()) return { admitted: false, seconds: secondsUntil(allowedAt), by: "pair" };
      const address = failures.get(keys.address, since) as { count: number };
      if (address.count >= addressLimit) {
        // Free again when enough of its failures have left the window.
        const oldest = sqlite
          .prepare("SELECT at FROM sign_in_failures WHERE key = ? AND at >= ? ORDER BY at LIMIT 1 OFFSET ?")
          .pluck()
          .get(keys.address, since, address.count - addressLimit) as string;
        return { admitted: false, seconds: secondsUntil(Date.parse(oldest) + FAILURE_WINDOW_MS), by: "address" };
      }
      const account = failures.get(keys.account, since) as { count: number };
      const at = now.toISOString();
      const insert = sqlite.prepare("INSERT INTO sign_in_failures (key, at) VALUES (?, ?)");
      const attemptIds = [keys.pair, keys.account, keys.address].map((key) =>
        Number(insert.run(key, at).lastInsertRowid),
      );
      return { admitted: true, attemptIds, slowdownMs: accountSlowdown(account.count) * 1000 };
    })
    .immediate();
}

/** A try that succeeded is not a failure, and the pair starts afresh. */
function forgive(keys: Keys, attemptIds: number[]) {
  const sqlite = getDb().$client;
  sqlite.transaction(() => {
    const remove = sqlite.prepare("DELETE FROM sign_in_failures WHERE id = ?");
    for (const id of attemptIds) remove.run(id);
    sqlite.prepare("DELETE FROM sign_in_failures WHERE key = ?").run(keys.pair);
  })();
}

async function throttled<T>(
  keys: Keys,
  now: Date,
  options: ThrottleOptions,
  onRefused: (by: "pair" | "address") => void,
  check: () => Promise<T | null>,
): Promise<T | null | Refusal> {
  const admission = admit(keys, now, options.addressLimit ?? ADDRESS_LIMIT);
  if (!admission.admitted) {
    onRefused(admission.by);
    return { ok: false, reason: "throttled", seconds: admission.seconds };
  }
  if (admission.slowdownMs > 0) await (options.wait ?? sleep)(admission.slowdownMs);
  const passed = await check();
  if (passed !== null) forgive(keys, admission.attemptIds);
  return passed;
}

export async function authenticate(
  input: { email: string; password: string; address: string },
  now = new Date(),
  options: ThrottleOptions = {},
): Promise<SignInResult> {
  const email = normaliseEmail(input.email);
  const { address } = input;
  const keys = keysOf(email, address);
  // A refusal for the address names no account, so a spray of many is counted in one log row.
  const onRefused = (by: "pair" | "address") =>
    logSecurityEvent({ event: "locked_out", email: by === "pair" ? email : null, address, detail: "sign-in" }, now);
  const result = await throttled(keys, now, options, onRefused, async () => {
    const user = findUserByEmail(email);
    const passwordMatches = await verifyPassword(input.password, user?.passwordHash ?? null);
    if (!user || !passwordMatches || user.disabledAt) {
      logSecurityEvent({ event: "sign_in_failed", email, address, subjectUserId: user?.id ?? null }, now);
      return null;
    }
    logSecurityEvent({ event: "sign_in", userId: user.id, address }, now);
    return { ok: true as const, user: { id: user.id, role: user.role } };
  });
  return result ?? { ok: false, reason: "invalid" };
}

/** The current password, before a change: guessed through a stolen session, it is throttled as a sign-in is. */
export async function checkCurrentPassword(
  input: { userId: number; password: string; address: string },
  now = new Date(),
  options: ThrottleOptions = {},
): Promise<PasswordCheck> {
  const user = getUser(input.userId);
  if (!user) return { ok: false, reason: "invalid" };
  const { address, userId } = input;
  const keys = keysOf(user.email, address);
  const onRefused = () => logSecurityEvent({ event: "locked_out", userId, address, detail: "password change" }, now);
  const result = await throttled(keys, now, options, onRefused, async () => {
    if (await verifyPassword(input.password, user.passwordHash)) return { ok: true as const };
    logSecurityEvent({ event: "password_change_failed", userId, address }, now);
    return null;
  });
  return result ?? { ok: false, reason: "invalid" };
}
