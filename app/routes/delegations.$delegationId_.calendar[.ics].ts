import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { calendarResponse, visitEntry, writeCalendar } from "~/exchange/ical.server";
import { getTranslator } from "~/i18n/i18n.server";
import { getDelegation } from "~/models/delegations.server";
import { found, notFound, requireId } from "~/utils/http.server";

/** One visit as an `.ics` file to add to a calendar (issue 16.3); a visit with no arrival date has none. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { t, lng } = await getTranslator(request);
  const delegation = found(getDelegation(requireId(params.delegationId), lng));
  if (!delegation.arrival.value || !delegation.partner) throw notFound();
  const entry = visitEntry({ ...delegation, partner: delegation.partner.name }, new URL(request.url).origin, {
    t,
    lng,
  });
  const text = writeCalendar([entry], { t, lng, name: entry.summary, partialDates: "all_day" });
  return calendarResponse(text, `visit-${delegation.id}.ics`, "attachment");
}
