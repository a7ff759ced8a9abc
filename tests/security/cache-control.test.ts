/**
 * Issue 12.3: nothing that depends on the account may stay in the browser's cache (Back after
 * signing out must not show it), while the fingerprinted assets keep their year of caching.
 * Also issue 12.10: every answer carries the request's id. Against the real server.
 */
import fs from "node:fs";
import { afterAll, beforeAll, expect, test } from "vitest";
import { takeBackup } from "~db/backup";
import { ADMIN, signIn, startServer, type TestServer } from "../support/server";

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer(4121);
  cookie = await signIn(server);
}, 90_000);
afterAll(() => server?.stop());

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}`, { headers: { Cookie: cookie, ...headers }, redirect: "manual" });

test.each([
  ["a page", "/admin/users"],
  ["the overview", "/"],
  ["a page's data on a navigation", "/admin/users.data"],
  ["the root's data", "/_root.data"],
  ["a JSON answer", "/people/search?q=a"],
  ["the sign-in page", "/sign-in?redirectTo=/"],
  ["a missing page", "/no-such-page"],
])("%s (%s) is private and never stored", async (_what, path) => {
  const response = await get(path);
  expect(response.status).toBeLessThan(500);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{10}$/);
});

test("the account's emails come with private, no-store", async () => {
  const response = await get("/admin/users");
  expect(await response.text()).toContain(ADMIN.email);
  expect(response.headers.get("cache-control")).toBe("private, no-store");
});

test("a backup download is private and never stored", async () => {
  const backup = await takeBackup(server.databasePath);
  const response = await get(`/admin/backups/${backup.name}`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-disposition")).toContain(backup.name.replace(/\.db$/, ".zip"));
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  await response.arrayBuffer();
});

test("fingerprinted assets and the versioned interface strings keep their long caching", async () => {
  const script = fs.readdirSync("public/build").find((name) => /^entry\.client-\w+\.js$/.test(name))!;
  const asset = await get(`/build/${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");

  const page = await (await get("/")).text();
  const strings = /href="(\/locales\/\w+\.json\?v=\w+)"/.exec(page)![1]!;
  const response = await get(strings);
  expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
});

test("each request gets its own id", async () => {
  const [a, b] = await Promise.all([get("/healthz"), get("/healthz")]);
  expect(a.headers.get("x-request-id")).not.toBe(b.headers.get("x-request-id"));
});

test("no request id or script nonce comes twice, past the random pool's refills", async () => {
  // 300 requests take 6,300 random bytes: the 4 KB pool is refilled at least once in between.
  const ids = new Set<string>();
  const nonces = new Set<string>();
  for (let i = 0; i < 300; i++) {
    const response = await get("/healthz");
    ids.add(response.headers.get("x-request-id")!);
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(response.headers.get("content-security-policy")!)![1]!;
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(await response.text()).toContain(`nonce="${nonce}"`);
    nonces.add(nonce);
  }
  expect(ids.size).toBe(300);
  expect(nonces.size).toBe(300);
});

test("a path that does not decode is the client's fault: 400 with its id, not a 500", async () => {
  const response = await get("/partners/%E0%A4%A");
  expect(response.status).toBe(400);
  expect(response.headers.get("x-request-id")).toMatch(/^[0-9a-f]{10}$/);
  expect(await response.text()).not.toMatch(/URIError|at \w+ \(/);
  expect(server.log()).not.toContain("URIError");
});

test("in production the language cookie is Secure, as the session cookie", async () => {
  const response = await fetch(`${server.origin}/language`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ lng: "ru", redirectTo: "/" }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith("lng="));
  expect(cookie).toMatch(/; Secure/);
  expect(cookie).toMatch(/; HttpOnly/);
});
