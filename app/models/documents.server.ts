/**
 * Documents attached to meetings, relation steps, initiatives and delegations (issue 16.1).
 *
 * An upload is streamed to a temporary file in the files folder (db/files.ts), hashed and
 * counted as it arrives, and refused past UPLOAD_MAX_MB; its kind is read from what was written
 * (app/utils/file-kind.server.ts). Only then is it renamed to its SHA-256 (atomic, in the same
 * folder; a content already there is kept and the copy dropped) and its row written. Whatever
 * fails on the way (too big, refused kind, the client gone) removes the temporary file: nothing
 * half-written stays. The rows are audited records (history, bin); the files stay while a row
 * or an entry names them.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { UploadHandler } from "@remix-run/node";
import { createReadableStreamFromReadable, unstable_parseMultipartFormData } from "@remix-run/node";
import { and, count, desc, eq, sql, type SQL } from "drizzle-orm";
import { restoreRecord, type Actor } from "~db/history";
import type { AuditedRecordType } from "~db/enums";
import { documents, users } from "~db/schema";
import { ensureFilesDir, filesDirOf, fsyncPath, SHA256, temporaryName } from "~db/files";
import { getDb } from "~/db.server";
import type { Db } from "~db/client";
import { perConnection } from "~db/prepared";
import { getEnv } from "~/env.server";
import type { DocumentParent } from "~/forms/document";
import { offsetOf, pageOf, PAGE_SIZE, type Page } from "~/utils/pagination";
import { detectKind, FILE_KINDS, kindOfType, type FileKind } from "~/utils/file-kind.server";
import { refusal, type Refusal } from "./refusals";
import { writeTransaction } from "./writes.server";
import type { Language } from "~/i18n/config";
import { sayInstant } from "~/i18n/said-dates.server";

export const filesDir = () => ensureFilesDir(filesDirOf(getEnv().DATABASE_PATH));
export const uploadLimitBytes = () => getEnv().UPLOAD_MAX_MB * 1024 * 1024;

/** A file received whole into the files folder under a temporary name. */
export type Received = { file: string; sha256: string; size: number; name: string };

export class UploadTooLarge extends Error {}
export class UploadRefused extends Error {}

// The form's fields around the file are a few short values.
const MAX_FIELD_BYTES = 1024;
const MAX_NAME_LENGTH = 255;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/g;
// Marks that turn the text's direction: "\u202Egpj.exe" reads as "exe.jpg" and is an .exe.
const DIRECTION_MARKS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// What a cut keeps of a name's end: its extension, when it has a short one.
const EXTENSION = /\.[\p{L}\p{N}]{1,10}$/u;

/**
 * What the uploader called the file, without a path, control characters, marks that reverse
 * how it reads, or excess length; a long name is cut before its extension, which it keeps.
 */
export function cleanName(raw: string) {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const clean = base.replace(CONTROL_CHARACTERS, "").replace(DIRECTION_MARKS, "").trim() || "document";
  // Counted in characters, not UTF-16 units: a cut never splits one.
  const characters = Array.from(clean);
  if (characters.length <= MAX_NAME_LENGTH) return clean;
  const extension = EXTENSION.exec(clean)?.[0] ?? "";
  return (
    characters
      .slice(0, MAX_NAME_LENGTH - extension.length)
      .join("")
      .trimEnd() + extension
  );
}

/**
 * Streams `data` into a new private file in `dir`, hashing and counting as it goes; past
 * `limit` bytes, or on any failure of the stream, the file is removed and the error thrown.
 */
export async function receiveFile(
  dir: string,
  name: string,
  data: AsyncIterable<Uint8Array>,
  limit: number,
): Promise<Received> {
  const file = path.join(dir, temporaryName());
  const handle = await fs.promises.open(file, "wx", 0o600);
  const hash = crypto.createHash("sha256");
  let size = 0;
  try {
    for await (const chunk of data) {
      size += chunk.byteLength;
      if (size > limit) throw new UploadTooLarge();
      hash.update(chunk);
      await handle.write(chunk);
    }
    await handle.sync();
    await handle.close();
  } catch (error) {
    await handle.close().catch(() => undefined);
    fs.rmSync(file, { force: true });
    throw error;
  }
  return { file, sha256: hash.digest("hex"), size, name: cleanName(name) };
}

/**
 * Reads a multipart post: its short fields into a FormData, its one file (the `file` field)
 * into the files folder with receiveFile. The caller must `discard` the received file if it
 * does not `keep` it. A second file, a long field, or a file over the limit is refused.
 */
export async function readUpload(request: Request) {
  const dir = filesDir();
  let received: Received | null = null;
  const handler: UploadHandler = async ({ name, filename, data }) => {
    if (filename === undefined) {
      const chunks: Uint8Array[] = [];
      let length = 0;
      for await (const chunk of data) {
        length += chunk.byteLength;
        if (length > MAX_FIELD_BYTES) throw new UploadRefused();
        chunks.push(chunk);
      }
      return Buffer.concat(chunks).toString("utf8");
    }
    if (name !== "file" || received) throw new UploadRefused();
    // No file chosen: browsers send an empty part with no name.
    if (filename === "") {
      for await (const _ of data) void _;
      return null;
    }
    received = await receiveFile(dir, filename, data, uploadLimitBytes());
    return "received";
  };
  try {
    const formData = await unstable_parseMultipartFormData(request, handler);
    return { formData, received: received as Received | null };
  } catch (error) {
    discard(received);
    throw error;
  }
}

export function discard(received: Received | null) {
  if (received) fs.rmSync(received.file, { force: true });
}

/** Puts a received file in place under its hash (atomic); a content already there is kept. */
function keep(received: Received) {
  const dir = path.dirname(received.file);
  const target = path.join(dir, received.sha256);
  if (fs.existsSync(target)) {
    // Freshly needed again: the housekeeping leaves young files alone (db/files.ts).
    const now = new Date();
    fs.utimesSync(target, now, now);
    fs.rmSync(received.file, { force: true });
  } else {
    fs.renameSync(received.file, target);
    fsyncPath(dir);
  }
}

const PARENT_COLUMN = {
  meeting: documents.meetingId,
  relationStep: documents.relationStepId,
  initiative: documents.initiativeId,
  delegation: documents.delegationId,
} as const;
const PARENT_KEY = {
  meeting: "meetingId",
  relationStep: "relationStepId",
  initiative: "initiativeId",
  delegation: "delegationId",
} as const;
const PARENT_TABLE: Record<DocumentParent, string> = {
  meeting: "meetings",
  relationStep: "relation_steps",
  initiative: "initiatives",
  delegation: "delegations",
};

/** `alreadyAs`: the record had this very file already, under that name (no second row is made). */
export type AttachResult =
  { ok: true; id: number; alreadyAs?: string } | { ok: false; refusals: { file: Refusal[] }; status: 400 | 413 };

/**
 * Attaches a received file to a record: checks its kind by content, puts it in place and
 * writes its row, in one transaction with the check that the record exists. The same file
 * attached again to the same record is the row already there. The received file is gone
 * afterwards whatever happens (in place, or removed).
 */
export async function attachDocument(
  parent: DocumentParent,
  parentId: number,
  received: Received,
  actor: Actor,
): Promise<AttachResult> {
  try {
    if (received.size === 0) return { ok: false, refusals: { file: [refusal("documents.errors.empty")] }, status: 400 };
    const kind = await detectKind(received.file);
    if (!kind) return { ok: false, refusals: { file: [refusal("documents.errors.type")] }, status: 400 };
    const db = getDb();
    return writeTransaction(db, actor, (tx) => {
      const exists = db.$client.prepare(`SELECT 1 FROM ${PARENT_TABLE[parent]} WHERE id = ?`).get(parentId);
      if (!exists) return { ok: false, refusals: { file: [refusal("documents.errors.parent")] }, status: 400 } as const;
      const already = tx
        .select({ id: documents.id, name: documents.name })
        .from(documents)
        .where(and(eq(PARENT_COLUMN[parent], parentId), eq(documents.sha256, received.sha256)))
        .get();
      // In place before the row commits: a row never names a file that is not there.
      keep(received);
      if (already) return { ok: true, id: already.id, alreadyAs: already.name } as const;
      const row = tx
        .insert(documents)
        .values({
          [PARENT_KEY[parent]]: parentId,
          sha256: received.sha256,
          name: received.name,
          size: received.size,
          type: FILE_KINDS[kind],
          uploadedBy: actor.userId,
        })
        .returning({ id: documents.id })
        .get();
      return { ok: true, id: row.id } as const;
    });
  } finally {
    discard(received);
  }
}

const listColumns = {
  id: documents.id,
  name: documents.name,
  size: documents.size,
  type: documents.type,
  uploadedAt: documents.uploadedAt,
  uploadedBy: users.name,
  meetingId: documents.meetingId,
  relationStepId: documents.relationStepId,
  initiativeId: documents.initiativeId,
  delegationId: documents.delegationId,
};

// A record's page shows its newest documents, at most this many, and links to all of them
// (a page of DOCUMENTS_PAGE_SIZE at a time) when it has more.
export const DOCUMENTS_SHOWN = 10;
export const DOCUMENTS_PAGE_SIZE = PAGE_SIZE;

function listWhere(where: SQL | undefined, lng: Language, limit: number, offset = 0) {
  return getDb()
    .select(listColumns)
    .from(documents)
    .leftJoin(users, eq(users.id, documents.uploadedBy))
    .where(where)
    .orderBy(desc(documents.id))
    .limit(limit)
    .offset(offset)
    .all()
    .map((row) => listed(row, lng));
}

/** A listed document with its kind (a photo, a PDF...) read from its type, and when it came in words. */
function listed<Row extends { type: string; uploadedAt: string }>(row: Row, lng: Language) {
  return { ...row, kind: kindOfType(row.type), uploadedAt: sayInstant(row.uploadedAt, lng) };
}

export type DocumentItem = ReturnType<typeof listWhere>[number];
/** Some of a record's documents, and how many it has in all. */
export type DocumentList = { items: DocumentItem[]; total: number };

const countWhere = (where: SQL) => getDb().select({ total: count() }).from(documents).where(where).get()?.total ?? 0;

/**
 * A record's newest documents and their count, for each kind of record: built and prepared once
 * per connection with the record's id as a parameter (every meeting, initiative and delegation
 * page asks on every request; drizzle building the two queries' SQL and SQLite preparing them
 * each time was some 10% of the meeting page's server time; issue 17).
 */
const parentReads = perConnection((db) => {
  const id = sql.placeholder("id");
  const reads = (column: (typeof PARENT_COLUMN)[DocumentParent]) => ({
    items: db
      .select(listColumns)
      .from(documents)
      .leftJoin(users, eq(users.id, documents.uploadedBy))
      .where(eq(column, id))
      .orderBy(desc(documents.id))
      .limit(DOCUMENTS_SHOWN)
      .prepare(),
    total: db.select({ total: count() }).from(documents).where(eq(column, id)).prepare(),
  });
  return {
    meeting: reads(PARENT_COLUMN.meeting),
    relationStep: reads(PARENT_COLUMN.relationStep),
    initiative: reads(PARENT_COLUMN.initiative),
    delegation: reads(PARENT_COLUMN.delegation),
  };
});

/** A record's newest documents, at most DOCUMENTS_SHOWN, and how many it has. */
export function listDocuments(parent: DocumentParent, parentId: number, lng: Language): DocumentList {
  const reads = parentReads(getDb())[parent];
  return {
    items: reads.items.all({ id: parentId }).map((row) => listed(row, lng)),
    total: reads.total.get({ id: parentId })?.total ?? 0,
  };
}

/** A page of a record's documents, newest first (the "all documents" page). */
export function pageOfDocuments(
  parent: DocumentParent,
  parentId: number,
  page: number,
  lng: Language,
): Page<DocumentItem> {
  const where = eq(PARENT_COLUMN[parent], parentId);
  const items = listWhere(where, lng, DOCUMENTS_PAGE_SIZE, offsetOf(page, DOCUMENTS_PAGE_SIZE));
  return pageOf(items, countWhere(where), page, DOCUMENTS_PAGE_SIZE);
}

/** Whether the record a document would be attached to is on file. */
export function documentParentExists(parent: DocumentParent, parentId: number) {
  return Boolean(getDb().$client.prepare(`SELECT 1 FROM ${PARENT_TABLE[parent]} WHERE id = ?`).get(parentId));
}

/** Where a record that documents are attached to is shown. */
export function parentPathOf(parent: DocumentParent, parentId: number) {
  const column = {
    meeting: "meeting_id",
    relationStep: "relation_step_id",
    initiative: "initiative_id",
    delegation: "delegation_id",
  }[parent];
  return documentParentPath({ [column]: parentId });
}

/**
 * How many documents each of some steps has, the steps' ids passed as one JSON array: one
 * statement, built and prepared once per connection, for any number of steps (the partner page
 * asks on every request; drizzle building and SQLite preparing the IN list each time was ~3% of
 * the page's server time, issue 17).
 */
const stepTotals = perConnection((db) =>
  db
    .select({ stepId: documents.relationStepId, total: count() })
    .from(documents)
    .where(sql`${documents.relationStepId} in (select value from json_each(${sql.placeholder("ids")}))`)
    .groupBy(documents.relationStepId)
    .prepare(),
);

/** The documents of several relation steps, by step, each as listDocuments (the partner page shows them all). */
export function documentsOfSteps(stepIds: number[], lng: Language) {
  const bySteps = new Map<number, DocumentList>();
  if (stepIds.length === 0) return bySteps;
  const totals = stepTotals(getDb()).all({ ids: JSON.stringify(stepIds) });
  // One bounded read per step that has any (listDocuments' own prepared statement): each step
  // gets its own newest, whatever the others hold.
  const items = parentReads(getDb()).relationStep.items;
  for (const { stepId, total } of totals)
    bySteps.set(stepId!, { items: items.all({ id: stepId! }).map((row) => listed(row, lng)), total });
  return bySteps;
}

/** A document and where its file is, or null when it is not (or no longer) on file. */
export function getDocument(id: number) {
  const row = getDb().select().from(documents).where(eq(documents.id, id)).get();
  if (!row || !SHA256.test(row.sha256)) return null;
  return { ...row, kind: kindOfType(row.type) as FileKind | null, file: path.join(filesDir(), row.sha256) };
}

/** Where a document's record is shown. */
export function documentParentPath(row: {
  meeting_id?: unknown;
  relation_step_id?: unknown;
  initiative_id?: unknown;
  delegation_id?: unknown;
}) {
  if (typeof row.meeting_id === "number") return `/meetings/${row.meeting_id}`;
  if (typeof row.initiative_id === "number") return `/initiatives/${row.initiative_id}`;
  if (typeof row.delegation_id === "number") return `/delegations/${row.delegation_id}`;
  if (typeof row.relation_step_id === "number") {
    const partner = getDb()
      .$client.prepare(
        "SELECT r.partner_id FROM relation_steps s JOIN relations r ON r.id = s.relation_id WHERE s.id = ?",
      )
      .pluck()
      .get(row.relation_step_id) as number | undefined;
    return partner ? `/partners/${partner}` : null;
  }
  return null;
}

/** Where a document on file is shown, by its id. */
export function documentPathOf(id: number) {
  const row = getDb().$client.prepare("SELECT * FROM documents WHERE id = ?").get(id) as
    Record<string, unknown> | undefined;
  return row ? documentParentPath(row) : null;
}

/** Deletes a document (into the bin); its file stays while the history names it. */
export function deleteDocument(id: number, actor: Actor) {
  const db = getDb();
  return writeTransaction(db, actor, () => {
    const path = documentPathOf(id);
    const { changes } = db.$client.prepare("DELETE FROM documents WHERE id = ?").run(id);
    return changes > 0 ? { ok: true as const, path } : { ok: false as const };
  });
}

/** `filename` for Content-Disposition: ASCII for old clients, the real name as RFC 5987's filename*. */
export function dispositionOf(kind: "attachment" | "inline", name: string) {
  const ascii = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * A document's file as the answer: streamed, private, never run by the browser (nosniff, a
 * sandboxing CSP), downloaded unless `inline` is asked for a kind that may preview. One byte
 * range is served when asked (a download resumed over a poor connection, a PDF viewer reading
 * the page it shows first); never transformed, so the compression middleware leaves the bytes
 * and their ranges as they are on disk.
 */
export function documentResponse(
  document: NonNullable<ReturnType<typeof getDocument>>,
  inline: boolean,
  request?: Request,
) {
  let size: number;
  try {
    size = fs.statSync(document.file).size;
  } catch {
    return new Response("Not Found", { status: 404 });
  }
  const headers = {
    "Content-Type": document.type,
    "Content-Disposition": dispositionOf(inline ? "inline" : "attachment", document.name),
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "sandbox",
    "Cache-Control": "private, no-store, no-transform",
    "Accept-Ranges": "bytes",
  };
  // If-Range names a version of the file this answer cannot compare (it gives no validator): the whole file.
  const range = request && !request.headers.has("If-Range") ? byteRange(request.headers.get("Range"), size) : null;
  if (range === "unsatisfiable")
    return new Response(null, { status: 416, headers: { ...headers, "Content-Range": `bytes */${size}` } });
  const [start, end] = range ?? [0, size - 1];
  const body = size === 0 ? null : createReadableStreamFromReadable(fs.createReadStream(document.file, { start, end }));
  return new Response(body, {
    status: range ? 206 : 200,
    headers: {
      ...headers,
      "Content-Length": String(size === 0 ? 0 : end - start + 1),
      ...(range ? { "Content-Range": `bytes ${start}-${end}/${size}` } : {}),
    },
  });
}

/**
 * The one byte range a Range header asks for (RFC 9110 14.1.2: "bytes=0-99", "bytes=100-",
 * "bytes=-500"), within a file of `size` bytes; null to send the whole file (no header, one of
 * another unit, a malformed one, or several ranges, which a browser does not ask for);
 * "unsatisfiable" when it starts past the end.
 */
export function byteRange(header: string | null, size: number): [number, number] | "unsatisfiable" | null {
  const match = header ? /^bytes=(\d*)-(\d*)$/.exec(header.trim()) : null;
  if (!match || (match[1] === "" && match[2] === "")) return null;
  // Digits past what a file can hold are read as the largest: "bytes=0-99999999999999999999".
  const number = (digits: string) => Math.min(Number(digits), Number.MAX_SAFE_INTEGER);
  if (match[1] === "") {
    const suffix = number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return [Math.max(0, size - suffix), size - 1];
  }
  const start = number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(number(match[2]), size - 1);
  if (match[2] !== "" && number(match[2]) < start) return null;
  if (start >= size) return "unsatisfiable";
  return [start, end];
}

/** Where a deleted parent's documents name it, by the column's name in the history's snapshots. */
const SNAPSHOT_PARENT: Partial<Record<AuditedRecordType, { column: string; ids: (id: number) => string }>> = {
  meeting: { column: "meeting_id", ids: () => "SELECT ?" },
  initiative: { column: "initiative_id", ids: () => "SELECT ?" },
  delegation: { column: "delegation_id", ids: () => "SELECT ?" },
  relation: { column: "relation_step_id", ids: () => "SELECT id FROM relation_steps WHERE relation_id = ?" },
};

/**
 * The documents that went to the bin with a record now restored, brought back with it. Deleting
 * a meeting (an initiative, a delegation, a relation with its steps) deletes its documents in the
 * same save, so their entries are the same account's, made within that save; a document deleted
 * on its own before stays in the bin. Run inside the restore's write transaction, after the
 * parent is back.
 */
export function restoreDocumentsDeletedWith(
  sqlite: Db["$client"],
  type: AuditedRecordType,
  id: number,
  deletion: { at: string; userId: number | null },
) {
  const parent = SNAPSHOT_PARENT[type];
  if (!parent) return 0;
  const binned = sqlite
    .prepare(
      `SELECT h.record_id AS id FROM history h
        WHERE h.record_type = 'document' AND h.action = 'delete' AND h.user_id IS ?
          AND abs(julianday(h.at) - julianday(?)) * 86400 < 2
          AND json_extract(h.before, '$.row.${parent.column}') IN (${parent.ids(id)})
          AND h.id = (SELECT max(id) FROM history WHERE record_type = 'document' AND record_id = h.record_id)`,
    )
    .all(deletion.userId, deletion.at, id) as Array<{ id: number }>;
  return binned.filter((document) => restoreRecord(sqlite, "document", document.id).restored).length;
}
