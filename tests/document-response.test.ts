/**
 * A rendered document goes from entry.server.tsx to the socket as the one buffer it is
 * (app/utils/document-response.server.ts, server.ts's remixHandler), not copied into a
 * Response's stream and read back. What a browser receives must be what it was: the page,
 * compressed as asked, with its length; a HEAD's headers without a body; and every other
 * answer (a route's data, a resource, a redirect) sent as Remix sends it, compressed as it
 * streams when it is text and the browser asks (app/utils/compress.server.ts).
 */
import http from "node:http";
import zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { documentBody, documentResponse } from "~/utils/document-response.server";
import { signIn, startServer, type TestServer } from "./support/server";

it("a document's Response carries its bytes as they are, not a copy", () => {
  const bytes = Buffer.from("<!DOCTYPE html><html><body>Кездесу</body></html>");
  const headers = new Headers({ "Content-Type": "text/html; charset=utf-8" });
  const response = documentResponse(bytes, headers, 404);
  expect(documentBody(response)).toBe(bytes);
  expect(response.status).toBe(404);
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(documentBody(new Response(bytes))).toBeUndefined();
});

/** Each coding a browser may ask for, and how what it receives is read back. */
const CODINGS = [
  ["br", (body: Buffer) => zlib.brotliDecompressSync(body)],
  ["gzip", (body: Buffer) => zlib.gunzipSync(body)],
  ["identity", (body: Buffer) => body],
] as const;

describe("pages as the real server sends them", () => {
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    server = await startServer(4124);
    cookie = await signIn(server);
  }, 90_000);
  afterAll(() => server?.stop());

  /** The answer as it came off the wire, undecoded. */
  const raw = (path: string, headers: Record<string, string>, method = "GET") =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      const request = http.request(`${server.origin}${path}`, { method, headers: { Cookie: cookie, ...headers } });
      request.on("response", (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }),
        );
      });
      request.on("error", reject);
      request.end();
    });

  it.each(CODINGS)("a page asked for as %s arrives whole, with its length", async (encoding, decode) => {
    const answer = await raw("/partners", { "Accept-Encoding": encoding, "Accept-Language": "kk" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-encoding"]).toBe(encoding === "identity" ? undefined : encoding);
    expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    const html = decode(answer.body).toString("utf8");
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain("<h1");
    expect(html).toContain("Әріптестер");
    // The render's last word: the data's stream closed.
    expect(html).toMatch(/streamController\.close\(\);<\/script>(<!--[^>]*-->)*$/);
  });

  it("a page's HEAD has the page's headers and no body", async () => {
    const page = await raw("/partners", { "Accept-Encoding": "identity" });
    const head = await raw("/partners", { "Accept-Encoding": "identity" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(head.headers["content-length"]).toBe(String(page.body.length));
    expect(head.body.length).toBe(0);
  });

  it("a page that is not there is the not-found page, whole", async () => {
    const answer = await raw("/nothing/here", { "Accept-Encoding": "gzip", "Accept-Language": "en" });
    expect(answer.status).toBe(404);
    expect(zlib.gunzipSync(answer.body).toString("utf8")).toContain("Page not found");
  });

  it("a data request of Remix before single fetch (?_data=) is refused, and nothing is logged", async () => {
    const before = server.log().length;
    for (const path of ["/partners?_data=root", "/partners/1?_data=routes%2Fpartners.%24partnerId&x=1", "/?_data="]) {
      const signedIn = await fetch(`${server.origin}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(signedIn.status).toBe(400);
      const signedOut = await fetch(`${server.origin}${path}`, { redirect: "manual" });
      expect(signedOut.status).toBe(400);
    }
    expect(server.log().slice(before)).toBe("");
  });

  it("a route's data and a resource are sent as Remix sends them", async () => {
    const data = await fetch(`${server.origin}/partners.data`, { headers: { Cookie: cookie } });
    expect(data.status).toBe(200);
    expect(data.headers.get("content-type")).toContain("text/x-script");
    expect(await data.text()).toContain("routes/partners._index");

    const strings = await fetch(`${server.origin}/locales/kk`, { headers: { Cookie: cookie } });
    expect(strings.status).toBe(200);
    expect(((await strings.json()) as { app: { name: string } }).app.name).toBe("Kezdesu");
  });

  it.each(CODINGS)("a route's data asked for as %s arrives compressed so, and whole", async (encoding, decode) => {
    const answer = await raw("/partners.data", { "Accept-Encoding": encoding, "Accept-Language": "kk" });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toContain("text/x-script");
    expect(answer.headers["content-encoding"]).toBe(encoding === "identity" ? undefined : encoding);
    // Whoever caches it keeps one copy per coding.
    expect(answer.headers.vary).toContain("Accept-Encoding");
    const data = decode(answer.body).toString("utf8");
    expect(data).toContain("routes/partners._index");
    expect(data).toContain("Әріптестер");
  });

  it("a text file is compressed and a spreadsheet (a ZIP already) is not", async () => {
    const csv = await raw("/import/template/people-kk.csv", { "Accept-Encoding": "gzip, br" });
    expect(csv.status).toBe(200);
    expect(csv.headers["content-encoding"]).toBe("br");
    expect(csv.headers["content-disposition"]).toBe('attachment; filename="people-kk.csv"');
    const plain = await raw("/import/template/people-kk.csv", { "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(zlib.brotliDecompressSync(csv.body).equals(plain.body)).toBe(true);
    expect(plain.body.toString("utf8")).toMatch(/[А-Яа-яӘәҚқҢңҒғҮүҰұӨөІі]/);

    const xlsx = await raw("/import/template/people-kk.xlsx", { "Accept-Encoding": "gzip, br" });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers["content-encoding"]).toBeUndefined();
    expect(xlsx.headers.vary ?? "").not.toContain("Accept-Encoding");
    // A spreadsheet is a ZIP: its first bytes say so.
    expect(xlsx.body.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
