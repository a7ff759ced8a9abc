/**
 * Issue 15.1, the import's attacks: a file over UPLOAD_MAX_MB is refused beside the field and
 * nothing of it is kept; an editor cannot undo an import (administrators only); one account
 * cannot preview or import another's staged upload by its id; a file name is only its name.
 */
import fs from "node:fs";
import path from "node:path";
import { count } from "drizzle-orm";
import { expect, test, vi } from "vitest";
import { imports, meetings } from "~db/schema";
import { getDb } from "~/db.server";
import { templateHeaders } from "~/models/imports.server";
import { aPartner } from "../support/factories";
import { cookieFor } from "../support/accounts";

// Before anything reads the environment (it is read once).
vi.hoisted(() => {
  process.env.UPLOAD_MAX_MB = "1";
});
const { action } = await import("~/routes/import._index");

async function post(role: "editor" | "admin" | "viewer", body: FormData | URLSearchParams) {
  const request = new Request("http://localhost/import", {
    method: "POST",
    headers: { Cookie: await cookieFor(role), "Accept-Language": "en" },
    body,
  });
  try {
    return (await action({ request, params: {}, context: {} })) as unknown as {
      data: Record<string, unknown>;
      init: { status?: number } | null;
    } & Response;
  } catch (thrown) {
    return thrown as Response & { data: Record<string, unknown>; init: null };
  }
}

const stagingDir = () => path.join(path.dirname(process.env.DATABASE_PATH!), "import-staging");
const staged = () => (fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()) : []);

function upload(content: string | Uint8Array<ArrayBuffer>, name = "meetings.csv") {
  const form = new FormData();
  form.append("intent", "preview");
  form.append("file", new File([content], name, { type: "text/csv" }));
  return form;
}

const csvOf = (rows: string[][]) => rows.map((r) => r.join(",")).join("\r\n");

test(
  "a file over UPLOAD_MAX_MB is refused beside the field, and nothing of it is kept",
  { timeout: 60_000 },
  async () => {
    const reply = await post("editor", upload(new Uint8Array(1024 * 1024 + 10).fill(65)));
    expect(reply.init?.status).toBe(400);
    expect(reply.data).toEqual({ stage: "refused", fileError: "The file is over 1 MB." });
    expect(staged().filter((f) => f.endsWith(".upload"))).toEqual([]);
  },
);

test("a PDF renamed .csv is not a spreadsheet; nothing written, nothing kept", async () => {
  const reply = await post("editor", upload("%PDF-1.7\n\u0000\u0001binary", "meetings.csv"));
  expect(reply.data).toEqual({ stage: "refused", fileError: "This is not an XLSX or CSV file." });
  expect(staged()).toEqual([]);
});

test("another account's staged upload cannot be imported by its id; an editor cannot undo", async () => {
  aPartner({ nameEn: "Harbin", countryCode: "CN" });
  const headers = templateHeaders("en");
  const row = headers.map((h) => ({ Date: "2019", Partner: "Harbin", Purpose: "Talks" })[h] ?? "");
  const reply = await post("editor", upload(csvOf([headers, row]), "../../etc/passwd"));
  expect(reply.data).toMatchObject({ stage: "preview", fileName: "passwd", preview: { ready: 1 } });
  const stagedId = reply.data.stagedId ?? (reply.data as { token: string }).token;

  const stolen = await post("admin", new URLSearchParams({ intent: "import", stagedId: String(stagedId) }));
  expect(stolen.data).toMatchObject({ fileError: expect.stringContaining("no longer kept") });
  expect(getDb().select({ n: count() }).from(meetings).get()!.n).toBe(0);

  const done = await post("editor", new URLSearchParams({ intent: "import", stagedId: String(stagedId) }));
  expect(done.status).toBe(302);
  expect(getDb().select({ n: count() }).from(meetings).get()!.n).toBe(1);
  const importId = getDb().select().from(imports).get()!.id;

  const undo = await post("editor", new URLSearchParams({ intent: "undo", importId: String(importId) }));
  expect(undo.status).toBe(403);
  expect(getDb().select({ n: count() }).from(meetings).get()!.n).toBe(1);
  const undone = await post("admin", new URLSearchParams({ intent: "undo", importId: String(importId) }));
  expect(undone.status).toBe(302);
  expect(getDb().select({ n: count() }).from(meetings).get()!.n).toBe(0);
});
