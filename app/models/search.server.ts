import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { NAMED_TABLES, type NamedRecordType } from "../../db/name-keys";
import { nameKeys } from "../../db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { foldForMatch } from "~/utils/fold";
import { localizedName } from "~/utils/names";

const KINDS = ["partner", "person", "organisation"] as const satisfies readonly NamedRecordType[];

/**
 * Records whose name, in any of its forms and scripts, starts with what was typed (at a word
 * boundary), however it was spelt: "Nurpeisov", "нурпеисов" and "НҰРПЕЙІСОВ" find the same
 * person. Exact names first, then alphabetical in the reader's language.
 */
export function searchNames(query: string, lng: Language, limit = 10) {
  const key = foldForMatch(query);
  if (!key) return { partner: [], person: [], organisation: [] };
  const db = getDb();
  const results = KINDS.map((kind) => {
    const matches = db
      .select({ id: nameKeys.recordId, exact: sql<number>`max(${nameKeys.key} = ${key})` })
      .from(nameKeys)
      .where(and(eq(nameKeys.recordType, kind), gte(nameKeys.key, key), lt(nameKeys.key, `${key}\uffff`)))
      .groupBy(nameKeys.recordId)
      .orderBy(sql`2 desc`)
      .limit(200)
      .all();
    if (matches.length === 0) return [kind, []] as const;
    const table = NAMED_TABLES[kind];
    const exact = new Set(matches.filter((m) => m.exact).map((m) => m.id));
    const rows = db
      .select({ id: table.id, nameKk: table.nameKk, nameRu: table.nameRu, nameEn: table.nameEn, nameNative: "nameNative" in table ? table.nameNative : sql<null>`null` })
      .from(table)
      .where(inArray(table.id, matches.map((m) => m.id)))
      .all()
      .map((r) => ({ id: r.id, name: localizedName(r, lng), exact: exact.has(r.id) }))
      .sort((a, b) => Number(b.exact) - Number(a.exact) || a.name.localeCompare(b.name, lng))
      .slice(0, limit);
    return [kind, rows] as const;
  });
  return Object.fromEntries(results) as Record<(typeof KINDS)[number], Array<{ id: number; name: string; exact: boolean }>>;
}
