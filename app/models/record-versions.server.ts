/**
 * Two people editing one record: the second to save would silently undo the first's change (a
 * lost update), and so would a draft kept in the browser (app/forms/drafts.ts) restored into an
 * edit form days after the record changed. An edit form carries the version of the record it
 * was opened at, its newest history entry (db/history.ts keeps one for every change, whoever
 * makes it); a save made in the meantime is refused inside the save's own transaction, so no
 * other process's write can fall between the check and the save.
 */
import { and, desc, eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { history, users, type AuditedRecordType } from "~db/schema";
import { getDb } from "~/db.server";
import { recordOutsideChanges } from "./writes.server";

/**
 * A record's version: the id of its newest history entry (0 while it has none). Another
 * program's change to the file is written into the history first, as the history pages do: a
 * form that shows it was opened after it, and is not refused for it.
 */
export function recordVersion(type: AuditedRecordType, id: number, db: Db = getDb()): number {
  recordOutsideChanges(db);
  return newestChange(db, type, id)?.version ?? 0;
}

/** The record's newest history entry: its id (the version), when, by whom, and whether it deleted the record. */
function newestChange(db: Db, type: AuditedRecordType, id: number): UnseenChange | undefined {
  const newest = db
    .select({ version: history.id, at: history.at, userId: history.userId, by: users.name, action: history.action })
    .from(history)
    .leftJoin(users, eq(users.id, history.userId))
    .where(and(eq(history.recordType, type), eq(history.recordId, id)))
    .orderBy(desc(history.id))
    .limit(1)
    .get();
  if (!newest) return undefined;
  const { action, ...change } = newest;
  return { ...change, deleted: action === "delete" };
}

/**
 * The change a form did not see: who made it (none for another program's), when, the version it
 * made, and whether it was the record's deletion.
 */
export type UnseenChange = { version: number; at: string; userId: number | null; by: string | null; deleted: boolean };

/** The records whose steps have pages of their own, and the table their history keeps the steps in. */
export const STEP_TABLES = { relation: "relation_steps", initiative: "initiative_steps" } as const;
export type StepParent = keyof typeof STEP_TABLES;

/**
 * A step as its record's history keeps it: one of the record's children, by its id (its record's,
 * when known), as childDeletionOf, editedStep and stepFoundOrGone take it.
 */
export function stepOfRecord<Id extends number | undefined>(type: StepParent, id: Id, stepId: number) {
  return { ref: { type, id }, child: { table: STEP_TABLES[type], id: stepId } };
}

/**
 * When a row of a record's own (a relation's or an initiative's step, kept in the record's history
 * as one of its children) was deleted: the newest history entry of the record whose snapshot before it had the
 * row and after it did not, whoever made it (a delete, an edit, a return to an earlier version),
 * with the record's id. `id` unknown (a step's documents page names the step alone): any record of
 * `type` that had the row. None when no record had it.
 */
export function childDeletionOf(
  type: AuditedRecordType,
  id: number | undefined,
  child: { table: string; id: number },
  db: Db = getDb(),
): (UnseenChange & { recordId: number }) | undefined {
  recordOutsideChanges(db);
  const children = `$.children.${child.table}`;
  const deletion = db.$client
    .prepare(
      `SELECT h.id AS version, h.at, h.user_id AS userId, u.name AS "by", h.record_id AS recordId FROM history h
         LEFT JOIN users u ON u.id = h.user_id
        WHERE h.record_type = ? ${id === undefined ? "" : "AND h.record_id = ?"}
          AND EXISTS (SELECT 1 FROM json_each(h.before, ?) WHERE value ->> '$.id' = ?)
          AND NOT EXISTS (SELECT 1 FROM json_each(h.after, ?) WHERE value ->> '$.id' = ?)
        ORDER BY h.id DESC LIMIT 1`,
    )
    .get(type, ...(id === undefined ? [] : [id]), children, child.id, children, child.id) as
    Omit<UnseenChange & { recordId: number }, "deleted"> | undefined;
  return deletion && { ...deletion, deleted: true };
}

/** A record's deletion, when it is deleted (its newest entry is the deletion; a restore comes after it). */
export function deletionOf(type: AuditedRecordType, id: number, db: Db = getDb()): UnseenChange | undefined {
  recordOutsideChanges(db);
  const newest = newestChange(db, type, id);
  return newest?.deleted ? newest : undefined;
}

/** Thrown inside a save whose record changed after its form was opened: nothing is written. */
export class StaleEdit extends Error {
  constructor(readonly change: UnseenChange) {
    super("The record was changed after the form was opened");
  }
}

/**
 * Inside a save's transaction: throws StaleEdit when the record has a newer version than
 * `seen`, the version its form was opened at, or has been deleted, whatever was seen: a save to a
 * deleted record would write its names, participants or steps for a record that is not there.
 * No `seen` (a form that predates versions, a script) is not checked otherwise.
 */
export function checkUnchanged(tx: Db, type: AuditedRecordType, id: number, seen: number | undefined) {
  const newest = newestChange(tx, type, id);
  if (newest?.deleted || (seen !== undefined && newest && newest.version > seen)) throw new StaleEdit(newest);
}

/**
 * The version a form says it was opened at: none when it sends none (a script). One that is not
 * a single whole number, which no page of ours sends, counts as having seen no version at all:
 * the save is refused with the newest, as for any change unseen, rather than let through unchecked.
 */
export function seenVersion(payload: Record<string, unknown>): number | undefined {
  const value = payload.version;
  if (value === undefined || value === null || value === "") return undefined;
  return typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : 0;
}

/** The same for a form read without a schema (a delete's confirmation, a revert): every `version` it sent. */
export function versionSentWith(formData: FormData): number | undefined {
  const sent = formData.getAll("version");
  return seenVersion({ version: sent.length > 1 ? sent : sent[0] });
}
