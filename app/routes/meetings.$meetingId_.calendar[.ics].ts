import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { calendarResponse, meetingEntry, writeCalendar } from "~/exchange/ical.server";
import { getTranslator } from "~/i18n/i18n.server";
import { getMeeting } from "~/models/meetings/read.server";
import { found, notFound, requireId } from "~/utils/http.server";

/** One meeting as an `.ics` file to add to a calendar (issue 16.3); a meeting with no date has none. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { t, lng } = await getTranslator(request);
  const meeting = found(getMeeting(requireId(params.meetingId), lng));
  if (!meeting.date.value) throw notFound();
  const origin = new URL(request.url).origin;
  const entry = meetingEntry({ ...meeting, partner: meeting.partner?.name ?? null }, origin, { t, lng });
  // Asked for by name: a date known only to its month or year is still the meeting's.
  const text = writeCalendar([entry], { t, lng, name: entry.summary, partialDates: "all_day" });
  return calendarResponse(text, `meeting-${meeting.id}.ics`, "attachment");
}
