/**
 * A database with no accounts gets one administrator at start-up, so the first person can sign
 * in: from ADMIN_EMAIL/ADMIN_PASSWORD if set, otherwise with a generated password that is
 * printed once and must be changed at the first sign-in.
 */
import crypto from "node:crypto";
import { count } from "drizzle-orm";
import { hashPassword } from "~/utils/password.server";
import type { Db } from "~db/client";
import { users } from "~db/schema";

export const DEFAULT_ADMIN_EMAIL = "admin@kezdesu.local";
export const FIRST_ADMIN_NAME = "Administrator";

export async function ensureFirstAdmin(db: Db, given: { email?: string; password?: string }) {
  if ((db.select({ count: count() }).from(users).get()?.count ?? 0) > 0) return null;
  const email = (given.email ?? DEFAULT_ADMIN_EMAIL).trim().toLowerCase();
  const password = given.password ?? crypto.randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  db.insert(users)
    .values({ email, name: FIRST_ADMIN_NAME, role: "admin", passwordHash, mustChangePassword: !given.password })
    .onConflictDoNothing()
    .run();
  return { email, password: given.password ? null : password };
}
