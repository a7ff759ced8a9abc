/**
 * Issue 12.1: a body is counted as it arrives, whatever its framing, and cut at the limit; a
 * post refused without a session is never read. Against the real server (npm run build first).
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { oversizedPost } from "../support/oversized-post";
import { residentMb, signIn, startServer, type TestServer } from "../support/server";

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer(4120);
  cookie = await signIn(server);
}, 90_000);
afterAll(() => server?.stop());

/** A chunked form post (no length the server could refuse early) to one of the server's paths. */
const chunkedPost = (path: string, megabytes: number, headers: Record<string, string> = {}) =>
  oversizedPost(`${server.origin}${path}`, megabytes, { headers });

async function healthzMs() {
  const started = performance.now();
  expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  return performance.now() - started;
}

describe("signed out", () => {
  test("ten 100 MB chunked posts to a form are refused unread: the server's memory stays where it was", async () => {
    const before = residentMb(server);
    for (let i = 0; i < 10; i++) {
      const outcome = await chunkedPost("/partners/new", 100);
      // The redirect to sign in, on a connection closed after it; or the connection closed under a client still writing.
      if (outcome.status !== null) {
        expect(outcome.status).toBe(302);
        expect(outcome.connection).toBe("close");
      } else expect(outcome.error).toMatch(/ECONNRESET|EPIPE/);
      expect(outcome.writtenMb).toBeLessThan(100);
    }
    expect(residentMb(server) - before).toBeLessThan(50);
    expect(await healthzMs()).toBeLessThan(2000);
  }, 120_000);

  test("a post to the sign-in form is cut at 64 KB: 413, connection closed", async () => {
    const outcome = await chunkedPost("/sign-in", 20);
    if (outcome.status !== null) {
      expect(outcome.status).toBe(413);
      expect(outcome.connection).toBe("close");
    } else expect(outcome.error).toMatch(/ECONNRESET|EPIPE/);
    expect(outcome.writtenMb).toBeLessThan(20);
  }, 30_000);

  test("a declared length over the limit is refused before anything is read", async () => {
    const response = await fetch(`${server.origin}/sign-in`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
      body: `email=${"a".repeat(100 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
  });

  test("a small post without a session is still sent to sign in, and signing in works", async () => {
    const refused = await fetch(`${server.origin}/partners/new`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
      body: "name=Almaty",
    });
    expect(refused.status).toBe(302);
    expect(refused.headers.get("location")).toBe("/sign-in?redirectTo=%2Fpartners%2Fnew");
    expect(await signIn(server)).toMatch(/kezdesu_session=/);
  });
});

describe("signed in", () => {
  test("a chunked body over 8 MB is answered 413 and its connection closed, and nothing is saved", async () => {
    const before = residentMb(server);
    for (let i = 0; i < 3; i++) {
      const outcome = await chunkedPost("/partners/new", 100, { Cookie: cookie });
      if (outcome.status !== null) {
        expect(outcome.status).toBe(413);
        expect(outcome.connection).toBe("close");
      } else expect(outcome.error).toMatch(/ECONNRESET|EPIPE/);
      expect(outcome.writtenMb).toBeLessThan(100);
    }
    expect(residentMb(server) - before).toBeLessThan(100);
    expect(await healthzMs()).toBeLessThan(2000);
    // No partner named A… was made from a cut body, and nothing of it was a server error.
    const partners = await fetch(`${server.origin}/partners?q=AAAA`, { headers: { Cookie: cookie } });
    expect(await partners.text()).not.toContain("AAAAAAAA");
    expect(server.log()).not.toMatch(/\b50\d\b|ERR_HTTP_HEADERS_SENT|Error/);
  }, 120_000);

  test("a body under the limit is read: a 1 MB chunked post gets the form's own answer", async () => {
    const outcome = await chunkedPost("/partners/new", 1, { Cookie: cookie });
    expect(outcome.error).toBeNull();
    expect(outcome.status).toBe(400);
  }, 30_000);
});

/**
 * A post answered before its body has all arrived (refused unread, or over the limit) must still
 * reach its client: closing the connection under a client still writing resets it, and fetch
 * then reports the reset instead of the answer (a third of 3 MB posts did, before the lingering
 * close in server.ts).
 */
describe("answered before its body is read", () => {
  const threeMegabytes = `name=${"%00".repeat(1024 * 1024)}`;

  async function postAll(
    times: number,
    init: RequestInit & { headers: Record<string, string> },
    path = "/partners/new",
  ) {
    const outcomes: string[] = [];
    for (let i = 0; i < times; i++) {
      try {
        const response = await fetch(`${server.origin}${path}`, {
          method: "POST",
          redirect: "manual",
          ...init,
          headers: { "Content-Type": "application/x-www-form-urlencoded", ...init.headers },
        });
        await response.arrayBuffer();
        outcomes.push(
          `${response.status} ${response.headers.get("connection")} ${response.headers.get("location") ?? ""}`.trim(),
        );
      } catch (error) {
        outcomes.push(`no answer: ${String((error as Error).cause ?? error)}`);
      }
    }
    return outcomes;
  }

  test("thirty 3 MB posts with a session that is not valid each get the redirect to sign in, not a reset", async () => {
    const outcomes = await postAll(30, {
      body: threeMegabytes,
      headers: { Cookie: "__Host-kezdesu_session=forged", "Sec-Fetch-Site": "same-origin" },
    });
    expect(outcomes).toEqual(Array(30).fill("302 close /sign-in?redirectTo=%2Fpartners%2Fnew"));
  }, 60_000);

  test("thirty 3 MB posts from another site each get the 403 that says so, not a reset", async () => {
    const outcomes = await postAll(30, {
      body: threeMegabytes,
      headers: { Cookie: cookie, "Sec-Fetch-Site": "cross-site", Origin: "https://elsewhere.example" },
    });
    expect(outcomes).toEqual(Array(30).fill("403 close"));
  }, 60_000);

  test("the 413 says so in the reader's language, with the way back to the form that sent it", async () => {
    const response = await fetch(`${server.origin}/partners/new`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Cookie: cookie,
        "Sec-Fetch-Site": "same-origin",
        "Accept-Language": "ru-RU,ru;q=0.9,en;q=0.5",
        Referer: `${server.origin}/partners/new?kind=city`,
      },
      body: `name=${"A".repeat(9 * 1024 * 1024)}`,
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const page = await response.text();
    expect(page).toContain('<html lang="ru">');
    expect(page).toContain("<h1>Слишком большой объём</h1>");
    expect(page).toContain('<a href="/partners/new?kind=city">Вернуться к форме</a>');

    // A referrer elsewhere is no way back.
    const elsewhere = await fetch(`${server.origin}/sign-in`, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Sec-Fetch-Site": "same-origin",
        "Accept-Language": "en",
        Referer: "https://evil.example/partners/new",
      },
      body: `email=${"a".repeat(100 * 1024)}`,
    });
    const refused = await elsewhere.text();
    expect(refused).toContain("<h1>Too much to send</h1>");
    expect(refused).not.toContain("evil.example");
  });

  test("a 9 MB form, just over the 8 MB limit, gets the 413, not a reset, and the server stays small", async () => {
    const before = residentMb(server);
    const outcomes = await postAll(10, {
      body: `name=${"A".repeat(9 * 1024 * 1024)}`,
      headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin" },
    });
    expect(outcomes).toEqual(Array(10).fill("413 close"));
    expect(residentMb(server) - before).toBeLessThan(50);
    expect(await healthzMs()).toBeLessThan(2000);
  }, 60_000);
});
