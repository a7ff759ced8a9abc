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

/**
 * Cookie headers that held a valid session, and its token. A browser sends the same header with
 * every request, and reading it again each time (parsing it, checking the HMAC of the session's
 * value, decoding it) was some 4% of every page's server time (issue 17). Only a header whose
 * session cookie was read whole is kept, so a forged or damaged one is read, and refused, every
 * time; the token is still looked up on every request, so a session ended is ended at once. The
 * most recently used headers of at most 4 KB, up to 500 of them (2 MB).
 */
const tokensByHeader = new Map<string, string>();
const KEPT_HEADERS = 500;
const KEPT_HEADER_LENGTH = 4096;

export async function sessionToken(request: Request): Promise<string | null> {
  const header = request.headers.get("Cookie");
  if (header === null) return null;
  const kept = tokensByHeader.get(header);
  if (kept !== undefined) {
    tokensByHeader.delete(header);
    tokensByHeader.set(header, kept);
    return kept;
  }
  const value: unknown = await sessionCookie.parse(header);
  if (typeof value !== "string") return null;
  if (value !== "" && header.length <= KEPT_HEADER_LENGTH) {
    tokensByHeader.set(header, value);
    if (tokensByHeader.size > KEPT_HEADERS) tokensByHeader.delete(tokensByHeader.keys().next().value!);
  }
  return value;
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
  return redirect("/sign-in", {
    headers: {
      "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }),
      // What the account left in this browser: drafts of its forms (app/forms/drafts.ts).
      "Clear-Site-Data": '"storage"',
    },
  });
}
