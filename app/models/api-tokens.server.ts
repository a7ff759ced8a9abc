/**
 * Tokens for the read-only API (issue 16.4): each account may make a few, named, to give a
 * program its own key. A token is shown once, when it is made; only its SHA-256 is kept (as for
 * sessions and calendar feeds). Revoking deletes the row, so the token stops working at once.
 */
import crypto from "node:crypto";
import { and, asc, count, eq, isNull } from "drizzle-orm";
import { writeWithoutWaiting } from "~db/busy";
import { apiTokens, users, type UserRole } from "~db/schema";
import { getDb } from "~/db.server";
import { refusal, type Refusal } from "./refusals";
import { logSecurityEvent } from "./security-log.server";
import { countOf } from "./sql.server";

/** Enough for a few programs each; a bound so that no account collects keys without end. */
export const TOKENS_PER_ACCOUNT = 10;

// "kzd_" says what the key is to someone who finds it in a script; 32 random bytes follow.
const TOKEN_PATTERN = /^kzd_[A-Za-z0-9_-]{43}$/;
const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

// Writing "last used" on every request would turn each read into a write: once a minute is enough.
const LAST_USED_EVERY_MS = 60_000;

export type ApiTokenRow = { id: number; name: string; createdAt: string; lastUsedAt: string | null };

/** The account's tokens as its page lists them: never the token, which is not kept. */
export function tokensOf(userId: number): ApiTokenRow[] {
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(asc(apiTokens.id))
    .limit(TOKENS_PER_ACCOUNT)
    .all();
}

/** Makes a token; returns it (only this answer ever holds it), or why not. */
export function createApiToken(
  userId: number,
  name: string,
  now = new Date(),
): { token: string } | { refusal: Refusal } {
  const token = `kzd_${crypto.randomBytes(32).toString("base64url")}`;
  const db = getDb();
  const made = db.$client
    .transaction(() => {
      const held = countOf(db.select({ count: count() }).from(apiTokens).where(eq(apiTokens.userId, userId)).get());
      if (held >= TOKENS_PER_ACCOUNT) return false;
      db.insert(apiTokens)
        .values({ userId, name, tokenHash: hashOf(token), createdAt: now.toISOString() })
        .run();
      return true;
    })
    .immediate();
  if (!made) return { refusal: refusal("apiTokens.tooMany", { max: String(TOKENS_PER_ACCOUNT) }) };
  logSecurityEvent({ event: "api_token_created", userId, detail: name }, now);
  return { token };
}

/** Revokes one of the account's own tokens; false when it is not there (revoked meanwhile, or another's). */
export function revokeApiToken(userId: number, tokenId: number) {
  const gone = getDb()
    .delete(apiTokens)
    .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, userId)))
    .returning({ name: apiTokens.name })
    .get();
  if (gone) logSecurityEvent({ event: "api_token_revoked", userId, detail: gone.name });
  return Boolean(gone);
}

/** The account a token opens, or null: malformed, unknown, revoked, or its account disabled. */
export function userForApiToken(token: string, now = new Date()): { id: number; role: UserRole } | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const db = getDb();
  const tokenHash = hashOf(token);
  const found = db
    .select({ tokenId: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, id: users.id, role: users.role })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(users.disabledAt)))
    .get();
  if (!found) return null;
  // Only a stale "last used" is written: most requests stay reads. On the side, never waited for (db/busy.ts).
  if (!found.lastUsedAt || Date.parse(found.lastUsedAt) < now.getTime() - LAST_USED_EVERY_MS)
    writeWithoutWaiting(db.$client, () =>
      db.update(apiTokens).set({ lastUsedAt: now.toISOString() }).where(eq(apiTokens.id, found.tokenId)).run(),
    );
  return { id: found.id, role: found.role };
}
