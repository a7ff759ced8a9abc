import { z } from "zod";
import { FEED_PARTIAL_DATES } from "~db/enums";
import { LANGUAGES } from "~/i18n/config";

const settings = { language: z.enum(LANGUAGES), partialDates: z.enum(FEED_PARTIAL_DATES) };

/**
 * The calendar feed page's forms (app/routes/account.calendar.tsx). Every field is a choice
 * from a list the page offers, so anything else is a request no form of ours sent: a 400.
 */
export const CalendarFeedSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), ...settings }),
  z.object({ intent: z.literal("settings"), ...settings }),
  z.object({ intent: z.literal("renew") }),
  z.object({ intent: z.literal("stop") }),
]);
