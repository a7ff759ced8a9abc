/**
 * Drawn markup goes into a document as bytes made once (app/utils/drawn-parts.server.ts, issue
 * 17): the render writes a marker where each part goes, and the document's bytes take the part's
 * in its place. The last test renders pages with the production build (`npm run build` first), as
 * the server does.
 */
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import { describe, expect, test } from "vitest";
import { documentBytes } from "~/utils/compress.server";
import { documentSegments, drawnMarker, drawnPart, KEPT_PART_BYTES, keptParts } from "~/utils/drawn-parts.server";
import { cookieFor } from "./support/accounts";
import { aMeeting, aPartner } from "./support/factories";

const bytesOf = (chunks: Array<string | Uint8Array>, parts: Buffer[]) =>
  documentBytes(documentSegments(chunks, parts)).toString("utf8");

describe("a document's segments", () => {
  const lane = drawnPart("<svg><title>Қытай — Китай</title></svg>");
  const list = drawnPart("<ol><li>Астана</li></ol>");

  test("take each part's bytes where its marker was, wherever the markers fall in the chunks", () => {
    const chunks = [
      `<main><div>${drawnMarker(1)}</div><p>Ақмола</p><div>${drawnMarker(0)}</div>`,
      Buffer.from("<p>буфер</p>"),
      new TextEncoder().encode(`<p>${drawnMarker(0)}</p>`),
      `${drawnMarker(1)}</main>`,
    ];
    expect(bytesOf(chunks, [lane, list])).toBe(
      "<main><div><ol><li>Астана</li></ol></div><p>Ақмола</p><div><svg><title>Қытай — Китай</title></svg></div>" +
        "<p>буфер</p><p><svg><title>Қытай — Китай</title></svg></p><ol><li>Астана</li></ol></main>",
    );
  });

  test("take a part whose marker the development build's byte views split in two", () => {
    const marker = new TextEncoder().encode(`<div>${drawnMarker(0)}</div>`);
    const chunks = [marker.subarray(0, 12), marker.subarray(12, 20), marker.subarray(20)];
    expect(bytesOf(chunks, [list])).toBe("<div><ol><li>Астана</li></ol></div>");
  });

  test("leave a marker that names no part as it is, and a document without parts untouched", () => {
    const stray = `<p>${drawnMarker(7)}</p>`;
    expect(bytesOf([stray], [lane])).toBe(stray);
    expect(bytesOf(["<p>no parts</p>", new TextEncoder().encode("<p>байттар</p>")], [])).toBe(
      "<p>no parts</p><p>байттар</p>",
    );
  });

  test("are made once for the same markup, and the parts kept are bounded", () => {
    expect(drawnPart("<svg><title>Қытай — Китай</title></svg>")).toBe(lane);
    const big = "ә".repeat(1024 * 1024);
    for (let i = 0; i < 12; i++) drawnPart(`${big}${i}`);
    expect(keptParts().bytes).toBeLessThanOrEqual(KEPT_PART_BYTES);
    expect(keptParts().count).toBeLessThan(12);
  });
});

test("a page's drawn lists arrive whole in the document, and a record's text cannot pass for a marker", async () => {
  if (!fs.existsSync("build/index.js")) throw new Error("No build: run `npm run build` first");
  // By its address, not its name: on a fresh checkout the build does not exist when types are checked.
  const build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  const { documentBody } = build.entry.module as unknown as {
    documentBody: (response: Response) => Buffer | undefined;
  };
  const handler = createRequestHandler(build, "production");
  const partnerId = aPartner({ nameEn: "Marker City" });
  const forged = `${drawnMarker(0).replace(/ \d+-->$/, "")} 0-->`;
  aMeeting({ partnerId, purpose: `Talks ${forged} and after`, date: "2024-05-06" });
  // The production build names its session cookie as served over HTTPS (app/auth.server.ts).
  const cookie = (await cookieFor("viewer")).replace(/^kezdesu_session=/, "__Host-kezdesu_session=");
  const page = async (address: string) => {
    const response = await handler(
      new Request(`http://localhost${address}`, { headers: { Cookie: cookie, "Accept-Language": "en" } }),
      { documentMarkup: [], cspNonce: "nonce", requestId: "test" },
    );
    expect(response.status).toBe(200);
    return new TextDecoder().decode(documentBody(response) ?? (await response.arrayBuffer()));
  };

  const html = await page(`/partners/${partnerId}`);
  // The timeline and the meetings list were drawn: both hold the meeting, its text escaped.
  const timeline = html.slice(html.indexOf('aria-label="Timeline filter"'));
  expect(timeline).toMatch(/Talks &lt;!--drawn [\w-]+ 0--&gt; and after/);
  expect(html.slice(html.indexOf('id="meetings"'))).toMatch(/Talks &lt;!--drawn [\w-]+ 0--&gt; and after/);
  expect(html).toContain('aria-label="Timeline filter"');
  expect(html).not.toContain("<!--drawn");
  // Again, from the kept reads and parts: the same document.
  expect(await page(`/partners/${partnerId}`)).toBe(html);
  expect(await page("/meetings")).toContain("Talks &lt;!--drawn");
});
