import crypto from "node:crypto";
import { createCookieSessionStorage, redirect } from "@remix-run/node";
import { getEnv } from "./env.server";

export type FlashMessage = { id: string; message: string };
type FlashData = { flash: FlashMessage };

// The one-time confirmation after a save; who is signed in is app/auth.server.ts.
const storage = createCookieSessionStorage<Record<string, never>, FlashData>({
  cookie: {
    name: "kezdesu_flash",
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: process.env.NODE_ENV === "production",
    secrets: [getEnv().SESSION_SECRET],
  },
});

/** Redirects after a successful save (so Back never resubmits), with a confirmation to show. */
export async function redirectWithFlash(request: Request, to: string, message: string) {
  const session = await storage.getSession(request.headers.get("Cookie"));
  session.flash("flash", { id: crypto.randomUUID(), message });
  return redirect(to, { headers: { "Set-Cookie": await storage.commitSession(session) } });
}

/** The pending confirmation, if any, and the header that clears it. */
export async function takeFlash(request: Request) {
  const session = await storage.getSession(request.headers.get("Cookie"));
  const flash = session.get("flash") ?? null;
  return { flash, headers: flash ? { "Set-Cookie": await storage.commitSession(session) } : undefined };
}
