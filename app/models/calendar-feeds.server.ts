/**
 * Calendar feeds (issue 16.3): each account may have one secret URL that a calendar program
 * subscribes to, listing coming meetings, visits and initiative due dates. The token is shown
 * once, when it is made; only its SHA-256 is kept (as for sessions), so renewing it is the only
 * way to a new URL, and the old one stops working in the same write.
 */
import crypto from "node:crypto";
import { and, asc, eq, gte, isNotNull, isNull, lte, ne, or, sql, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import {
  calendarFeeds,
  delegations,
  initiativeDueBy,
  initiativeIsOpen,
  initiatives,
  meetings,
  partners,
  users,
  type FeedPartialDates,
} from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { localizedName, localizedTitle } from "~db/shared/names";
import type { PartialDate } from "~db/shared/partial-date";
import { asDate, partialDateOf } from "./sql.server";
import { logSecurityEvent } from "./security-log.server";

/** How far ahead a feed looks, and how many of each kind it lists: a feed is fetched unattended. */
export const FEED_MONTHS = 12;
export const FEED_LIMIT = 500;

const hashOf = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export type FeedSettings = { language: Language; partialDates: FeedPartialDates };

/** The account's feed as its page shows it: never the token, which is not kept. */
export function feedOf(userId: number) {
  return (
    getDb()
      .select({
        language: calendarFeeds.language,
        partialDates: calendarFeeds.partialDates,
        createdAt: calendarFeeds.createdAt,
        renewedAt: calendarFeeds.renewedAt,
      })
      .from(calendarFeeds)
      .where(eq(calendarFeeds.userId, userId))
      .get() ?? null
  );
}

/**
 * Makes the account's feed, or gives an existing one a new token (its settings kept); returns
 * the token, which only this answer ever holds.
 */
export function issueFeedToken(userId: number, settings: FeedSettings, now = new Date()) {
  const token = crypto.randomBytes(32).toString("base64url");
  const tokenHash = hashOf(token);
  const renewedAt = now.toISOString();
  const db = getDb();
  const existed = db.$client
    .transaction(() => {
      const found = db
        .select({ userId: calendarFeeds.userId })
        .from(calendarFeeds)
        .where(eq(calendarFeeds.userId, userId))
        .get();
      if (found) db.update(calendarFeeds).set({ tokenHash, renewedAt }).where(eq(calendarFeeds.userId, userId)).run();
      else
        db.insert(calendarFeeds)
          .values({ userId, tokenHash, renewedAt, ...settings })
          .run();
      return Boolean(found);
    })
    .immediate();
  logSecurityEvent({ event: "calendar_feed_issued", userId, detail: existed ? "renewed" : "created" }, now);
  return token;
}

export function saveFeedSettings(userId: number, settings: FeedSettings) {
  return getDb().update(calendarFeeds).set(settings).where(eq(calendarFeeds.userId, userId)).run().changes > 0;
}

export function stopFeed(userId: number) {
  const stopped = getDb().delete(calendarFeeds).where(eq(calendarFeeds.userId, userId)).run().changes > 0;
  if (stopped) logSecurityEvent({ event: "calendar_feed_stopped", userId });
  return stopped;
}

/** The feed a token opens, or null: unknown, renewed since, stopped, or its account disabled. */
export function feedForToken(token: string): (FeedSettings & { userId: number }) | null {
  // A token is 43 base64url characters; anything else cannot be one, and is not looked up.
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return (
    getDb()
      .select({
        userId: calendarFeeds.userId,
        language: calendarFeeds.language,
        partialDates: calendarFeeds.partialDates,
      })
      .from(calendarFeeds)
      .innerJoin(users, eq(users.id, calendarFeeds.userId))
      .where(and(eq(calendarFeeds.tokenHash, hashOf(token)), isNull(users.disabledAt)))
      .get() ?? null
  );
}

/** The last day of a partial date's period, in SQL: the twin of dueBy (app/utils/overdue.ts). */
const periodEnd = (value: SQLiteColumn, precision: SQLiteColumn): SQL<string> =>
  sql`(case ${precision} when 'day' then ${value} when 'month' then date(${value}, '+1 month', '-1 day') when 'year' then date(${value}, '+1 year', '-1 day') end)`;

/** The last day a feed looks at: FEED_MONTHS from today. */
export function feedHorizon(today: string) {
  const [y, m, d] = today.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + FEED_MONTHS, d)).toISOString().slice(0, 10);
}

// A period still under way today started at most a year ago: a lower bound on the indexed
// start, so the scan begins near today rather than at the first meeting ever recorded.
const aYearBefore = (today: string) => `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;

export type ComingMeeting = {
  id: number;
  date: PartialDate;
  startTime: string | null;
  location: string | null;
  purpose: string | null;
  partner: string | null;
};

/** Meetings whose date (or its month or year) has not yet passed, up to the horizon, soonest first. */
export function comingMeetings(today: string, lng: Language, limit = FEED_LIMIT): ComingMeeting[] {
  const rows = getDb()
    .select({
      id: meetings.id,
      date: partialDateOf(meetings, "date"),
      startTime: meetings.startTime,
      location: meetings.location,
      purpose: meetings.purpose,
      partner: partners,
    })
    .from(meetings)
    .leftJoin(partners, eq(partners.id, meetings.partnerId))
    .where(
      and(
        gte(meetings.date, aYearBefore(today)),
        lte(meetings.date, feedHorizon(today)),
        gte(periodEnd(meetings.date, meetings.datePrecision), today),
      ),
    )
    .orderBy(asc(meetings.date), asc(meetings.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    startTime: r.startTime,
    location: r.location,
    purpose: r.purpose,
    partner: r.partner ? localizedName(r.partner, lng) : null,
  }));
}

export type ComingVisit = {
  id: number;
  direction: "incoming" | "outgoing";
  arrival: PartialDate;
  departure: PartialDate;
  purpose: string | null;
  partner: string;
};

/** Visits (delegations) not yet over: arriving, or still here, up to the horizon. */
export function comingVisits(today: string, lng: Language, limit = FEED_LIMIT): ComingVisit[] {
  const rows = getDb()
    .select({ delegation: delegations, partner: partners })
    .from(delegations)
    .innerJoin(partners, eq(partners.id, delegations.partnerId))
    .where(
      and(
        isNotNull(delegations.arrival),
        lte(delegations.arrival, feedHorizon(today)),
        or(
          gte(periodEnd(delegations.arrival, delegations.arrivalPrecision), today),
          and(
            ne(delegations.departurePrecision, "unknown"),
            gte(periodEnd(delegations.departure, delegations.departurePrecision), today),
          ),
        ),
      ),
    )
    .orderBy(asc(delegations.arrival), asc(delegations.id))
    .limit(limit)
    .all();
  return rows.map(({ delegation: d, partner }) => ({
    id: d.id,
    direction: d.direction,
    arrival: asDate(d.arrival, d.arrivalPrecision, d.arrivalApproximate),
    departure: asDate(d.departure, d.departurePrecision, d.departureApproximate),
    purpose: d.purpose,
    partner: localizedName(partner, lng),
  }));
}

const openInitiative = initiativeIsOpen('"initiatives".');
const initiativeDue = initiativeDueBy('"initiatives".');

export type ComingDue = { id: number; title: string; due: PartialDate; partner: string | null };

/** Open initiatives whose due period has not yet passed, up to the horizon, soonest first. */
export function comingDueDates(today: string, lng: Language, limit = FEED_LIMIT): ComingDue[] {
  const rows = getDb()
    .select({ initiative: initiatives, partner: partners })
    .from(initiatives)
    .leftJoin(partners, eq(partners.id, initiatives.partnerId))
    // Spelt as the partial index initiatives_open_due_by is, so SQLite walks it (db/schema.ts).
    .where(and(openInitiative, sql`${initiativeDue} >= ${today}`, lte(initiatives.due, feedHorizon(today))))
    .orderBy(initiativeDue, asc(initiatives.id))
    .limit(limit)
    .all();
  return rows.map(({ initiative: i, partner }) => ({
    id: i.id,
    title: localizedTitle(i, lng),
    due: asDate(i.due, i.duePrecision, i.dueApproximate),
    partner: partner ? localizedName(partner, lng) : null,
  }));
}
