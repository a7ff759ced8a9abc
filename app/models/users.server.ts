/**
 * Accounts: made by an administrator (an invitation, accepted through a one-time link) or, for
 * the very first administrator, at start-up. Never deleted: disabled, so history keeps names.
 */
import { and, asc, count, eq, isNull, ne } from "drizzle-orm";
import crypto from "node:crypto";
import { getDb } from "~/db.server";
import { hashPassword } from "~/utils/password.server";
import { apiTokens, calendarFeeds, users, type UserRole } from "~db/schema";
import { logSecurityEvent } from "./security-log.server";
import { endSessionsOf } from "./sessions.server";
import { countOf } from "./sql.server";
import type { Db } from "~db/client";

export const INVITATION_DAYS = 7;

export const normaliseEmail = (email: string) => email.trim().toLowerCase();
const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");
const now = () => new Date().toISOString();

export function findUserByEmail(email: string) {
  return (
    getDb()
      .select()
      .from(users)
      .where(eq(users.email, normaliseEmail(email)))
      .get() ?? null
  );
}

export function getUser(id: number) {
  return getDb().select().from(users).where(eq(users.id, id)).get() ?? null;
}

export function listUsers() {
  return getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: users.role,
      disabledAt: users.disabledAt,
      invited: isNull(users.passwordHash),
    })
    .from(users)
    .orderBy(asc(users.name), asc(users.id))
    .all()
    .map((u) => ({ ...u, invited: Boolean(u.invited) }));
}

export const userCount = () => countOf(getDb().select({ count: count() }).from(users).get());

/** An account with a password, for the first administrator and for tests. */
export async function createUser(input: { email: string; name: string; role: UserRole; password: string }) {
  const passwordHash = await hashPassword(input.password);
  return getDb()
    .insert(users)
    .values({ email: normaliseEmail(input.email), name: input.name.trim(), role: input.role, passwordHash })
    .returning({ id: users.id })
    .get().id;
}

/** Makes an account that can only be used through the returned one-time token. */
export function inviteUser(input: { email: string; name: string; role: UserRole }, byUserId: number, at = new Date()) {
  const token = crypto.randomBytes(32).toString("base64url");
  const id = getDb()
    .insert(users)
    .values({
      email: normaliseEmail(input.email),
      name: input.name.trim(),
      role: input.role,
      inviteTokenHash: hashOf(token),
      inviteExpiresAt: new Date(at.getTime() + INVITATION_DAYS * 24 * 3600 * 1000).toISOString(),
    })
    .returning({ id: users.id })
    .get().id;
  logSecurityEvent({ event: "account_invited", userId: byUserId, subjectUserId: id, detail: input.role });
  return { id, token };
}

/** A fresh invitation link for an account that has not accepted its first one. */
export function renewInvitation(id: number, byUserId: number, at = new Date()) {
  const token = crypto.randomBytes(32).toString("base64url");
  const changed = getDb()
    .update(users)
    .set({
      inviteTokenHash: hashOf(token),
      inviteExpiresAt: new Date(at.getTime() + INVITATION_DAYS * 24 * 3600 * 1000).toISOString(),
      updatedAt: now(),
    })
    .where(and(eq(users.id, id), isNull(users.passwordHash)))
    .run().changes;
  if (!changed) return null;
  logSecurityEvent({ event: "account_invited", userId: byUserId, subjectUserId: id, detail: "renewed" });
  return token;
}

export function invitationFor(token: string, at = new Date()) {
  const user = getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      expiresAt: users.inviteExpiresAt,
      disabledAt: users.disabledAt,
    })
    .from(users)
    .where(eq(users.inviteTokenHash, hashOf(token)))
    .get();
  if (!user || user.disabledAt || !user.expiresAt || user.expiresAt <= at.toISOString()) return null;
  return user;
}

export async function acceptInvitation(token: string, input: { name: string; password: string }) {
  const invitation = invitationFor(token);
  if (!invitation) return null;
  const passwordHash = await hashPassword(input.password);
  const changed = getDb()
    .update(users)
    .set({ name: input.name.trim(), passwordHash, inviteTokenHash: null, inviteExpiresAt: null, updatedAt: now() })
    .where(and(eq(users.id, invitation.id), eq(users.inviteTokenHash, hashOf(token))))
    .run().changes;
  if (!changed) return null;
  logSecurityEvent({ event: "account_activated", userId: invitation.id, subjectUserId: invitation.id });
  return invitation.id;
}

const activeAdmins = (exceptId: number) =>
  countOf(
    getDb()
      .select({ count: count() })
      .from(users)
      .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, exceptId)))
      .get(),
  );

export type AccountChange = { ok: true } | { ok: false; reason: "lastAdmin" | "notFound" };

/** Changes a role; the last active administrator cannot stop being one (nobody could undo it). */
export function setRole(id: number, role: UserRole, byUserId: number): AccountChange {
  const user = getUser(id);
  if (!user) return { ok: false, reason: "notFound" };
  if (user.role === role) return { ok: true };
  if (user.role === "admin" && activeAdmins(id) === 0) return { ok: false, reason: "lastAdmin" };
  getDb().update(users).set({ role, updatedAt: now() }).where(eq(users.id, id)).run();
  logSecurityEvent({
    event: "account_role_changed",
    userId: byUserId,
    subjectUserId: id,
    detail: `${user.role} → ${role}`,
  });
  return { ok: true };
}

/** Disables an account and signs it out everywhere at once. */
export function disableUser(id: number, byUserId: number): AccountChange {
  const user = getUser(id);
  if (!user) return { ok: false, reason: "notFound" };
  if (user.disabledAt) return { ok: true };
  if (user.role === "admin" && activeAdmins(id) === 0) return { ok: false, reason: "lastAdmin" };
  // Its API tokens and calendar address stop for good, as its sessions do: enabled again, the
  // account starts with none, rather than with every old secret working again.
  getDb().transaction((tx) => {
    tx.update(users).set({ disabledAt: now(), updatedAt: now() }).where(eq(users.id, id)).run();
    tx.delete(apiTokens).where(eq(apiTokens.userId, id)).run();
    tx.delete(calendarFeeds).where(eq(calendarFeeds.userId, id)).run();
  });
  endSessionsOf(id);
  logSecurityEvent({ event: "account_disabled", userId: byUserId, subjectUserId: id });
  return { ok: true };
}

export function enableUser(id: number, byUserId: number): AccountChange {
  const user = getUser(id);
  if (!user) return { ok: false, reason: "notFound" };
  if (!user.disabledAt) return { ok: true };
  getDb().update(users).set({ disabledAt: null, updatedAt: now() }).where(eq(users.id, id)).run();
  logSecurityEvent({ event: "account_enabled", userId: byUserId, subjectUserId: id });
  return { ok: true };
}

/** A new password; every other session of the account ends (whoever else had it is out). */
export async function changePassword(id: number, password: string) {
  const passwordHash = await hashPassword(password);
  getDb()
    .update(users)
    .set({ passwordHash, mustChangePassword: false, updatedAt: now() })
    .where(eq(users.id, id))
    .run();
  endSessionsOf(id);
  logSecurityEvent({ event: "password_changed", userId: id, subjectUserId: id });
}

/**
 * A database with no accounts gets one administrator at start-up, so the first person can sign
 * in: from ADMIN_EMAIL/ADMIN_PASSWORD if set, otherwise with a generated password that is
 * printed once and must be changed at the first sign-in.
 */
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
