/**
 * A calendar feed's address and an invitation's are credentials: the logs never keep them.
 * The attack: post to them from another site (refused, and written to the security log), and
 * ask for a feed that is not there; then read the security log and the server's own log.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { loggedPath } from "~/utils/logged-path";
import { startServer, type TestServer } from "../support/server";

let server: TestServer;
const SECRET = "s3cr3t-token-that-must-not-be-logged";

beforeAll(async () => {
  server = await startServer(4122);
}, 90_000);
afterAll(() => server?.stop());

test("the secret part of a feed's or an invitation's address is masked; other paths are kept", () => {
  expect(loggedPath(`/calendar/${SECRET}.ics`)).toBe("/calendar/…");
  expect(loggedPath(`/invite/${SECRET}`)).toBe("/invite/…");
  expect(loggedPath("/meetings/12/edit")).toBe("/meetings/12/edit");
  expect(loggedPath("/calendars")).toBe("/calendars");
  expect(loggedPath(`/api/v1/partners/kzd_${SECRET}`)).toBe("/api/v1/partners/kzd_…");
});

test("a cross-site post to an invitation is logged without its token", async () => {
  for (const path of [`/invite/${SECRET}`, `/calendar/${SECRET}.ics`]) {
    const response = await fetch(`${server.origin}${path}`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "password=x",
    });
    expect(response.status).toBe(403);
  }
  await fetch(`${server.origin}/calendar/${SECRET}.ics`);
  const db = new Database(server.databasePath, { readonly: true });
  try {
    const details = db.prepare("select detail from security_log where event = 'cross_site'").pluck().all() as string[];
    expect(details).toEqual(
      expect.arrayContaining([
        "POST /invite/… from https://evil.example",
        "POST /calendar/… from https://evil.example",
      ]),
    );
    expect(JSON.stringify(db.prepare("select * from security_log").all())).not.toContain(SECRET);
  } finally {
    db.close();
  }
  expect(server.log()).not.toContain(SECRET);
});
