import { asc, eq } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import type { DatePrecision } from "~db/schema";
import { meetings, organisations, partners, people } from "~db/schema";
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

export function asDate(value: string | null, precision: DatePrecision, approximate: boolean): PartialDate {
  return { value, precision, approximate };
}

export function countOf(row: { count: number } | undefined) {
  return row?.count ?? 0;
}

/** Ids the form names that are not on file, as field errors (nothing is written then). */
export function missingReferences(input: {
  partnerId?: number;
  parentId?: number;
  ownerPersonId?: number;
  ownerOrganisationId?: number;
  meetingId?: number;
  posts?: Array<{ organisationId?: number }>;
}) {
  const db = getDb();
  const errors: string[] = [];
  if (input.partnerId && !db.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get())
    errors.push("partnerId");
  if (input.ownerPersonId && !db.select({ id: people.id }).from(people).where(eq(people.id, input.ownerPersonId)).get())
    errors.push("ownerPersonId");
  if (
    input.ownerOrganisationId &&
    !db
      .select({ id: organisations.id })
      .from(organisations)
      .where(eq(organisations.id, input.ownerOrganisationId))
      .get()
  )
    errors.push("ownerOrganisationId");
  if (input.meetingId && !db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, input.meetingId)).get())
    errors.push("meetingId");
  if (
    input.parentId &&
    !db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.parentId)).get()
  )
    errors.push("parentId");
  input.posts?.forEach((post, i) => {
    if (
      post.organisationId &&
      !db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, post.organisationId)).get()
    )
      errors.push(`posts[${i}].organisationId`);
  });
  return errors;
}
