/**
 * A session ends after 30 minutes without a request; typing a long form sends none until Save.
 * Typing now counts as use (app/utils/typing-is-use.client.ts): the page tells the server at
 * most every five minutes while something is typed, and a page left alone still ends its
 * session. The browser's clock is moved on here; the session's last use is set back in the
 * database, as 29 minutes of typing would have left it.
 */
import crypto from "node:crypto";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type BrowserContext } from "@playwright/test";
import { DEMO_APP, signInAsAdmin } from "./support";

test.use({ locale: "en-GB", storageState: { cookies: [], origins: [] } });

/** The session row of the context's cookie: its token's SHA-256, as the server keeps it. */
async function sessionHash(context: BrowserContext) {
  const cookie = (await context.cookies(DEMO_APP)).find((c) => c.name.endsWith("kezdesu_session"));
  if (!cookie) throw new Error("Not signed in");
  const signed = decodeURIComponent(cookie.value);
  const token = JSON.parse(Buffer.from(signed.slice(0, signed.lastIndexOf(".")), "base64").toString("utf8")) as string;
  return crypto.createHash("sha256").update(token).digest("hex");
}

test("typing keeps a session in use; a page left alone does not", async ({ page, context }) => {
  await context.clock.install();
  await signInAsAdmin(page, DEMO_APP);
  await page.goto(`${DEMO_APP}/initiatives/new`, { waitUntil: "networkidle" });

  const database = new Database(path.join(process.env.E2E_RUN_DIR!, "demo.db"));
  const hash = await sessionHash(context);
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60 * 1000).toISOString();
  const setLastUse = (at: string) =>
    database.prepare("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?").run(at, hash);
  const lastUse = () =>
    database.prepare("SELECT last_seen_at FROM sessions WHERE token_hash = ?").pluck().get(hash) as string;
  try {
    // Left alone: six minutes on, nothing is sent, and the last use stays where it was.
    const leftAlone = minutesAgo(29);
    setLastUse(leftAlone);
    await page.clock.fastForward("06:00");
    await page.waitForTimeout(1000);
    expect(lastUse()).toBe(leftAlone);

    // Typing, six minutes after the page's last request: the server notes the use.
    await page.clock.fastForward("06:00");
    await page.getByLabel("Title in English").fill("Typed for half an hour");
    await expect.poll(lastUse).not.toBe(leftAlone);
    expect(Date.now() - Date.parse(lastUse())).toBeLessThan(60_000);
  } finally {
    database.close();
  }
});
