/**
 * Issue 16.2: the administrators' ZIP of the whole database: a CSV per table, the documents'
 * files, and no secret of any account.
 */
import crypto from "node:crypto";
import JSZip from "jszip";
import { expect, test, vi } from "vitest";
import { getDb } from "~/db.server";
import { databaseZip } from "~/exchange/database-zip.server";
import { loader } from "~/routes/admin.export[.zip]";
import { createSession } from "~/models/sessions.server";
import { accountFor, cookieFor } from "./support/accounts";
import { aDocumentId, aPdf } from "./support/documents";
import { aMeeting } from "./support/factories";

async function zipOf(stream: NodeJS.ReadableStream) {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return JSZip.loadAsync(Buffer.concat(chunks));
}

test("a CSV per table with a BOM, the documents' files, formulas neutralised, and no secrets", async () => {
  const { id: userId } = await accountFor("admin");
  createSession(userId);
  const meetingId = aMeeting({ purpose: '=HYPERLINK("http://evil.example")' });
  const bytes = aPdf("in the zip");
  await aDocumentId("meeting", meetingId, bytes, "Хат.pdf");
  const zip = await zipOf(databaseZip(process.env.DATABASE_PATH!));
  const names = Object.keys(zip.files);
  expect(names).toEqual(expect.arrayContaining(["tables/meetings.csv", "tables/documents.csv", "tables/users.csv"]));
  for (const left of ["sessions", "sign_in_failures", "pending_changes", "name_keys", "search_rows"])
    expect(names).not.toContain(`tables/${left}.csv`);
  expect(names.some((name) => name.startsWith("tables/search_text"))).toBe(false);

  const meetings = await zip.file("tables/meetings.csv")!.async("string");
  expect(meetings.startsWith("\uFEFFid,")).toBe(true);
  expect(meetings).toContain(`"'=HYPERLINK(""http://evil.example"")"`);

  const users = await zip.file("tables/users.csv")!.async("string");
  expect(users.split("\r\n")[0]).not.toMatch(/password|token/);
  const hashes = getDb()
    .$client.prepare("select password_hash from users where password_hash is not null")
    .pluck()
    .all();
  expect(hashes.length).toBeGreaterThan(0);
  for (const hash of hashes) expect(users).not.toContain(String(hash).split("$").at(-1));
  const sessions = getDb().$client.prepare("select token_hash from sessions").pluck().all() as string[];
  const everything = (
    await Promise.all(names.filter((n) => n.endsWith(".csv")).map((n) => zip.file(n)!.async("string")))
  ).join();
  for (const token of sessions) expect(everything).not.toContain(token);

  const documents = await zip.file("tables/documents.csv")!.async("string");
  const sha = crypto.createHash("sha256").update(bytes).digest("hex");
  expect(documents).toContain(`${sha},Хат.pdf`);
  expect(Buffer.from(await zip.file(`files/${sha}`)!.async("uint8array"))).toEqual(bytes);
});

test("only administrators get it, as a private download", async () => {
  const request = (role: "editor" | "admin") =>
    cookieFor(role).then((cookie) => new Request("http://localhost/admin/export.zip", { headers: { Cookie: cookie } }));
  const refused = await loader({ request: await request("editor"), params: {}, context: {} }).catch((r: unknown) => r);
  expect((refused as Response).status).toBe(403);
  const response = await loader({ request: await request("admin"), params: {}, context: {} });
  expect(response.headers.get("Content-Type")).toBe("application/zip");
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  expect(response.headers.get("Content-Disposition")).toMatch(
    /^attachment; filename="kezdesu-\d{4}-\d{2}-\d{2}\.zip"$/,
  );
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  expect(Object.keys(zip.files)).toContain("tables/partners.csv");
});

test("is named by the day in Astana, as every other export is (01:30 there is still the day before in UTC)", async () => {
  const at = new Date("2026-12-03T20:30:00Z");
  const cookie = await cookieFor("admin", at);
  vi.useFakeTimers({ toFake: ["Date"] });
  try {
    vi.setSystemTime(at);
    const response = await loader({
      request: new Request("http://localhost/admin/export.zip", { headers: { Cookie: cookie } }),
      params: {},
      context: {},
    });
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="kezdesu-2026-12-04.zip"');
    await response.body?.cancel();
  } finally {
    vi.useRealTimers();
  }
});
