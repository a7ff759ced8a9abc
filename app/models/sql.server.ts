import { and, asc, eq, gte, lt, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import type { DatePrecision } from "~db/schema";
import { meetings, nameKeys, organisations } from "~db/schema";
import type Database from "better-sqlite3";
import type { Db } from "~db/client";
import { clientOf, perConnection } from "~db/prepared";
import type { NamedRecordType } from "~db/name-keys";
import { foldForMatch } from "~db/shared/fold";
import { sortColumnFor } from "~db/shared/names";
import type { PartialDate } from "~db/shared/partial-date";

type Named = {
  nameKk: SQLiteColumn;
  nameRu: SQLiteColumn;
  nameEn: SQLiteColumn;
  sortKk: SQLiteColumn;
  sortRu: SQLiteColumn;
  sortEn: SQLiteColumn;
  id: SQLiteColumn;
};

/** Alphabetical in the reader's language (by the stored collation key), then by id. */
export function byName(table: Named, lng: Language) {
  return [asc(table[sortColumnFor(lng)]), asc(table.id)];
}

/** A column as a select field of the given type, read through the column's own decoder. */
const field = <T>(column: SQLiteColumn) => sql`${column}`.mapWith(column) as SQL<T>;

/**
 * A record's name in every language, as a nested select that `localizedName` reads as it comes
 * (`partner: namesOf(partners)`), or spread for the record's own (`...namesOf(partners)`).
 * Fields, not the bare columns: drizzle makes an object selected from a left-joined table null
 * when its first column is null, and a name may well have no Kazakh form.
 */
export function namesOf(table: {
  nameKk: SQLiteColumn;
  nameRu: SQLiteColumn;
  nameEn: SQLiteColumn;
  nameNative: SQLiteColumn;
}) {
  return {
    nameKk: field<string | null>(table.nameKk),
    nameRu: field<string | null>(table.nameRu),
    nameEn: field<string | null>(table.nameEn),
    nameNative: field<string | null>(table.nameNative),
  };
}

/** A title in every language, as `namesOf` gives a name: read by `localizedTitle`. */
export function titlesOf(table: { titleKk: SQLiteColumn; titleRu: SQLiteColumn; titleEn: SQLiteColumn }) {
  return {
    titleKk: field<string | null>(table.titleKk),
    titleRu: field<string | null>(table.titleRu),
    titleEn: field<string | null>(table.titleEn),
  };
}

/**
 * A partial date kept in three columns (`date`, `datePrecision`, `dateApproximate`; see
 * docs/decisions/0002-partial-dates.md) as a nested select that reads as a PartialDate:
 * `date: partialDateOf(meetings, "date")`.
 */
export function partialDateOf<At extends string>(
  table: Record<At | `${At}Precision` | `${At}Approximate`, SQLiteColumn>,
  at: At,
): { value: SQL<string | null>; precision: SQL<DatePrecision>; approximate: SQL<boolean> } {
  return {
    value: field<string | null>(table[at]),
    precision: field<DatePrecision>(table[`${at}Precision`]),
    approximate: field<boolean>(table[`${at}Approximate`]),
  };
}

/** A partial date read from its three columns outside a select (a row read whole). */
export function asDate(value: string | null, precision: DatePrecision, approximate: boolean): PartialDate {
  return { value, precision, approximate };
}

export function countOf(row: { count: number } | undefined) {
  return row?.count ?? 0;
}

/**
 * Ids the form names that are not on file, as field errors (nothing is written then): a step's
 * meeting, a person's posts' bodies. Partners, bodies and owners a form names are read by
 * record-refs.server.ts, which also reads names typed in a picker.
 */
export function missingReferences(input: { meetingId?: number; posts?: Array<{ organisationId?: number }> }) {
  const db = getDb();
  const errors: string[] = [];
  if (input.meetingId && !db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.meetingId)).get())
    errors.push("meetingId");
  input.posts?.forEach((post, i) => {
    if (
      post.organisationId &&
      !db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, post.organisationId)).get()
    )
      errors.push(`posts[${i}].organisationName`);
  });
  return errors;
}

/**
 * Records of a kind with a name form (any script, any word from the second on) that begins as
 * typed, however it was spelt: "нурп", "Nurp" and "НҰРП" all find Нұрпейісов. For the pickers.
 */
export function idsNamedFrom(db: Db, recordType: NamedRecordType, query: string, limit: number) {
  const key = foldForMatch(query);
  if (!key) return [];
  return db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, recordType), gte(nameKeys.key, key), lt(nameKeys.key, `${key}\uffff`)))
    .limit(limit)
    .all()
    .map((r) => r.id);
}

/** A named record as a choice reads it: its id and its name in each language. */
export type NamedRow = {
  id: number;
  nameKk: string | null;
  nameRu: string | null;
  nameEn: string | null;
  nameNative?: string | null;
};

const SORT_COLUMNS: Record<Language, string> = { kk: "sort_kk", ru: "sort_ru", en: "sort_en" };
const statementsBySql = perConnection((db) => {
  const client = clientOf(db);
  const made = new Map<string, Database.Statement<[], NamedRow>>();
  return (text: string) => {
    let statement = made.get(text);
    if (!statement) made.set(text, (statement = client.prepare<[], NamedRow>(text)));
    return statement;
  };
});

/**
 * The first `limit` partners or topics in the order of their names in `lng`, for a form's
 * choices: read by a statement prepared once per connection, with only the columns a choice
 * shows. A form with a partner field is opened for every meeting logged, and drizzle's building
 * of the query and decoding of 1,000 partners' eight columns took 11 ms of it (issue 12.4).
 */
export function namedChoiceRows(table: "partners" | "topics", lng: Language, { foreignOnly = false, limit = 1000 }) {
  const native = table === "partners" ? ", name_native as nameNative" : "";
  const where = foreignOnly ? "where is_home = 0" : "";
  const text = `select id, name_kk as nameKk, name_ru as nameRu, name_en as nameEn${native} from ${table} ${where} order by ${SORT_COLUMNS[lng]}, id limit ${Math.trunc(limit)}`;
  return statementsBySql(getDb())(text).all();
}
