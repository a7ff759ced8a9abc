import { and, asc, desc, eq, isNotNull, sql } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { delegations, meetings, partners } from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { localizedName } from "~db/shared/names";
import { listMeetings } from "./meetings/read.server";
import { partialDateOf } from "./sql.server";

/** Not wholly past on `today`: a day from today on, a month or year not yet over. */
function notPast(value: SQLiteColumn, precision: SQLiteColumn, today: string) {
  // The first line lets the date index skip the past: nothing before this year's start is
  // still to come, whatever its precision.
  return sql`${value} >= ${`${today.slice(0, 4)}-01-01`} and (
    (${precision} = 'day' and ${value} >= ${today}) or
    (${precision} = 'month' and date(${value}, '+1 month') > ${today}) or
    (${precision} = 'year' and date(${value}, '+1 year') > ${today})
  )`;
}

/** Meetings and visits still to come, soonest first. */
export function upcoming(lng: Language, today: string, limit = 8) {
  const db = getDb();
  const meetingRows = db
    .select({
      id: meetings.id,
      date: partialDateOf(meetings, "date"),
      partner: partners,
    })
    .from(meetings)
    .leftJoin(partners, eq(partners.id, meetings.partnerId))
    .where(and(isNotNull(meetings.date), notPast(meetings.date, meetings.datePrecision, today)))
    .orderBy(asc(meetings.date), asc(meetings.id))
    .limit(limit)
    .all();
  const visitRows = db
    .select({
      id: delegations.id,
      date: partialDateOf(delegations, "arrival"),
      direction: delegations.direction,
      partner: partners,
    })
    .from(delegations)
    .innerJoin(partners, eq(partners.id, delegations.partnerId))
    .where(and(isNotNull(delegations.arrival), notPast(delegations.arrival, delegations.arrivalPrecision, today)))
    .orderBy(asc(delegations.arrival), asc(delegations.id))
    .limit(limit)
    .all();
  return [
    ...meetingRows.map((m) => ({
      kind: "meeting" as const,
      id: m.id,
      date: m.date,
      partner: m.partner ? localizedName(m.partner, lng) : null,
    })),
    ...visitRows.map((v) => ({
      kind: "visit" as const,
      id: v.id,
      direction: v.direction,
      date: v.date,
      partner: localizedName(v.partner, lng),
    })),
  ]
    .sort((a, b) => (a.date.value ?? "").localeCompare(b.date.value ?? ""))
    .slice(0, limit);
}

/** Partners with no dated meeting for more than a year (or none at all), longest quiet first. */
export function quietPartners(lng: Language, today: string, limit = 8) {
  const yearAgo = sql`date(${today}, '-1 year')`;
  // Spelled out: inside a correlated subquery drizzle would leave both columns unqualified.
  const lastMeeting = sql<string | null>`(select max(m.date) from meetings m where m.partner_id = "partners"."id")`;
  return getDb()
    .select({ partner: partners, last: lastMeeting })
    .from(partners)
    .where(and(eq(partners.isHome, false), sql`coalesce(${lastMeeting}, '') < ${yearAgo}`))
    .orderBy(sql`${lastMeeting} asc nulls first`, asc(partners.id))
    .limit(limit)
    .all()
    .map((r) => ({ id: r.partner.id, name: localizedName(r.partner, lng), lastContact: r.last }));
}

/**
 * The latest meetings that have taken place by `today`, newest first: one still to come is the
 * upcoming list's (it was shown in both), and one of unknown date is in neither.
 */
export function recentMeetings(lng: Language, today: string, limit = 5) {
  const ids = getDb()
    .select({ id: meetings.id })
    .from(meetings)
    .where(and(isNotNull(meetings.date), sql`not (${notPast(meetings.date, meetings.datePrecision, today)})`))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(limit)
    .all()
    .map((m) => m.id);
  return listMeetings({ lng, page: 1, pageSize: limit, filter: { ids } });
}
