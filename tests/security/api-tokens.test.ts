/**
 * An API token is a credential: it opens the records to whoever holds it. Through the real
 * server: it is made on the account page and shown there once; used, misused (wrong, revoked,
 * put in the address, sent with a write method, sent cross-site) it never reaches the server's
 * log or the security log; a cookie alone never opens the API.
 */
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { signIn, startServer, type TestServer } from "../support/server";

let server: TestServer;
let cookie: string;

// A port of its own, apart from the other security tests' (4120-4122) and the browser tests'.
beforeAll(async () => {
  server = await startServer(4156);
  cookie = await signIn(server);
}, 90_000);
afterAll(() => server?.stop());

const form = (fields: Record<string, string>) => ({
  method: "POST",
  redirect: "manual" as const,
  headers: {
    Cookie: cookie,
    "Content-Type": "application/x-www-form-urlencoded",
    "Sec-Fetch-Site": "same-origin",
  },
  body: new URLSearchParams(fields),
});

async function makeToken(name: string) {
  const page = await (await fetch(`${server.origin}/account/api`, form({ intent: "create", name }))).text();
  const token = /value="(kzd_[A-Za-z0-9_-]{43})"/.exec(page)?.[1];
  if (!token) throw new Error("No token on the page");
  return token;
}

const api = (path: string, init: RequestInit = {}) => fetch(`${server.origin}${path}`, init);
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

test("a token made on the account page is shown once, opens the API, and is gone from the page after", async () => {
  const token = await makeToken("Security test");
  const answer = await api("/api/v1/partners", { headers: bearer(token) });
  expect(answer.status).toBe(200);
  expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
  const head = await api("/api/v1/partners", { method: "HEAD", headers: bearer(token) });
  expect(head.status).toBe(200);
  const page = await (await api("/account/api", { headers: { Cookie: cookie } })).text();
  expect(page).toContain("Security test");
  expect(page).not.toContain(token);
});

test("the OpenAPI description is open to all; the Popolo export needs a signed-in account", async () => {
  const description = await api("/api/v1/openapi.json");
  expect(description.status).toBe(200);
  expect(((await description.json()) as { openapi: string }).openapi).toBe("3.1.0");
  expect((await api("/open-data/popolo.json", { redirect: "manual" })).status).toBe(302);
  const exported = await api("/open-data/popolo.json", { headers: { Cookie: cookie } });
  expect(exported.status).toBe(200);
  expect(exported.headers.get("Content-Disposition")).toBe('attachment; filename="kezdesu-popolo.json"');
  expect(await exported.json()).toHaveProperty("relationships");
});

test("a cookie alone does not open the API; nor does a token in the address", async () => {
  const token = await makeToken("In the address");
  for (const path of ["/api/v1/partners", `/api/v1/partners?access_token=${token}`, `/api/v1/partners/${token}`]) {
    const answer = await api(path, { headers: { Cookie: cookie } });
    expect(answer.status, path).toBe(401);
    expect(await answer.json()).toEqual({ error: { status: 401, message: expect.any(String) } });
  }
});

test("other methods are 405 as JSON, a cross-site one 403; none of it, nor a revoked token, is logged with the token", async () => {
  const token = await makeToken("Logged nowhere");
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    const answer = await api("/api/v1/partners", {
      method,
      headers: { ...bearer(token), "Content-Type": "application/json" },
      body: "{}",
    });
    expect(answer.status, method).toBe(405);
    expect(answer.headers.get("Allow")).toBe("GET, HEAD");
  }
  const crossSite = await api(`/api/v1/partners/${token}`, {
    method: "POST",
    headers: { ...bearer(token), Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
    body: `token=${token}`,
  });
  expect(crossSite.status).toBe(403);
  const db = new Database(server.databasePath, { readonly: true });
  const tokenId = db.prepare("select id from api_tokens where name = 'Logged nowhere'").pluck().get() as number;
  db.close();
  const revoked = await fetch(`${server.origin}/account/api`, form({ intent: "revoke", tokenId: String(tokenId) }));
  expect(revoked.status).toBe(302);
  expect((await api("/api/v1/partners", { headers: bearer(token) })).status).toBe(401);
  expect((await api("/api/v1/partners", { headers: bearer(`${token.slice(0, -1)}x`) })).status).toBe(401);

  const log = new Database(server.databasePath, { readonly: true });
  try {
    const rows = JSON.stringify(log.prepare("select * from security_log").all());
    expect(rows).toContain("api_token_created");
    expect(rows).toContain("api_token_revoked");
    expect(rows).not.toContain(token);
    expect(rows).not.toContain(token.slice(4));
    const stored = JSON.stringify(log.prepare("select * from api_tokens").all());
    expect(stored).not.toContain(token.slice(4));
  } finally {
    log.close();
  }
  expect(server.log()).not.toContain(token.slice(4));
});
