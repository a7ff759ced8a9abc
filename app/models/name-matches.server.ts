import { and, eq, inArray, ne } from "drizzle-orm";
import { NAMED_TABLES, type NamedRecordType } from "~db/name-keys";
import { nameKeys } from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { wholeNameKey } from "~db/shared/fold";
import { localizedName } from "~db/shared/names";

type Names = { nameKk?: string | null; nameRu?: string | null; nameEn?: string | null; nameNative?: string | null };

/**
 * Records already on file under any form of these names, case, Kazakh letters and script aside
 * ("Нурпеисов" finds "Нұрпейісов"): the duplicate guard asks before a second one is made.
 */
export function findNameMatches(recordType: NamedRecordType, names: Names, lng: Language, excludeId?: number) {
  const keys = [names.nameKk, names.nameRu, names.nameEn, names.nameNative]
    .filter((n): n is string => Boolean(n))
    .map(wholeNameKey)
    .filter(Boolean);
  if (keys.length === 0) return [];
  const db = getDb();
  const conditions = [eq(nameKeys.recordType, recordType), inArray(nameKeys.key, keys)];
  if (excludeId) conditions.push(ne(nameKeys.recordId, excludeId));
  const ids = db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(...conditions))
    .limit(10)
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return [];
  const table = NAMED_TABLES[recordType];
  return db
    .select({ id: table.id, nameKk: table.nameKk, nameRu: table.nameRu, nameEn: table.nameEn })
    .from(table)
    .where(inArray(table.id, ids))
    .all()
    .map((r) => ({ id: r.id, name: localizedName(r, lng) }));
}
