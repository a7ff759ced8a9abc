import { asc } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import type { DatePrecision } from "~db/schema";
import type { Language } from "~/i18n/config";
import type { PartialDate } from "~db/shared/partial-date";
import { sortColumnFor } from "~db/shared/names";

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

export function asDate(value: string | null, precision: DatePrecision, approximate: boolean): PartialDate {
  return { value, precision, approximate };
}

export function countOf(row: { count: number } | undefined) {
  return row?.count ?? 0;
}
