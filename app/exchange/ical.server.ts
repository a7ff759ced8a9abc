/**
 * iCalendar (RFC 5545) for calendar programs: the account's feed and one meeting's or visit's
 * `.ics` (issue 16.3). ical-generator writes the format (escaping, line folding, all-day
 * values); this module only decides what each record becomes.
 *
 * Dates are shown for what they are (docs/decisions/0002-partial-dates.md): a known day is an
 * all-day event, or a timed one when the meeting's time is known (Astana time, UTC+5, written
 * in UTC so no VTIMEZONE is needed); a date known only to the month or year, or approximate,
 * is either left out or an all-day event over its whole period, with the date as known in its
 * title, never a day invented for it. A meeting's end is never recorded, so none is invented:
 * a timed event without DTEND takes no time (RFC 5545, 3.6.1).
 */
import ical from "ical-generator";
import type { FeedPartialDates } from "~db/enums";
import { dateWords } from "~/i18n/dates";
import type { Language } from "~/i18n/config";
import type { T } from "~/i18n/translate";
import type { ComingDue, ComingMeeting, ComingVisit } from "~/models/calendar-feeds.server";
import { dueBy } from "~/utils/overdue";
import { formatPartialDate, type PartialDate } from "~db/shared/partial-date";

export type CalendarEntry = {
  /** Stable across fetches and renewals, so a calendar updates an event instead of doubling it. */
  uid: string;
  summary: string;
  description?: string | null;
  location?: string | null;
  url: string;
  start: PartialDate;
  /** The last day, for a visit known to the day. */
  end?: PartialDate | null;
  /** HH:MM in Astana, for a meeting known to the day. */
  time?: string | null;
};

type Words = { t: T; lng: Language };

const isExactDay = (date: PartialDate) => date.precision === "day" && !date.approximate && date.value != null;
const utcDay = (day: string) => new Date(`${day}T00:00:00Z`);
const nextDay = (day: string) => new Date(utcDay(day).getTime() + 24 * 60 * 60 * 1000);

export function meetingEntry(meeting: ComingMeeting, origin: string, { t }: Words): CalendarEntry {
  return {
    uid: `meeting-${meeting.id}@${new URL(origin).host}`,
    summary: meeting.partner ? t("meeting.title", { partner: meeting.partner }) : t("meeting.titleNoPartner"),
    description: meeting.purpose,
    location: meeting.location,
    url: `${origin}/meetings/${meeting.id}`,
    start: meeting.date,
    time: meeting.startTime,
  };
}

export function visitEntry(visit: ComingVisit, origin: string, { t }: Words): CalendarEntry {
  return {
    uid: `delegation-${visit.id}@${new URL(origin).host}`,
    summary: `${t(`meeting.directions.${visit.direction}`)}: ${t("delegation.title", { partner: visit.partner })}`,
    description: visit.purpose,
    url: `${origin}/delegations/${visit.id}`,
    start: visit.arrival,
    end: visit.departure,
  };
}

export function dueEntry(due: ComingDue, origin: string, { t }: Words): CalendarEntry {
  return {
    uid: `initiative-due-${due.id}@${new URL(origin).host}`,
    summary: t("calendar.due", { title: due.title }),
    description: due.partner,
    url: `${origin}/initiatives/${due.id}`,
    start: due.due,
  };
}

/** A TEXT value as RFC 5545 (3.3.11) writes it: "\\", ";", "," and line breaks escaped. */
const escapeText = (text: string) => text.replace(/[\\;,]/g, (c) => `\\${c}`).replace(/\r?\n/g, "\\n");

/** The calendar as text, with the entries whose dates the settings allow. */
export function writeCalendar(
  entries: CalendarEntry[],
  options: Words & { name: string; partialDates: FeedPartialDates; now?: Date },
): string {
  const words = dateWords(options.lng, options.t);
  const calendar = ical({
    // ical-generator writes NAME and X-WR-CALNAME as given, where its events' texts are escaped.
    name: escapeText(options.name),
    prodId: { company: "Kezdesu", product: "Kezdesu", language: options.lng.toUpperCase() },
    // Calendar programs poll a feed; an hour is often enough for a council's diary.
    ttl: 60 * 60,
  });
  const stamp = options.now ?? new Date();
  for (const entry of entries) {
    const common = {
      id: entry.uid,
      stamp,
      description: entry.description ?? undefined,
      location: entry.location ?? undefined,
      url: entry.url,
    };
    const start = entry.start;
    if (!start.value || start.precision === "unknown") continue;
    if (isExactDay(start)) {
      if (entry.time && /^\d{2}:\d{2}$/.test(entry.time)) {
        calendar.createEvent({
          ...common,
          summary: entry.summary,
          start: new Date(`${start.value}T${entry.time}:00+05:00`),
          end: null,
        });
        continue;
      }
      const end =
        entry.end && isExactDay(entry.end) && entry.end.value! >= start.value ? entry.end.value! : start.value;
      calendar.createEvent({
        ...common,
        summary: entry.summary,
        allDay: true,
        start: utcDay(start.value),
        end: nextDay(end),
      });
      continue;
    }
    if (options.partialDates === "leave_out") continue;
    calendar.createEvent({
      ...common,
      summary: `${entry.summary} (${formatPartialDate(start, words)})`,
      allDay: true,
      start: utcDay(start.value),
      end: nextDay(dueBy(start)!),
    });
  }
  return calendar.toString();
}

/** An iCalendar answer: private to the account that asked (issue 12.3), never kept by a proxy. */
export function calendarResponse(text: string, filename: string, disposition: "inline" | "attachment") {
  return new Response(text, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `${disposition}; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Robots-Tag": "noindex",
    },
  });
}
