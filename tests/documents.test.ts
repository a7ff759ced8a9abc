/**
 * Issue 16.1: documents attached to records. The files folder beside the test database, the
 * real upload path (a multipart post to the action, streamed to disk), the history and the bin.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { SYSTEM } from "~db/history";
import { filesDirOf, removeUnneededFiles } from "~db/files";
import { getDb } from "~/db.server";
import { action, loader as documentsPage } from "~/routes/documents._index";
import { loader as download } from "~/routes/documents.$documentId";
import { loader as preview } from "~/routes/documents.$documentId_.preview";
import {
  cleanName,
  deleteDocument,
  dispositionOf,
  filesDir,
  getDocument,
  listDocuments,
  receiveFile,
  UploadTooLarge,
} from "~/models/documents.server";
import { binContents, restore, revert } from "~/models/history.server";
import { deleteMeeting } from "~/models/meetings/write.server";
import { deleteRelationStep } from "~/models/relations/write.server";
import { takeFlash } from "~/flash.server";
import { accountFor, cookieFor } from "./support/accounts";
import { aDocument, aDocumentId, aPdf, chunks, PNG } from "./support/documents";
import { aDelegation, aMeeting, anInitiative, aPartner, aRelation, aRelationStep } from "./support/factories";

const dir = () => filesDirOf(process.env.DATABASE_PATH!);
const sha256 = (bytes: Buffer) => crypto.createHash("sha256").update(bytes).digest("hex");
/** Everything in the files folder that is not a finished file: there must never be any. */
const leftovers = () => fs.readdirSync(dir()).filter((name) => !/^[0-9a-f]{64}$/.test(name));
const rowsOf = (meetingId: number) =>
  getDb().$client.prepare("SELECT * FROM documents WHERE meeting_id = ?").all(meetingId) as Array<{
    id: number;
    sha256: string;
    name: string;
    type: string;
    size: number;
  }>;

async function post(role: "viewer" | "editor" | "admin", fields: Record<string, string>, file?: File) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  if (file) body.append("file", file);
  const request = new Request("http://localhost/documents", {
    method: "POST",
    headers: { Cookie: await cookieFor(role), "Accept-Language": "ru" },
    body,
  });
  try {
    return await action({ request, params: {}, context: {} } as never);
  } catch (thrown) {
    return thrown;
  }
}

const statusOf = (outcome: unknown) =>
  outcome instanceof Response ? outcome.status : ((outcome as { init?: { status?: number } }).init?.status ?? 200);
const messagesOf = (outcome: unknown) => (outcome as { data: { errors?: { file?: string[] } } }).data.errors?.file;

describe("attaching", () => {
  test("a PDF is stored once under its SHA-256, private, with its name, size, type, uploader and time", async () => {
    const meetingId = aMeeting({});
    const bytes = aPdf("signed agreement");
    const outcome = await post(
      "editor",
      { intent: "attach", parent: "meeting", parentId: String(meetingId) },
      new File([bytes], "Келісім 2016.pdf", { type: "application/pdf" }),
    );
    expect(statusOf(outcome)).toBe(302);
    const [row] = rowsOf(meetingId);
    expect(row).toMatchObject({ sha256: sha256(bytes), name: "Келісім 2016.pdf", size: bytes.length });
    expect(row.type).toBe("application/pdf");
    const file = path.join(dir(), row.sha256);
    expect(fs.readFileSync(file)).toEqual(bytes);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.statSync(dir()).mode & 0o777).toBe(0o700);
    const [listed] = listDocuments("meeting", meetingId, "kk").items;
    expect(listed.uploadedBy).toBe("Test editor");
    // When, said on the server in the reader's language as Astana time, with its instant.
    expect(listed.uploadedAt.iso).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(listed.uploadedAt.text).toMatch(/^20\d\d жылғы \d{1,2} [а-яәіңғүұқөһ]+, \d\d:\d\d$/);
    expect(leftovers()).toEqual([]);
  });

  test("a file is attached under the name it has, whatever its characters: ; = quotes, any script", async () => {
    // The multipart parser refused a name with ";" or "=" (a 400, "the upload did not arrive
    // whole"), and kept a quote as the %22 browsers send it as.
    const meetingId = aMeeting({});
    const names = ["Протокол; встречи ЕАЭС.pdf", "a=b.pdf", 'Хат "Астана".pdf', "黑龙江省代表团 2026.pdf"];
    for (const [i, name] of names.entries()) {
      const outcome = await post(
        "editor",
        { intent: "attach", parent: "meeting", parentId: String(meetingId) },
        new File([aPdf(`named ${i}`)], name, { type: "application/pdf" }),
      );
      expect(statusOf(outcome)).toBe(302);
    }
    expect(
      rowsOf(meetingId)
        .map((row) => row.name)
        .sort(),
    ).toEqual([...names].sort());
  });

  test("the same file attached again under another name says which document it already is", async () => {
    const meetingId = aMeeting({});
    const bytes = aPdf("sent twice");
    const attach = (name: string) =>
      post(
        "editor",
        { intent: "attach", parent: "meeting", parentId: String(meetingId) },
        new File([bytes], name, { type: "application/pdf" }),
      ) as Promise<Response>;
    const flashOf = async (response: Response) => {
      const cookie = response.headers.get("Set-Cookie")!.split(";")[0];
      return (await takeFlash(new Request("http://localhost/", { headers: { Cookie: cookie } }))).flash?.message;
    };
    expect(await flashOf(await attach("protocol.pdf"))).toBe("Документ прикреплён.");
    expect(await flashOf(await attach("Хаттама 2026.pdf"))).toBe("Этот файл уже прикреплён под именем «protocol.pdf».");
    expect(rowsOf(meetingId).map((row) => row.name)).toEqual(["protocol.pdf"]);
  });

  test("a name is kept without marks that reverse how it reads, and cut before its extension", () => {
    expect(cleanName("\u202Egpj.exe")).toBe("gpj.exe");
    expect(cleanName("report\u2066\u200f.pdf")).toBe("report.pdf");
    const long = cleanName(`${"Қ".repeat(300)}.pdf`);
    expect(long).toBe(`${"Қ".repeat(251)}.pdf`);
    expect(Array.from(cleanName(`${"😀".repeat(300)}.docx`))).toHaveLength(255);
    expect(cleanName(`${"😀".repeat(300)}.docx`).endsWith(".docx")).toBe(true);
  });

  test("the same file attached twice is one copy on disk; twice to the same record, one row", async () => {
    const bytes = aPdf("attached twice");
    const [first, second] = [aMeeting({}), aMeeting({})];
    const a = await aDocumentId("meeting", first, bytes, "a.pdf");
    const b = await aDocumentId("meeting", second, bytes, "b.pdf");
    expect(b).not.toBe(a);
    expect(await aDocumentId("meeting", first, bytes, "again.pdf")).toBe(a);
    expect(rowsOf(first)).toHaveLength(1);
    expect(fs.readdirSync(dir()).filter((name) => name === sha256(bytes))).toHaveLength(1);
  });

  test("each kind of parent takes documents; photos and spreadsheets are told by their content", async () => {
    const partnerId = aPartner();
    const relationId = aRelation(partnerId);
    const stepId = getDb()
      .$client.prepare("SELECT id FROM relation_steps WHERE relation_id = ?")
      .pluck()
      .get(relationId);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Лист").addRow(["Астана", 2016]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await aDocument("relationStep", stepId as number, PNG, "photo.jpg")).toMatchObject({ ok: true });
    expect(await aDocument("initiative", anInitiative(), xlsx, "table")).toMatchObject({ ok: true });
    expect(await aDocument("delegation", aDelegation({ partnerId }), aPdf("visit"))).toMatchObject({ ok: true });
    const types = getDb()
      .$client.prepare("SELECT name, type FROM documents WHERE name IN ('photo.jpg', 'table')")
      .all();
    expect(types).toEqual(
      expect.arrayContaining([
        { name: "photo.jpg", type: "image/png" },
        { name: "table", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
      ]),
    );
  });

  test("a record that is not on file takes nothing, and no file is kept", async () => {
    const before = fs.readdirSync(dir()).length;
    expect(await aDocument("meeting", 999_999, aPdf("orphan"))).toMatchObject({
      ok: false,
      refusals: { file: [{ key: "documents.errors.parent" }] },
    });
    expect(fs.readdirSync(dir())).toHaveLength(before);
  });
});

describe("refusals", () => {
  test.each([
    ["an HTML page named .pdf", "<!doctype html><script>alert(document.cookie)</script>", "letter.pdf"],
    ["an SVG named .pdf", '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "scan.pdf"],
    ["a PDF preceded by HTML", "<html>%PDF-1.4", "scan.pdf"],
    ["a plain ZIP named .docx", "PK\u0003\u0004 not an office document", "letter.docx"],
  ])("%s is refused by its content, with the reason beside the field, and nothing is kept", async (_, text, name) => {
    const meetingId = aMeeting({});
    const before = fs.readdirSync(dir()).sort();
    const outcome = await post(
      "editor",
      { intent: "attach", parent: "meeting", parentId: String(meetingId) },
      new File([text], name, { type: "application/pdf" }),
    );
    expect(statusOf(outcome)).toBe(400);
    expect(messagesOf(outcome)?.[0]).toMatch(/^Прикрепить можно только файлы PDF/);
    expect(rowsOf(meetingId)).toEqual([]);
    expect(fs.readdirSync(dir()).sort()).toEqual(before);
  });

  test("a post with no file chosen is asked for one", async () => {
    const meetingId = aMeeting({});
    const outcome = await post(
      "editor",
      { intent: "attach", parent: "meeting", parentId: String(meetingId) },
      new File([], "", { type: "application/octet-stream" }),
    );
    expect(statusOf(outcome)).toBe(400);
    expect(messagesOf(outcome)).toEqual(["Выберите файл."]);
  });

  test("a file over UPLOAD_MAX_MB is refused with 413 while it streams, and no part of it stays", async () => {
    const meetingId = aMeeting({});
    const before = fs.readdirSync(dir()).sort();
    const big = Buffer.alloc(25 * 1024 * 1024 + 1, 0x25);
    big.write("%PDF-1.4\n");
    const outcome = await post(
      "editor",
      { intent: "attach", parent: "meeting", parentId: String(meetingId) },
      new File([big], "too big.pdf"),
    );
    expect(statusOf(outcome)).toBe(413);
    expect(messagesOf(outcome)).toEqual(["Файл больше 25 МБ."]);
    expect(fs.readdirSync(dir()).sort()).toEqual(before);
  });

  test("an upload cut short (the client gone) leaves nothing behind", async () => {
    async function* cut() {
      yield new Uint8Array(Buffer.from("%PDF-1.4\n"));
      yield new Uint8Array(64 * 1024);
      throw new Error("aborted");
    }
    await expect(receiveFile(filesDir(), "cut.pdf", cut(), 1024 * 1024)).rejects.toThrow("aborted");
    await expect(receiveFile(filesDir(), "big.pdf", chunks(Buffer.alloc(4096)), 1024)).rejects.toBeInstanceOf(
      UploadTooLarge,
    );
    expect(leftovers()).toEqual([]);
  });

  test("a viewer can neither attach nor delete", async () => {
    const meetingId = aMeeting({});
    const documentId = await aDocumentId("meeting", meetingId, aPdf("viewer"));
    const attach = await post(
      "viewer",
      { intent: "attach", parent: "meeting", parentId: String(meetingId) },
      new File([aPdf("viewer 2")], "x.pdf"),
    );
    expect(statusOf(attach)).toBe(403);
    expect(statusOf(await post("viewer", { intent: "delete", documentId: String(documentId) }))).toBe(403);
    expect(rowsOf(meetingId)).toHaveLength(1);
  });
});

describe("downloading", () => {
  test("the file comes back byte for byte, as an attachment with its Cyrillic name, never run", async () => {
    const bytes = aPdf("download");
    const documentId = await aDocumentId("meeting", aMeeting({}), bytes, "Келісім.pdf");
    const request = new Request(`http://localhost/documents/${documentId}`, {
      headers: { Cookie: await cookieFor("viewer") },
    });
    const response = (await download({ request, params: { documentId: String(documentId) }, context: {} })) as Response;
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent("Келісім.pdf")}`,
    );
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Content-Security-Policy")).toBe("sandbox");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store, no-transform");
    expect(response.headers.get("Content-Type")).toBe("application/pdf");
    const inline = (await preview({ request, params: { documentId: String(documentId) }, context: {} })) as Response;
    expect(inline.headers.get("Content-Disposition")).toMatch(/^inline; /);
    expect(inline.headers.get("Content-Security-Policy")).toBe("sandbox");
  });

  test("a name with quotes and a path is made harmless in the header", () => {
    expect(dispositionOf("attachment", 'a"b\\c.pdf')).toBe(
      `attachment; filename="a_b_c.pdf"; filename*=UTF-8''a%22b%5Cc.pdf`,
    );
  });

  test("a byte range is served as asked (a resumed download, a PDF viewer's first page); one past the end is 416", async () => {
    const bytes = aPdf("ranges");
    const documentId = await aDocumentId("meeting", aMeeting({}), bytes, "ranges.pdf");
    const cookie = await cookieFor("viewer");
    const get = async (range: string | null, extra: Record<string, string> = {}, loader = download) =>
      (await loader({
        request: new Request(`http://localhost/documents/${documentId}`, {
          headers: { Cookie: cookie, ...(range ? { Range: range } : {}), ...extra },
        }),
        params: { documentId: String(documentId) },
        context: {},
      })) as Response;
    const size = bytes.length;

    const first = await get("bytes=0-99");
    expect(first.status).toBe(206);
    expect(first.headers.get("Content-Range")).toBe(`bytes 0-99/${size}`);
    expect(first.headers.get("Content-Length")).toBe("100");
    expect(Buffer.from(await first.arrayBuffer())).toEqual(bytes.subarray(0, 100));
    // The rest, as a download resumed after 100 bytes asks for it; put together, the file.
    const rest = await get("bytes=100-");
    expect(rest.status).toBe(206);
    expect(Buffer.concat([bytes.subarray(0, 100), Buffer.from(await rest.arrayBuffer())])).toEqual(bytes);
    const tail = await get("bytes=-10");
    expect(tail.headers.get("Content-Range")).toBe(`bytes ${size - 10}-${size - 1}/${size}`);
    expect(Buffer.from(await tail.arrayBuffer())).toEqual(bytes.subarray(size - 10));
    // The preview serves ranges too (the PDF viewer's requests).
    expect((await get("bytes=0-0", {}, preview)).status).toBe(206);

    const past = await get(`bytes=${size}-`);
    expect(past.status).toBe(416);
    expect(past.headers.get("Content-Range")).toBe(`bytes */${size}`);
    // Malformed, several ranges, another unit, or an If-Range this answer cannot check: the whole file.
    for (const [range, extra] of [
      ["bytes=9-3", {}],
      ["bytes=0-1,5-9", {}],
      ["items=0-1", {}],
      ["bytes=0-1", { "If-Range": "Wed, 21 Oct 2015 07:28:00 GMT" }],
    ] as const) {
      const whole = await get(range, extra);
      expect(whole.status, range).toBe(200);
      expect(whole.headers.get("Accept-Ranges")).toBe("bytes");
      expect(Buffer.from(await whole.arrayBuffer())).toEqual(bytes);
    }
  });

  test("signed out, the file is not served", async () => {
    const documentId = await aDocumentId("meeting", aMeeting({}), aPdf("signed out"));
    const request = new Request(`http://localhost/documents/${documentId}`);
    const outcome = await download({ request, params: { documentId: String(documentId) }, context: {} }).catch(
      (thrown: unknown) => thrown,
    );
    expect((outcome as Response).status).toBe(302);
  });
});

describe("history and the bin", () => {
  test("a deleted document goes to the bin with its file kept; restoring brings it back", async () => {
    const meetingId = aMeeting({});
    const bytes = aPdf("to the bin");
    const documentId = await aDocumentId("meeting", meetingId, bytes, "bin.pdf");
    const { id: userId } = await accountFor("editor");
    expect(deleteDocument(documentId, { userId })).toMatchObject({ ok: true, path: `/meetings/${meetingId}` });
    expect(getDocument(documentId)).toBeNull();
    const binned = binContents(1).items.find((item) => item.recordType === "document" && item.recordId === documentId);
    expect(binned?.snapshot?.row).toMatchObject({ name: "bin.pdf", sha256: sha256(bytes) });
    // Named by the history, so the housekeeping keeps it however old it is.
    removeUnneededFiles(getDb().$client, dir(), Date.now() + 10 * 3_600_000);
    expect(fs.existsSync(path.join(dir(), sha256(bytes)))).toBe(true);
    expect(restore("document", documentId, { userId })).toEqual({ ok: true });
    expect(getDocument(documentId)).toMatchObject({ name: "bin.pdf", meetingId });
  });

  test("deleting the meeting puts its documents in the bin too", async () => {
    const meetingId = aMeeting({});
    const documentId = await aDocumentId("meeting", meetingId, aPdf("with its meeting"));
    deleteMeeting(meetingId, SYSTEM);
    expect(getDocument(documentId)).toBeNull();
    expect(binContents(1).items.some((item) => item.recordType === "document" && item.recordId === documentId)).toBe(
      true,
    );
  });

  test("restoring the meeting brings back the documents deleted with it, not one deleted on its own before", async () => {
    const meetingId = aMeeting({});
    const { id: userId } = await accountFor("editor");
    const earlier = await aDocumentId("meeting", meetingId, aPdf("deleted on its own"), "earlier.pdf");
    const kept = await aDocumentId("meeting", meetingId, aPdf("deleted with the meeting"), "kept.pdf");
    expect(deleteDocument(earlier, { userId })).toMatchObject({ ok: true });
    // A second apart at least, as a person deletes a document and then its meeting.
    await new Promise((resolve) => setTimeout(resolve, 2100));
    deleteMeeting(meetingId, { userId });
    expect(restore("meeting", meetingId, { userId })).toEqual({ ok: true });
    expect(getDocument(kept)).toMatchObject({ name: "kept.pdf", meetingId });
    expect(getDocument(earlier)).toBeNull();
    expect(binContents(1).items.some((item) => item.recordType === "document" && item.recordId === earlier)).toBe(true);
  });

  test("the housekeeping removes old files nothing names, and abandoned uploads, never young ones", () => {
    const orphan = path.join(dir(), "f".repeat(64));
    const abandoned = path.join(dir(), `.upload-${"0".repeat(32)}`);
    fs.writeFileSync(orphan, "x", { mode: 0o600 });
    fs.writeFileSync(abandoned, "x", { mode: 0o600 });
    expect(removeUnneededFiles(getDb().$client, dir())).toBe(0);
    removeUnneededFiles(getDb().$client, dir(), Date.now() + 2 * 3_600_000);
    expect(fs.existsSync(orphan)).toBe(false);
    expect(fs.existsSync(abandoned)).toBe(false);
    expect(fs.readdirSync(dir()).length).toBeGreaterThan(0);
  });

  test("reverting a relation keeps the documents of the steps it keeps, and bins those of the steps it drops", async () => {
    const sqlite = getDb().$client;
    const relationId = aRelation(aPartner());
    const firstStep = sqlite
      .prepare("SELECT id FROM relation_steps WHERE relation_id = ?")
      .pluck()
      .get(relationId) as number;
    const kept = await aDocumentId("relationStep", firstStep, aPdf("first step"));
    const earlier = sqlite
      .prepare("SELECT max(id) FROM history WHERE record_type = 'relation' AND record_id = ?")
      .pluck()
      .get(relationId) as number;
    aRelationStep(relationId, { date: "2020" });
    const laterStep = sqlite
      .prepare("SELECT max(id) FROM relation_steps WHERE relation_id = ?")
      .pluck()
      .get(relationId) as number;
    const dropped = await aDocumentId("relationStep", laterStep, aPdf("later step"));
    const entries = () =>
      sqlite.prepare("SELECT count(*) FROM history WHERE record_type = 'document' AND record_id = ?").pluck();
    const keptEntries = entries().get(kept);
    expect(revert("relation", relationId, earlier, SYSTEM)).toEqual({ ok: true });
    expect(getDocument(kept)).toMatchObject({ relationStepId: firstStep });
    expect(entries().get(kept)).toBe(keptEntries);
    expect(getDocument(dropped)).toBeNull();
    expect(binContents(1).items.some((item) => item.recordType === "document" && item.recordId === dropped)).toBe(true);
  });
});

describe("a record with many documents", () => {
  const pageOf = async (parent: string, parentId: number, page?: number) => {
    const { loader } = await import("~/routes/documents.of.$parent.$parentId");
    const request = new Request(`http://localhost/documents/of/${parent}/${parentId}${page ? `?page=${page}` : ""}`, {
      headers: { Cookie: await cookieFor("viewer") },
    });
    return loader({ request, params: { parent, parentId: String(parentId) }, context: {} });
  };

  test("its page shows the newest and links to all; every one of more than 100 is found a page at a time", async () => {
    const meetingId = aMeeting({});
    const ids: number[] = [];
    for (let i = 0; i < 105; i++) ids.push(await aDocumentId("meeting", meetingId, aPdf(`many ${i}`), `many-${i}.pdf`));
    const { loader: meetingPage } = await import("~/routes/meetings.$meetingId");
    const record = await meetingPage({
      request: new Request(`http://localhost/meetings/${meetingId}`, {
        headers: { Cookie: await cookieFor("viewer") },
      }),
      params: { meetingId: String(meetingId) },
      context: {},
    });
    expect(record.documents.total).toBe(105);
    expect(record.documents.items.map((d) => d.id)).toEqual(ids.slice(-10).reverse());

    const first = await pageOf("meeting", meetingId);
    expect(first.documents).toMatchObject({ total: 105, page: 1, pageCount: 6 });
    expect(first.documents.items).toHaveLength(20);
    expect(first.back).toBe(`/meetings/${meetingId}`);
    const seen: number[] = [];
    for (let page = 1; page <= 6; page++)
      seen.push(...(await pageOf("meeting", meetingId, page)).documents.items.map((d) => d.id));
    expect(seen).toEqual([...ids].reverse());
    // The first ones attached, past the hundred a single list used to show, are on the last page.
    const last = await pageOf("meeting", meetingId, 6);
    expect(last.documents.items.map((d) => d.name)).toEqual([
      "many-4.pdf",
      "many-3.pdf",
      "many-2.pdf",
      "many-1.pdf",
      "many-0.pdf",
    ]);
  });

  test("each step of a relation shows its own newest, however many another step holds", async () => {
    const relationId = aRelation(aPartner({}));
    aRelationStep(relationId, { date: "2019" });
    const [busy, quiet] = getDb()
      .$client.prepare("SELECT id FROM relation_steps WHERE relation_id = ? ORDER BY id")
      .pluck()
      .all(relationId) as number[];
    await aDocumentId("relationStep", quiet, aPdf("quiet step"), "quiet.pdf");
    for (let i = 0; i < 25; i++) await aDocumentId("relationStep", busy, aPdf(`busy ${i}`), `busy-${i}.pdf`);
    const { documentsOfSteps } = await import("~/models/documents.server");
    const steps = documentsOfSteps([busy, quiet], "en");
    expect(steps.get(quiet)).toMatchObject({ total: 1, items: [{ name: "quiet.pdf" }] });
    expect(steps.get(busy)!.total).toBe(25);
    expect(steps.get(busy)!.items).toHaveLength(10);
    const all = await pageOf("relationStep", busy, 2);
    expect(all.documents.items.map((d) => d.name)).toEqual([
      "busy-4.pdf",
      "busy-3.pdf",
      "busy-2.pdf",
      "busy-1.pdf",
      "busy-0.pdf",
    ]);
  });

  test("a relation's step deleted since its documents page was linked: 410, who deleted it and when, with the relation's history", async () => {
    const relationId = aRelation(aPartner({}), { date: "2012" });
    const step = aRelationStep(relationId, { date: "2019" });
    await aDocumentId("relationStep", step.id, aPdf("a deleted step's letter"), "letter.pdf");
    const { id: userId } = await accountFor("editor");
    expect(deleteRelationStep(relationId, step.id, { userId })).toEqual({ deleted: true });
    const outcome = await pageOf("relationStep", step.id).catch((thrown: unknown) => thrown);
    expect(outcome).toMatchObject({
      init: { status: 410 },
      data: {
        gone: {
          message: expect.stringMatching(/^Test editor қарым-қатынастың бұл қадамын жойды \(20\d\d жылғы \d+ /),
          historyHref: `/history/relation/${relationId}`,
          step: true,
        },
      },
    });
  });

  test("a kind of record or a record that is not on file is a 404", async () => {
    for (const [parent, id] of [
      ["partner", 1],
      ["meeting", 999999],
      ["relationStep", 999999],
    ] as const) {
      const outcome = await pageOf(parent, id).catch((thrown: unknown) => thrown as Response);
      expect((outcome as Response).status).toBe(404);
    }
  });
});

describe("the address files are posted to", () => {
  // What a signed-in person sees there is in e2e/documents.spec.ts.
  test("asked for as a page without an account, asks to sign in", async () => {
    const asked = await documentsPage({
      request: new Request("http://localhost/documents"),
      params: {},
      context: {},
    }).catch((thrown: unknown) => thrown as Response);
    expect(asked).toBeInstanceOf(Response);
    expect((asked as Response).status).toBe(302);
    expect((asked as Response).headers.get("Location")).toMatch(/^\/sign-in/);
  });
});
