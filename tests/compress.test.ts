/**
 * Documents are compressed in one call in entry.server.tsx (issue 17), as the compression
 * middleware chose before: Brotli when accepted, else gzip, nothing when neither is (or for
 * HEAD, or a document under 1 KB), always with Vary: Accept-Encoding and the length sent.
 */
import zlib from "node:zlib";
import { describe, expect, it } from "vitest";
import { acceptedEncoding, compressDocument } from "~/utils/compress.server";

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
