/**
 * A post to an address that takes none: a clear 405, not "Unexpected Server Error", and nothing
 * written to the log for it (each one wrote an error with its stack: a way to fill the log).
 * Against the real server.
 */
import http from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { signIn, startServer, type TestServer } from "../support/server";

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer(4123);
  cookie = await signIn(server);
}, 90_000);
afterAll(() => server?.stop());

const post = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${server.origin}${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin", "Content-Type": "text/plain", ...headers },
    body: "x".repeat(100),
  });

test.each([
  ["the partner suggestions", "/partners/search?q=a"],
  ["the site search's suggestions", "/search/suggest?q=a"],
  ["the interface strings", "/locales/en"],
  ["a meeting's calendar file", "/meetings/1/calendar.ics"],
  ["the export", "/admin/export.zip"],
])("a post to %s (%s) is refused as a method it does not take", async (_what, path) => {
  const before = server.log().length;
  const response = await post(path);
  expect(response.status).toBe(405);
  expect(response.headers.get("allow")).toBe("GET, HEAD");
  expect(response.headers.get("cache-control")).toBe("private, no-store");
  expect(await response.text()).toBe("Method Not Allowed: this address only reads.");
  expect(server.log().slice(before)).toBe("");
});

test("a post to a path that does not decode is the client's fault: 400, and nothing logged", async () => {
  const before = server.log().length;
  const response = await post("/partners/%E0%A4%A/search");
  expect(response.status).toBe(400);
  expect(server.log().slice(before)).toBe("");
});

test("the same address still answers a GET", async () => {
  const response = await fetch(`${server.origin}/partners/search?q=a`, { headers: { Cookie: cookie } });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("application/json");
});

test("a post to a page that takes none shows the bad-request page in the reader's language, and logs nothing", async () => {
  const before = server.log().length;
  const language = encodeURIComponent(Buffer.from(JSON.stringify("kk")).toString("base64"));
  const response = await post("/partners", { Cookie: `${cookie}; lng=${language}` });
  expect(response.status).toBe(405);
  // What the page shows, not the error Remix hands the browser's router in its data.
  const shown = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
  expect(shown).toContain("Форманы оқу мүмкін болмады");
  expect(shown).toContain(">405<");
  expect(shown).not.toMatch(/Unexpected Server Error|Бірдеңе дұрыс болмады/);
  expect(server.log().slice(before)).toBe("");
});

test("a page that does not exist is answered 404, and not logged", async () => {
  const before = server.log().length;
  const response = await fetch(`${server.origin}/no-such-page`, { headers: { Cookie: cookie } });
  expect(response.status).toBe(404);
  expect(server.log().slice(before)).toBe("");
});

/** A request through node:http, which sends any method as it is (fetch refuses TRACE and TRACK). */
function send(method: string, path: string) {
  return new Promise<{ status: number; allow: string | undefined; body: string }>((resolve, reject) => {
    const request = http.request(`${server.origin}${path}`, { method, headers: { Cookie: cookie } }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode!, allow: response.headers.allow, body }));
    });
    request.on("error", reject);
    request.end();
  });
}

test.each(["/", "/sign-in", "/partners"])(
  "TRACE %s, a method no page takes, is answered 405, and nothing logged",
  async (path) => {
    const before = server.log().length;
    const response = await send("TRACE", path);
    expect(response.status).toBe(405);
    expect(response.allow).toBe("GET, HEAD, POST");
    // And TRACK, which Node's parser refuses before the app sees it.
    expect((await send("TRACK", path)).status).toBe(400);
    expect(server.log().slice(before)).toBe("");
  },
);

test.each([
  ["same-origin", "https://evil.example"],
  ["none", "https://evil.example"],
  ["same-origin", "null"],
  ["same-origin", "not an origin"],
])(
  "a post whose Sec-Fetch-Site says %s while its Origin is %s is another site's: 403, nothing written or logged",
  async (site, origin) => {
    const before = server.log().length;
    for (const path of ["/sign-in", "/partners/new"]) {
      const response = await fetch(`${server.origin}${path}`, {
        method: "POST",
        redirect: "manual",
        headers: {
          Cookie: cookie,
          "Sec-Fetch-Site": site,
          Origin: origin,
          "Content-Type": "application/x-www-form-urlencoded",
        },
        body: new URLSearchParams({ email: "a@b.c", password: "x", nameEn: "Cross-site partner", kind: "city" }),
      });
      expect(response.status, path).toBe(403);
    }
    expect(server.log().slice(before)).toBe("");
  },
);

test("a post from the server's own origin is still taken", async () => {
  const response = await fetch(`${server.origin}/language`, {
    method: "POST",
    redirect: "manual",
    headers: {
      Cookie: cookie,
      "Sec-Fetch-Site": "same-origin",
      Origin: server.origin,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ lng: "ru", redirectTo: "/partners" }),
  });
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("/partners");
});
