/**
 * Documents are compressed in one call in entry.server.tsx (issue 17), as the compression
 * middleware chose before: Brotli when accepted, else gzip, nothing when neither is (or for
 * HEAD, or a document under 1 KB), always with Vary: Accept-Encoding and the length sent.
 */
import zlib from "node:zlib";
import { describe, expect, it, test } from "vitest";
import { acceptedEncoding, answerEncoding, compressDocument, documentBytes } from "~/utils/compress.server";

describe("the coding a request accepts", () => {
  it.each([
    [null, null],
    ["", null],
    ["identity", null],
    ["gzip, deflate, br", "br"],
    ["gzip, deflate, br, zstd", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0, gzip", "gzip"],
    ["BR;Q=0.5", "br"],
    ["gzip;q=0, br;q=0", null],
    ["*", "br"],
    ["*;q=0", null],
    ["br;q=0, *", "gzip"],
    ["deflate", null],
  ] as const)("%j: %s", (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected);
  });
});

describe("a document as sent", () => {
  const html = Buffer.from(`<!DOCTYPE html><html><body>${"<p>Кездесу</p>".repeat(200)}</body></html>`);
  const request = (acceptEncoding: string | null, method = "GET") =>
    new Request("http://localhost/", {
      method,
      headers: acceptEncoding === null ? {} : { "Accept-Encoding": acceptEncoding },
    });

  it("is Brotli when accepted, and decodes to the page", () => {
    const headers = new Headers();
    const sent = compressDocument(html, request("gzip, deflate, br"), headers);
    expect(headers.get("content-encoding")).toBe("br");
    expect(headers.get("vary")).toBe("Accept-Encoding");
    expect(headers.get("content-length")).toBe(String(sent.length));
    expect(sent.length).toBeLessThan(html.length / 4);
    expect(zlib.brotliDecompressSync(sent).equals(html)).toBe(true);
  });

  it("is gzip when only gzip is accepted", () => {
    const headers = new Headers();
    const sent = compressDocument(html, request("gzip, deflate"), headers);
    expect(headers.get("content-encoding")).toBe("gzip");
    expect(zlib.gunzipSync(sent).equals(html)).toBe(true);
  });

  it.each([
    ["no Accept-Encoding", request(null), html],
    ["a HEAD request", request("gzip, br", "HEAD"), html],
    ["a document under 1 KB", request("gzip, br"), Buffer.from("<!DOCTYPE html><html></html>")],
  ])("is sent as it is for %s, with Vary and its length", (_what, req, page) => {
    const headers = new Headers({ Vary: "Cookie" });
    const sent = compressDocument(page, req, headers);
    expect(sent).toBe(page);
    expect(headers.get("content-encoding")).toBeNull();
    expect(headers.get("vary")).toBe("Cookie, Accept-Encoding");
    expect(headers.get("content-length")).toBe(String(page.length));
  });
});

test("a document's chunks become its UTF-8 bytes, whatever their scripts and sizes", () => {
  const chunks = [
    "<!DOCTYPE html><html><body>",
    `<h1>Қызылорда облысы — Кызылординская область 🇰🇿</h1>`,
    Buffer.from("<p>Буфер: Ақмола</p>"),
    "é".repeat(20_000),
    `${"😀".repeat(9_000)}東京`,
    "",
    "</body></html>",
  ];
  const bytes = documentBytes(chunks);
  const expected = Buffer.from(chunks.map((chunk) => chunk.toString()).join(""));
  expect(bytes.length).toBe(expected.length);
  expect(bytes.equals(expected)).toBe(true);
});

describe("how an answer other than a document is sent", () => {
  const asks = { method: "GET", acceptEncoding: "gzip, deflate, br" };
  const answer = (headers: Record<string, string>, status = 200) => ({ status, headers: new Headers(headers) });

  it.each([
    ["a route's data (turbo-stream)", "text/x-script"],
    ["JSON", "application/json; charset=utf-8"],
    ["an API's JSON", "application/vnd.oai.openapi+json"],
    ["CSV", "text/csv; charset=utf-8"],
    ["a calendar", "text/calendar; charset=utf-8"],
    ["SVG", "image/svg+xml"],
  ])("%s is compressed for whoever asks", (_what, type) => {
    expect(answerEncoding(asks, answer({ "Content-Type": type }))).toEqual({ vary: true, encoding: "br" });
    expect(answerEncoding({ ...asks, acceptEncoding: "gzip" }, answer({ "Content-Type": type }))).toEqual({
      vary: true,
      encoding: "gzip",
    });
    // Not asked: sent as it is, but still said to vary with what is asked.
    expect(answerEncoding({ ...asks, acceptEncoding: null }, answer({ "Content-Type": type }))).toEqual({
      vary: true,
      encoding: null,
    });
  });

  it.each([
    ["a PDF", "application/pdf"],
    ["a spreadsheet", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    ["a ZIP", "application/zip"],
    ["a photo", "image/jpeg"],
    ["a server's events", "text/event-stream"],
    ["no type", ""],
  ])("%s is sent as it is, without Vary", (_what, type) => {
    expect(answerEncoding(asks, answer(type ? { "Content-Type": type } : {}))).toEqual({ vary: false, encoding: null });
  });

  it.each([
    ["a HEAD request", { ...asks, method: "HEAD" }, answer({ "Content-Type": "text/csv" })],
    ["a range", asks, answer({ "Content-Type": "text/csv", "Content-Range": "bytes 0-99/5000" }, 206)],
    ["no body", asks, answer({ "Content-Type": "application/json" }, 204)],
    ["not modified", asks, answer({ "Content-Type": "application/json" }, 304)],
    [
      "an answer asking not to be transformed",
      asks,
      answer({ "Content-Type": "text/csv", "Cache-Control": "no-transform" }),
    ],
    ["an answer under 1 KB", asks, answer({ "Content-Type": "application/json", "Content-Length": "200" })],
  ])("text is sent as it is for %s", (_what, request, response) => {
    expect(answerEncoding(request, response).encoding).toBeNull();
  });

  it("an answer that says its own coding is left alone", () => {
    expect(answerEncoding(asks, answer({ "Content-Type": "text/csv", "Content-Encoding": "gzip" }))).toEqual({
      vary: false,
      encoding: null,
    });
  });
});
