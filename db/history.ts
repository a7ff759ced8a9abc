/**
 * The history of every record: what it was before and after each change, who made it, when.
 *
 * Triggers (migrations/0006, 0016) mark every record a statement touches in `pending_changes`,
 * whichever program writes; `writeTransaction` calls `flushHistory` before it commits, which turns each mark into one
 * history entry holding the whole record (its row, its children, the rows it needs) before and
 * after. "Before" is the previous entry's "after": every record has had an entry since it was
 * made (`backfillHistory` gives records older than the history a first one).
 *
 * Raw SQL on purpose: these functions treat every table alike, by its columns, which is what
 * makes a restore bring back exactly what was there.
 */
import type Database from "better-sqlite3";
import { differs } from "./shared/history-diff";
import type { AuditedRecordType, HistoryAction } from "./schema";
import { AUDITED_RECORD_TYPES } from "./schema";

type Row = Record<string, unknown>;

/** A record as history keeps it; `support` rows are shared (topics, sources) and only re-added. */
export type RecordSnapshot = {
  row: Row;
  children: Record<string, Row[]>;
  support?: Record<string, Row[]>;
  // Rows of other records that pointed here and lose the link (SET NULL) when this one goes.
  links?: Record<string, number[]>;
};

type ChildSpec = { table: string; where: string; key: string[] };

type AggregateSpec = {
  table: string;
  children: ChildSpec[];
  support?: Array<{ table: string; where: string }>;
  links?: Array<{ table: string; column: string }>;
  // Records of their own that hang on this one's children (documents on a relation's steps):
  // rewriting the children (a revert) must not take them away while their child comes back.
  dependents?: Array<{ table: string; where: string; column: string; child: string }>;
  named?: "partner" | "organisation" | "person";
  indexed?: "meeting" | "initiative";
};

/** What makes up each kind of record. Children are written in this order and deleted in reverse. */
export const AGGREGATES: Record<AuditedRecordType, AggregateSpec> = {
  partner: { table: "partners", children: [], named: "partner" },
  relation: {
    table: "relations",
    children: [
      { table: "relation_steps", where: "relation_id = ?", key: ["id"] },
      {
        table: "relation_step_signatories",
        where: "step_id IN (SELECT id FROM relation_steps WHERE relation_id = ?)",
        key: ["step_id", "person_id"],
      },
    ],
    // The documents its steps cite, so that a corrected source shows in the history and an
    // earlier version brings its own back.
    support: [{ table: "sources", where: "id IN (SELECT source_id FROM relation_steps WHERE relation_id = ?)" }],
    dependents: [
      {
        table: "documents",
        where: "relation_step_id IN (SELECT id FROM relation_steps WHERE relation_id = ?)",
        column: "relation_step_id",
        child: "relation_steps",
      },
    ],
  },
  organisation: { table: "organisations", children: [], named: "organisation" },
  person: { table: "people", children: [{ table: "posts", where: "person_id = ?", key: ["id"] }], named: "person" },
  delegation: {
    table: "delegations",
    children: [{ table: "delegation_members", where: "delegation_id = ?", key: ["delegation_id", "person_id"] }],
  },
  meeting: {
    table: "meetings",
    children: [
      { table: "meeting_participants", where: "meeting_id = ?", key: ["id"] },
      { table: "meeting_topics", where: "meeting_id = ?", key: ["meeting_id", "topic_id"] },
      { table: "meeting_sources", where: "meeting_id = ?", key: ["meeting_id", "source_id"] },
    ],
    support: [
      { table: "topics", where: "id IN (SELECT topic_id FROM meeting_topics WHERE meeting_id = ?)" },
      { table: "sources", where: "id IN (SELECT source_id FROM meeting_sources WHERE meeting_id = ?)" },
    ],
    links: [
      { table: "initiative_steps", column: "meeting_id" },
      { table: "relation_steps", column: "meeting_id" },
    ],
    indexed: "meeting",
  },
  initiative: {
    table: "initiatives",
    children: [{ table: "initiative_steps", where: "initiative_id = ?", key: ["id"] }],
    indexed: "initiative",
  },
  // A file attached to one of the records above (app/models/documents.server.ts); the file on
  // disk stays while this row or any history entry names its hash.
  document: { table: "documents", children: [] },
};

/**
 * Who made a change: a signed-in account, the system (demo data, start-up, migrations), or
 * another program writing to the file (the sqlite3 shell), which has no account to name.
 */
export type Actor = { userId: number | null; outside?: true };
export const SYSTEM: Actor = { userId: null };
export const OUTSIDE: Actor = { userId: null, outside: true };

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(sqlite: Database.Database, source: string) {
  let cache = statements.get(sqlite);
  if (!cache) statements.set(sqlite, (cache = new Map()));
  let statement = cache.get(source);
  if (!statement) cache.set(source, (statement = sqlite.prepare(source)));
  return statement;
}

export function snapshotOf(sqlite: Database.Database, type: AuditedRecordType, id: number): RecordSnapshot | null {
  const spec = AGGREGATES[type];
  const row = prepared(sqlite, `SELECT * FROM ${spec.table} WHERE id = ?`).get(id) as Row | undefined;
  if (!row) return null;
  const children: Record<string, Row[]> = {};
  for (const child of spec.children) {
    children[child.table] = prepared(sqlite, `SELECT * FROM ${child.table} WHERE ${child.where} ORDER BY rowid`).all(
      id,
    ) as Row[];
  }
  const snapshot: RecordSnapshot = { row, children };
  if (spec.support) {
    snapshot.support = {};
    for (const support of spec.support) {
      snapshot.support[support.table] = prepared(
        sqlite,
        `SELECT * FROM ${support.table} WHERE ${support.where} ORDER BY id`,
      ).all(id) as Row[];
    }
  }
  if (spec.links) {
    snapshot.links = {};
    for (const link of spec.links) {
      snapshot.links[link.table] = (
        prepared(sqlite, `SELECT id FROM ${link.table} WHERE ${link.column} = ? ORDER BY id`).all(id) as Array<{
          id: number;
        }>
      ).map((r) => r.id);
    }
  }
  return snapshot;
}

const actionOverrides = new WeakMap<Database.Database, Map<string, HistoryAction>>();

/** Names the action of the coming entry for a record when it is not a plain create/update/delete. */
export function markAction(sqlite: Database.Database, type: AuditedRecordType, id: number, action: HistoryAction) {
  let marks = actionOverrides.get(sqlite);
  if (!marks) actionOverrides.set(sqlite, (marks = new Map()));
  marks.set(`${type}:${id}`, action);
}

export function latestEntry(sqlite: Database.Database, type: AuditedRecordType, id: number) {
  const entry = prepared(
    sqlite,
    "SELECT id, action, before, after FROM history WHERE record_type = ? AND record_id = ? ORDER BY id DESC LIMIT 1",
  ).get(type, id) as { id: number; action: HistoryAction; before: string | null; after: string | null } | undefined;
  return entry && { ...entry, before: parse(entry.before), after: parse(entry.after) };
}

/** The record as its latest history entry left it: null if it has none, or that entry deleted it. */
const latestSnapshot = (sqlite: Database.Database, type: AuditedRecordType, id: number) =>
  parse(
    (prepared(sqlite, "SELECT after FROM history WHERE record_type = ? AND record_id = ? ORDER BY id DESC LIMIT 1")
      .pluck()
      .get(type, id) as string | null | undefined) ?? null,
  );

/** The id of a record's latest history entry: 0 if it has none. */
export const latestEntryId = (sqlite: Database.Database, type: AuditedRecordType, id: number) =>
  (prepared(sqlite, "SELECT id FROM history WHERE record_type = ? AND record_id = ? ORDER BY id DESC LIMIT 1")
    .pluck()
    .get(type, id) as number | undefined) ?? 0;

/** Whether any record is marked: between the app's writes, only by another program's. */
export const hasPendingChanges = (sqlite: Database.Database) =>
  prepared(sqlite, "SELECT 1 FROM pending_changes LIMIT 1").get() !== undefined;

export const parse = (json: string | null): RecordSnapshot | null =>
  json ? (JSON.parse(json) as RecordSnapshot) : null;

/**
 * Turns the records marked in `pending_changes` into history entries by `actor`: just before a
 * transaction commits, what it changed. Called with OUTSIDE at the start of a write transaction,
 * before it changes anything: the app's transactions leave no mark behind and take the write
 * lock, so a mark found then was made by another program, and its entry keeps that change's
 * time (the triggers note it) instead of becoming part of the next save (issue 12.6).
 */
export function flushHistory(sqlite: Database.Database, actor: Actor) {
  const marks = actor.outside ? undefined : actionOverrides.get(sqlite);
  if (!actor.outside) actionOverrides.delete(sqlite);
  const pending = prepared(
    sqlite,
    "SELECT record_type AS type, record_id AS id, at FROM pending_changes",
  ).all() as PendingChange[];
  if (pending.length === 0) return 0;
  const written = writeEntries(sqlite, actor, marks, pending);
  prepared(sqlite, "DELETE FROM pending_changes").run();
  return written;
}

/**
 * flushHistory a part at a time, for a write made in turns of the event loop (writeInTurns,
 * app/models/writes.server.ts): the marks in the order they were made, until `deadline`
 * (performance.now()). True once none is left.
 */
export function flushHistoryUntil(sqlite: Database.Database, actor: Actor, deadline: number) {
  const marks = actor.outside ? undefined : actionOverrides.get(sqlite);
  for (;;) {
    const part = prepared(
      sqlite,
      "SELECT rowid AS mark, record_type AS type, record_id AS id, at FROM pending_changes ORDER BY rowid LIMIT 200",
    ).all() as Array<PendingChange & { mark: number }>;
    if (part.length === 0) {
      if (!actor.outside) actionOverrides.delete(sqlite);
      return true;
    }
    writeEntries(sqlite, actor, marks, part);
    prepared(sqlite, "DELETE FROM pending_changes WHERE rowid <= ?").run(part.at(-1)!.mark);
    if (performance.now() >= deadline) return false;
  }
}

type PendingChange = { type: AuditedRecordType; id: number; at: string | null };

/** The history entries of these marked records, by `actor`: how many were written. */
function writeEntries(
  sqlite: Database.Database,
  actor: Actor,
  marks: Map<string, HistoryAction> | undefined,
  pending: PendingChange[],
) {
  let written = 0;
  const insert = prepared(
    sqlite,
    `INSERT INTO history (user_id, action, record_type, record_id, before, after, outside, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, coalesce(?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))`,
  );
  for (const { type, id, at } of pending) {
    const after = snapshotOf(sqlite, type, id);
    const before = latestSnapshot(sqlite, type, id);
    // A save that changed nothing a person would see (the time of saving, new ids for the same
    // participants) is not a new version.
    if (!differs(AGGREGATES[type].table, before, after)) continue;
    const action = marks?.get(`${type}:${id}`) ?? (before === null ? "create" : after === null ? "delete" : "update");
    insert.run(
      actor.userId,
      action,
      type,
      id,
      before && JSON.stringify(before),
      after && JSON.stringify(after),
      actor.outside ? 1 : 0,
      actor.outside ? at : null,
    );
    written++;
  }
  return written;
}

/**
 * Gives every record that has no history yet (made before the history existed) a first entry
 * by the system, so its next change has a "before". Idempotent; cheap when there is nothing to do.
 */
export function backfillHistory(sqlite: Database.Database) {
  for (const type of AUDITED_RECORD_TYPES) {
    sqlite
      .prepare(
        `INSERT OR IGNORE INTO pending_changes (record_type, record_id)
         SELECT ?, id FROM ${AGGREGATES[type].table} r
         WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.record_type = ? AND h.record_id = r.id)`,
      )
      .run(type, type);
  }
  return flushHistory(sqlite, SYSTEM);
}

function insertRow(sqlite: Database.Database, table: string, row: Row, orIgnore = false) {
  const columns = Object.keys(row);
  prepared(
    sqlite,
    `INSERT ${orIgnore ? "OR IGNORE " : ""}INTO ${table} (${columns.map((c) => `"${c}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`,
  ).run(...columns.map((c) => row[c]));
}

/** A record that history cannot bring back because it refers to one that is gone. */
export class MissingReferenceError extends Error {
  constructor(readonly missing: { type: AuditedRecordType | null; table: string; id: number | null }) {
    super(`${missing.table} ${missing.id ?? ""} is not on file`);
  }
}

const TYPE_OF_TABLE = Object.fromEntries(
  Object.entries(AGGREGATES).map(([type, spec]) => [spec.table, type]),
) as Record<string, AuditedRecordType>;

/** Fails (so the transaction rolls back) if what was written refers to rows that are gone. */
function assertReferencesExist(sqlite: Database.Database, tables: string[]) {
  for (const table of tables) {
    const violation = sqlite.prepare(`PRAGMA foreign_key_check(${table})`).get() as
      { table: string; rowid: number; parent: string; fkid: number } | undefined;
    if (!violation) continue;
    const fk = (
      sqlite.prepare(`PRAGMA foreign_key_list(${table})`).all() as Array<{ id: number; from: string }>
    ).filter((f) => f.id === violation.fkid)[0];
    const value = fk
      ? (sqlite.prepare(`SELECT "${fk.from}" AS v FROM ${table} WHERE rowid = ?`).get(violation.rowid) as { v: number })
          .v
      : null;
    throw new MissingReferenceError({
      type: TYPE_OF_TABLE[violation.parent] ?? null,
      table: violation.parent,
      id: value,
    });
  }
}

/** Writes a snapshot's row and children back; the record's own row must not exist. */
function writeSnapshot(
  sqlite: Database.Database,
  type: AuditedRecordType,
  snapshot: RecordSnapshot,
  rootExists: boolean,
) {
  sqlite.pragma("defer_foreign_keys = ON");
  try {
    rewriteSnapshot(sqlite, type, snapshot, rootExists);
  } finally {
    // Off again whatever happened: left on, a later save in the same transaction (the server's
    // saves share one, db/group-commit.ts) would have its missing references found only at COMMIT.
    sqlite.pragma("defer_foreign_keys = OFF");
  }
}

function rewriteSnapshot(
  sqlite: Database.Database,
  type: AuditedRecordType,
  snapshot: RecordSnapshot,
  rootExists: boolean,
) {
  const spec = AGGREGATES[type];
  const id = snapshot.row.id as number;
  for (const [table, rows] of Object.entries(snapshot.support ?? {}))
    for (const row of rows) insertRow(sqlite, table, row, true);
  let dependents: Array<{ table: string; column: string; child: string; rows: Row[] }> = [];
  if (rootExists) {
    dependents = (spec.dependents ?? []).map((d) => ({
      ...d,
      rows: prepared(sqlite, `SELECT * FROM ${d.table} WHERE ${d.where} ORDER BY rowid`).all(id) as Row[],
    }));
    const columns = Object.keys(snapshot.row).filter((c) => c !== "id" && c !== "created_at");
    prepared(sqlite, `UPDATE ${spec.table} SET ${columns.map((c) => `"${c}" = ?`).join(", ")} WHERE id = ?`).run(
      ...columns.map((c) => (c === "updated_at" ? new Date().toISOString() : snapshot.row[c])),
      id,
    );
    for (const child of [...spec.children].reverse()) {
      prepared(sqlite, `DELETE FROM ${child.table} WHERE ${child.where}`).run(id);
    }
  } else {
    insertRow(sqlite, spec.table, snapshot.row);
  }
  for (const child of spec.children)
    for (const row of snapshot.children[child.table] ?? []) insertRow(sqlite, child.table, row);
  // Deleted with the children they hang on (ON DELETE CASCADE); back where their child is back,
  // unchanged, so no history entry says otherwise. The others stay deleted, in the bin.
  for (const { table, column, child, rows } of dependents)
    for (const row of rows)
      if (prepared(sqlite, `SELECT 1 FROM ${child} WHERE id = ?`).get(row[column])) insertRow(sqlite, table, row, true);
  for (const link of spec.links ?? []) {
    for (const linkedId of snapshot.links?.[link.table] ?? []) {
      prepared(sqlite, `UPDATE ${link.table} SET ${link.column} = ? WHERE id = ? AND ${link.column} IS NULL`).run(
        id,
        linkedId,
      );
    }
  }
  assertReferencesExist(sqlite, [spec.table, ...spec.children.map((c) => c.table)]);
}

/**
 * What a record brought back needs rebuilt beside it (its name keys, its search row): the
 * caller does it with the functions every write uses (app/models/history.server.ts).
 */
export type Rewritten = { named?: AggregateSpec["named"]; indexed?: AggregateSpec["indexed"]; row: Row };
const rewritten = (type: AuditedRecordType, snapshot: RecordSnapshot): Rewritten => ({
  named: AGGREGATES[type].named,
  indexed: AGGREGATES[type].indexed,
  row: snapshot.row,
});

/** Brings a deleted record back as it was when deleted. Run inside a write transaction. */
export function restoreRecord(sqlite: Database.Database, type: AuditedRecordType, id: number) {
  const entry = latestEntry(sqlite, type, id);
  if (!entry || entry.action !== "delete" || !entry.before) return { restored: false as const };
  if (snapshotOf(sqlite, type, id)) return { restored: false as const };
  writeSnapshot(sqlite, type, entry.before, false);
  markAction(sqlite, type, id, "restore");
  return { restored: true as const, ...rewritten(type, entry.before) };
}

/** Makes a record what it was after one of its earlier entries. Run inside a write transaction. */
export function revertRecord(sqlite: Database.Database, type: AuditedRecordType, id: number, entryId: number) {
  const entry = prepared(sqlite, "SELECT after FROM history WHERE id = ? AND record_type = ? AND record_id = ?").get(
    entryId,
    type,
    id,
  ) as { after: string | null } | undefined;
  const target = parse(entry?.after ?? null);
  if (!target || !snapshotOf(sqlite, type, id)) return { reverted: false as const };
  writeSnapshot(sqlite, type, target, true);
  markAction(sqlite, type, id, "revert");
  return { reverted: true as const, ...rewritten(type, target) };
}
