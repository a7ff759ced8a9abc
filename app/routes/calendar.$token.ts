import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarResponse, dueEntry, meetingEntry, visitEntry, writeCalendar } from "~/exchange/ical.server";
import { translatorFor } from "~/i18n/i18n.server";
import { comingDueDates, comingMeetings, comingVisits, feedForToken } from "~/models/calendar-feeds.server";
import { notFound } from "~/utils/http.server";
import { todayInAstana } from "~/utils/today";

/**
 * An account's calendar feed (issue 16.3), read by a calendar program without a session: the
 * secret in the address is the key. An unknown, renewed or stopped one is a plain 404, the same
 * as for an address that never was, so a guess learns nothing.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const feed = feedForToken((params.token ?? "").replace(/\.ics$/, ""));
  if (!feed) return notFound();
  const t = translatorFor(feed.language);
  const words = { t, lng: feed.language };
  const origin = new URL(request.url).origin;
  const today = todayInAstana();
  const entries = [
    ...comingMeetings(today, feed.language).map((m) => meetingEntry(m, origin, words)),
    ...comingVisits(today, feed.language).map((v) => visitEntry(v, origin, words)),
    ...comingDueDates(today, feed.language).map((d) => dueEntry(d, origin, words)),
  ];
  const text = writeCalendar(entries, { ...words, name: t("calendar.feedName"), partialDates: feed.partialDates });
  return calendarResponse(text, "kezdesu.ics", "inline");
}
