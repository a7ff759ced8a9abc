import { and, eq, notExists, sql } from "drizzle-orm";
import { nameKeys as keysOf } from "./shared/fold";
import type { Db } from "./client";
import { nameKeys, NAMED_RECORD_TYPES, organisations, partners, people, topics } from "./schema";

export type NamedRecordType = (typeof NAMED_RECORD_TYPES)[number];

type Names = { nameKk: string | null; nameRu: string | null; nameEn: string | null; nameNative?: string | null };

export const NAMED_TABLES = { partner: partners, organisation: organisations, person: people, topic: topics } as const;

/** Replaces a record's name keys; call it in the transaction that writes the names. */
export function writeNameKeys(db: Db, recordType: NamedRecordType, recordId: number, names: Names) {
  db.delete(nameKeys)
    .where(and(eq(nameKeys.recordType, recordType), eq(nameKeys.recordId, recordId)))
    .run();
  const keys = keysOf(names.nameKk, names.nameRu, names.nameEn, names.nameNative);
  if (keys.length === 0) return;
  db.insert(nameKeys)
    .values(keys.map((key) => ({ recordType, recordId, key })))
    .onConflictDoNothing()
    .run();
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
