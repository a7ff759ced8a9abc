import { and, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { NAMED_TABLES, type NamedRecordType } from "../../db/name-keys";
import { MEETING_ROWIDS } from "../../db/search-text";
import { initiatives, meetings, nameKeys, partners } from "../../db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { foldForMatch } from "~/utils/fold";
import { localizedName, localizedTitle } from "~/utils/names";
import { asDate } from "./shared.server";

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

/** An FTS5 query: every folded word of what was typed, as a prefix, all of them required. */
function ftsQuery(query: string, prefixes = true) {
  const words = foldForMatch(query).split(" ").filter(Boolean).slice(0, 12);
  return words.length ? words.map((w) => `"${w.replace(/"/g, "")}"${prefixes ? "*" : ""}`).join(" AND ") : null;
}

/**
 * Meetings and initiatives whose texts hold every word typed, however spelt ("маслихат" finds
 * "мәслихат", "tengrinews" the report with a Cyrillic Т). Records holding the words as typed
 * come first, then those holding words that begin so; among equals, the newest meetings first
 * (by date, unknown dates last), the newest initiatives first.
 */
export function searchTexts(query: string, lng: Language, limit = 10) {
  const prefixed = ftsQuery(query);
  const whole = ftsQuery(query, false);
  if (!prefixed || !whole) return { meeting: [], initiative: [] };
  const db = getDb();
  // Rowids say the kind and the order (db/search-text.ts): the first rows of a range are the newest.
  const find = (match: string, kind: "meeting" | "initiative", count: number) =>
    db
      .all<{ id: number }>(
        kind === "meeting"
          ? sql`select record_id as id from search_text where search_text match ${match} and rowid >= ${MEETING_ROWIDS} order by rowid desc limit ${count}`
          : sql`select record_id as id from search_text where search_text match ${match} and rowid < ${MEETING_ROWIDS} order by rowid asc limit ${count}`,
      )
      .map((r) => r.id);
  // The words as typed first, then words that only begin so: a common word is found whole at
  // once, and FTS5 need not merge every word that starts like it.
  const idsOf = (kind: "meeting" | "initiative") => {
    const exact = find(whole, kind, limit);
    if (exact.length >= limit) return exact;
    const seen = new Set(exact);
    return [...exact, ...find(prefixed, kind, limit * 2).filter((id) => !seen.has(id))].slice(0, limit);
  };
  const meetingIds = idsOf("meeting");
  const initiativeIds = idsOf("initiative");
  const meetingRows = meetingIds.length
    ? db
        .select({ meeting: meetings, partner: partners })
        .from(meetings)
        .leftJoin(partners, eq(partners.id, meetings.partnerId))
        .where(inArray(meetings.id, meetingIds))
        .all()
    : [];
  const initiativeRows = initiativeIds.length ? db.select().from(initiatives).where(inArray(initiatives.id, initiativeIds)).all() : [];
  const byRank = <T extends { id: number }>(rows: T[], ids: number[]) => [...rows].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return {
    meeting: byRank(
      meetingRows.map(({ meeting, partner }) => ({
        id: meeting.id,
        date: asDate(meeting.date, meeting.datePrecision, meeting.dateApproximate),
        partner: partner ? localizedName(partner, lng) : null,
        purpose: meeting.purpose,
      })),
      meetingIds,
    ),
    initiative: byRank(
      initiativeRows.map((i) => ({ id: i.id, title: localizedTitle(i, lng), status: i.status })),
      initiativeIds,
    ),
  };
}

/** Ids of the records of one kind whose name begins (at a word) with what was typed. */
export function idsNamed(kind: NamedRecordType, query: string, limit = 500): number[] {
  const key = foldForMatch(query);
  if (!key) return [];
  return getDb()
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, kind), gte(nameKeys.key, key), lt(nameKeys.key, `${key}\uffff`)))
    .limit(limit)
    .all()
    .map((r) => r.id);
}
