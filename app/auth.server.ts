/**
 * Who is asking, and may they? Every loader and action starts here: pages need a signed-in
 * account, changes need an editor, accounts and the bin need an administrator. A POST whose
 * browser says it came from another site is refused before anything else.
 */
import { createCookie, redirect } from "@remix-run/node";
import type { UserRole } from "~db/schema";
import type { Actor } from "~db/history";
import { getEnv } from "./env.server";
import { logSecurityEvent } from "./models/security-log.server";
import {
  createSession,
  endSession,
  userForSession,
  ABSOLUTE_LIMIT_MS,
  type SessionUser,
} from "./models/sessions.server";
import { isCrossSite } from "./utils/cross-site";
import { safeRedirect } from "./utils/safe-redirect";

const production = process.env.NODE_ENV === "production";

// The __Host- prefix makes the browser refuse the cookie unless it is Secure, host-only and for "/".
export const sessionCookie = createCookie(production ? "__Host-kezdesu_session" : "kezdesu_session", {
  httpOnly: true,
  sameSite: "lax",
  secure: production,
  path: "/",
  maxAge: ABSOLUTE_LIMIT_MS / 1000,
  secrets: [getEnv().SESSION_SECRET],
});

const RANK: Record<UserRole, number> = { viewer: 0, editor: 1, admin: 2 };
export const can = (user: { role: UserRole } | null | undefined, role: UserRole) =>
  Boolean(user && RANK[user.role] >= RANK[role]);

export const actorOf = (user: SessionUser): Actor => ({ userId: user.id });

export async function sessionToken(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" ? value : null;
}

/**
 * The account signed in on this request, read once: the root's loader and the page's ask for
 * the same request (patches/@remix-run+server-runtime: Remix made a new one for each loader),
 * and each reading cost the cookie's signature, a hash and a query. Nothing a request does
 * changes who sent it; after an action, Remix gives the loaders a request of their own.
 */
const readers = new WeakMap<Request, Promise<SessionUser | null>>();

export function currentUser(request: Request): Promise<SessionUser | null> {
  let reading = readers.get(request);
  if (!reading) readers.set(request, (reading = readUser(request)));
  return reading;
}

async function readUser(request: Request) {
  const token = await sessionToken(request);
  return token ? userForSession(token) : null;
}

const isWrite = (request: Request) => request.method !== "GET" && request.method !== "HEAD";

export function forbidden() {
  return new Response("Forbidden", { status: 403 });
}

/** Refuses a cross-site POST with 403, and logs it. */
export async function refuseCrossSite(request: Request, userId: number | null = null) {
  if (!isWrite(request) || !isCrossSite(request.headers, new URL(request.url).origin)) return;
  logSecurityEvent({
    event: "cross_site",
    userId,
    detail: `${request.method} ${new URL(request.url).pathname} from ${request.headers.get("Origin") ?? "?"}`,
  });
  throw forbidden();
}

/**
 * The signed-in account with at least `role`; otherwise a redirect to sign in, or 403. A
 * refused post's body is never read (issue 12.1: reading it let anyone fill the memory):
 * server.ts closes the connection of an answer sent before its body has all arrived.
 */
export async function requireUser(request: Request, role: UserRole = "viewer"): Promise<SessionUser> {
  await refuseCrossSite(request);
  const user = await currentUser(request);
  if (!user) {
    const url = new URL(request.url);
    // After signing in, back to the page (an action's URL is its form's page).
    throw redirect(`/sign-in?${new URLSearchParams({ redirectTo: safeRedirect(`${url.pathname}${url.search}`) })}`);
  }
  // A generated first password must be replaced before the account does anything else.
  if (user.mustChangePassword && new URL(request.url).pathname !== "/account/password")
    throw redirect("/account/password");
  if (!can(user, role)) {
    logSecurityEvent({
      event: "forbidden",
      userId: user.id,
      detail: `${request.method} ${new URL(request.url).pathname}`,
    });
    throw forbidden();
  }
  return user;
}

export const requireEditor = (request: Request) => requireUser(request, "editor");
export const requireAdmin = (request: Request) => requireUser(request, "admin");

/** Signs in: a new session (never one chosen by the browser) and its cookie. */
export async function startSession(userId: number, redirectTo: string) {
  const token = createSession(userId);
  return redirect(safeRedirect(redirectTo), { headers: { "Set-Cookie": await sessionCookie.serialize(token) } });
}

export async function signOut(request: Request) {
  const token = await sessionToken(request);
  if (token) endSession(token);
  return redirect("/sign-in", { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}
