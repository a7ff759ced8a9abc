/**
 * Documents are compressed in one call in entry.server.tsx (issue 17), as the compression
 * middleware chose before: Brotli when accepted, else gzip, nothing when neither is (or for
 * HEAD, or a document under 1 KB), always with Vary: Accept-Encoding and the length sent.
 */
import zlib from "node:zlib";
import { describe, expect, it, test } from "vitest";
import { acceptedEncoding, compressDocument, documentBytes } from "~/utils/compress.server";

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
