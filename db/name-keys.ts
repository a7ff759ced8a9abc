import { and, eq, notExists, sql } from "drizzle-orm";
import { nameKeys as keysOf, personNameKeys } from "./shared/fold";
import type { Db } from "./client";
import { perConnection } from "./prepared";
import { nameKeys, NAMED_RECORD_TYPES, organisations, partners, people, topics } from "./schema";

export type NamedRecordType = (typeof NAMED_RECORD_TYPES)[number];

type Names = { nameKk: string | null; nameRu: string | null; nameEn: string | null; nameNative?: string | null };

export const NAMED_TABLES = { partner: partners, organisation: organisations, person: people, topic: topics } as const;

const keyStatements = perConnection((db) => ({
  remove: db
    .delete(nameKeys)
    .where(
      and(eq(nameKeys.recordType, sql.placeholder("recordType")), eq(nameKeys.recordId, sql.placeholder("recordId"))),
    )
    .prepare(),
  add: db
    .insert(nameKeys)
    .values({
      recordType: sql.placeholder("recordType"),
      recordId: sql.placeholder("recordId"),
      key: sql.placeholder("key"),
    })
    .onConflictDoNothing()
    .prepare(),
}));

/** Replaces a record's name keys; call it in the transaction that writes the names. */
export function writeNameKeys(db: Db, recordType: NamedRecordType, recordId: number, names: Names) {
  const { remove, add } = keyStatements(db);
  remove.run({ recordType, recordId });
  // A person's name has a given name to be found by, which a place's or a body's has not.
  const keysOfNames = recordType === "person" ? personNameKeys : keysOf;
  for (const key of keysOfNames(names.nameKk, names.nameRu, names.nameEn, names.nameNative))
    add.run({ recordType, recordId, key });
}

/**
 * Writes the keys of records that have none: records made before name_keys existed (a
 * migration cannot run the folding function) and the demo history. Idempotent and cheap when
 * there is nothing to do.
 */
export function backfillNameKeys(db: Db) {
  let written = 0;
  for (const recordType of NAMED_RECORD_TYPES) {
    const table = NAMED_TABLES[recordType];
    const missing = db
      .select({
        id: table.id,
        nameKk: table.nameKk,
        nameRu: table.nameRu,
        nameEn: table.nameEn,
        nameNative: "nameNative" in table ? table.nameNative : sql<null>`null`,
      })
      .from(table)
      .where(
        notExists(
          db
            .select({ one: sql`1` })
            .from(nameKeys)
            .where(and(eq(nameKeys.recordType, recordType), eq(nameKeys.recordId, table.id))),
        ),
      )
      .all();
    for (const record of missing) writeNameKeys(db, recordType, record.id, record);
    written += missing.length;
  }
  return written;
}
