/**
 * Reading the history (a record's versions, the activity of everyone, the bin) and undoing
 * with it (restore a deleted record, revert one to an earlier version). The writing side is
 * db/history.ts, run by every write transaction.
 */
import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { type Db } from "~db/client";
import { recordOutsideChanges, writeTransaction } from "./writes.server";
import {
  MissingReferenceError,
  restoreRecord,
  revertRecord,
  type Actor,
  type RecordSnapshot,
  type Rewritten,
} from "~db/history";
import { writeNameKeys } from "~db/name-keys";
import {
  AUDITED_RECORD_TYPES,
  history,
  organisations,
  partners,
  people,
  users,
  type AuditedRecordType,
} from "~db/schema";
import { indexInitiative, indexMeeting } from "./search-index.server";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { REFERENCES } from "~db/shared/history-diff";
import { localizedName } from "~db/shared/names";
import { offsetOf, pageOf, PAGE_SIZE } from "~/utils/pagination";
import { countOf } from "./sql.server";
import { checkUnchanged, recordVersion } from "./record-versions.server";
import { documentParentPath, documentPathOf, restoreDocumentsDeletedWith } from "./documents.server";

export const isAuditedType = (value: unknown): value is AuditedRecordType =>
  typeof value === "string" && (AUDITED_RECORD_TYPES as readonly string[]).includes(value);

/** The kinds of record the history keeps, for a page's filter (from here, not ~db/enums: see admin.activity). */
export const auditedTypes = () => [...AUDITED_RECORD_TYPES];

/** Where a record's page is, for links from the history, the activity log and the bin. */
export function recordPath(type: AuditedRecordType, id: number, snapshot?: RecordSnapshot | null) {
  switch (type) {
    case "partner":
      return `/partners/${id}`;
    case "relation":
      return snapshot ? `/partners/${String(snapshot.row.partner_id)}` : null;
    case "organisation":
      return `/organisations/${id}`;
    case "person":
      return `/people/${id}`;
    case "delegation":
      return `/delegations/${id}`;
    case "meeting":
      return `/meetings/${id}`;
    case "initiative":
      return `/initiatives/${id}`;
    case "document":
      return snapshot ? documentParentPath(snapshot.row) : documentPathOf(id);
  }
}

const entryColumns = {
  id: history.id,
  at: history.at,
  action: history.action,
  recordType: history.recordType,
  recordId: history.recordId,
  userId: history.userId,
  userName: users.name,
  outside: history.outside,
};

/** One page of entries matching `where`, newest first, with their authors' names. */
function entriesPage(where: SQL | undefined, page: number) {
  const db = getDb();
  // A change another program made since the app last wrote is shown, not left for the next save.
  recordOutsideChanges(db);
  const rows = db
    .select({ ...entryColumns, before: history.before, after: history.after })
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(where)
    .orderBy(desc(history.id))
    .limit(PAGE_SIZE)
    .offset(offsetOf(page))
    .all()
    .map((row) => ({ ...row, before: row.before as RecordSnapshot | null, after: row.after as RecordSnapshot | null }));
  const total = countOf(db.select({ count: count() }).from(history).where(where).get());
  return { rows, total };
}

type EntryRow = {
  id: number;
  at: string;
  action: string;
  recordType: AuditedRecordType;
  recordId: number;
  userId: number | null;
  userName: string | null;
  outside: boolean;
};

/** A record's versions, newest first, each with the whole record before and after. */
export function recordHistory(type: AuditedRecordType, id: number, page: number) {
  const where = and(eq(history.recordType, type), eq(history.recordId, id));
  const { rows, total } = entriesPage(where, page);
  const latestId = page === 1 ? rows[0]?.id : recordVersion(type, id);
  return { page: pageOf(rows, total, page), latestId: latestId || null, exists: recordExists(type, id) };
}

function recordExists(type: AuditedRecordType, id: number) {
  const last = getDb()
    .select({ action: history.action })
    .from(history)
    .where(and(eq(history.recordType, type), eq(history.recordId, id)))
    .orderBy(desc(history.id))
    .limit(1)
    .get();
  return last ? last.action !== "delete" : false;
}

export type ActivityFilter = { userId?: number; recordType?: AuditedRecordType; from?: string; to?: string };

/** Everyone's changes, newest first, for administrators. */
export function activity(filter: ActivityFilter, page: number) {
  const conditions: SQL[] = [];
  if (filter.userId) conditions.push(eq(history.userId, filter.userId));
  if (filter.recordType) conditions.push(eq(history.recordType, filter.recordType));
  if (filter.from) conditions.push(gte(history.at, filter.from));
  if (filter.to) conditions.push(lt(history.at, filter.to));
  const { rows, total } = entriesPage(and(...conditions), page);
  return pageOf(
    rows.map((row) => withLabel(row, row.after ?? row.before)),
    total,
    page,
  );
}

/**
 * An entry of a list of changes: who, what and when, with the one stored row its label is made
 * from (app/models/history-labels.server.ts); the versions before and after stay here.
 */
function withLabel(
  { before: _before, after: _after, ...entry }: EntryRow & { before: unknown; after: unknown },
  snapshot: RecordSnapshot | null,
) {
  return { ...entry, snapshot: snapshot && { row: snapshot.row } };
}

/** Deleted records whose deletion is their latest entry: what the bin holds. */
export function binContents(page: number) {
  const where = sql`${history.action} = 'delete' AND NOT EXISTS (SELECT 1 FROM history later WHERE later.record_type = ${history.recordType} AND later.record_id = ${history.recordId} AND later.id > ${history.id})`;
  const { rows, total } = entriesPage(where, page);
  return pageOf(
    rows.map((row) => withLabel(row, row.before)),
    total,
    page,
  );
}

export type UndoResult =
  | { ok: true }
  | { ok: false; reason: "gone" | "missingReference"; missing?: { type: AuditedRecordType | null; id: number | null } };

/** Rebuilds what a record brought back needs beside it, with the functions every write uses. */
function rebuildBeside(tx: Db, id: number, { named, indexed, row }: Rewritten) {
  const text = (column: string) => (typeof row[column] === "string" ? (row[column] as string) : null);
  if (named)
    writeNameKeys(tx, named, id, {
      nameKk: text("name_kk"),
      nameRu: text("name_ru"),
      nameEn: text("name_en"),
      nameNative: text("name_native"),
    });
  if (indexed === "meeting") indexMeeting(tx, id);
  if (indexed === "initiative") indexInitiative(tx, id);
}

function undo(
  actor: Actor,
  id: number,
  apply: (sqlite: Db["$client"]) => Rewritten | null,
  check?: (tx: Db) => void,
): UndoResult {
  try {
    const done = writeTransaction(getDb(), actor, (tx) => {
      check?.(tx);
      const result = apply(getDb().$client);
      if (result) rebuildBeside(tx, id, result);
      return result !== null;
    });
    return done ? { ok: true } : { ok: false, reason: "gone" };
  } catch (error) {
    if (error instanceof MissingReferenceError)
      return { ok: false, reason: "missingReference", missing: error.missing };
    throw error;
  }
}

/** Brings a deleted record back with its children and links, as it was when deleted. */
export function restore(type: AuditedRecordType, id: number, actor: Actor) {
  return undo(actor, id, (sqlite) => {
    const deletion = sqlite
      .prepare(
        "SELECT at, user_id AS userId FROM history WHERE record_type = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
      )
      .get(type, id) as { at: string; userId: number | null } | undefined;
    const result = restoreRecord(sqlite, type, id);
    if (!result.restored) return null;
    // Its documents went to the bin with it: they come back with it.
    if (deletion) restoreDocumentsDeletedWith(sqlite, type, id, deletion);
    return result;
  });
}

/**
 * Makes a record what it was after one of its earlier entries (itself a new entry). `seen`: the
 * newest version the page showed; a change made since refuses it (StaleEdit), as an edit is.
 */
export function revert(type: AuditedRecordType, id: number, entryId: number, actor: Actor, seen?: number) {
  return undo(
    actor,
    id,
    (sqlite) => {
      const result = revertRecord(sqlite, type, id, entryId);
      return result.reverted ? result : null;
    },
    (tx) => checkUnchanged(tx, type, id, seen),
  );
}

/** The accounts that appear as authors, for the activity filter. */
export function authors() {
  return getDb().select({ id: users.id, name: users.name }).from(users).orderBy(users.name).all();
}

/**
 * The names of the people, organisations and partners a set of snapshots refers to, so a
 * change reads "Partner: Heilongjiang → Harbin" rather than "partner_id: 3 → 7".
 */
export function referencedNames(snapshots: Array<RecordSnapshot | null>, lng: Language) {
  const wanted = { partners: new Set<number>(), organisations: new Set<number>(), people: new Set<number>() };
  const visit = (row: Record<string, unknown>) => {
    for (const [column, value] of Object.entries(row)) {
      if (typeof value !== "number") continue;
      const table = REFERENCES[column];
      if (table) wanted[table].add(value);
    }
  };
  for (const snapshot of snapshots) {
    if (!snapshot) continue;
    visit(snapshot.row);
    for (const rows of Object.values(snapshot.children)) rows.forEach(visit);
  }
  const db = getDb();
  const names: Record<string, string> = {};
  const load = (key: keyof typeof wanted, table: typeof partners | typeof organisations | typeof people) => {
    const ids = [...wanted[key]];
    if (ids.length === 0) return;
    for (const row of db
      .select({ id: table.id, nameKk: table.nameKk, nameRu: table.nameRu, nameEn: table.nameEn })
      .from(table)
      .where(inArray(table.id, ids))
      .all()) {
      names[`${key}:${row.id}`] = localizedName(row, lng);
    }
  };
  load("partners", partners);
  load("organisations", organisations);
  load("people", people);
  return names;
}
