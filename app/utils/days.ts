import { addDays, format, isValid, parseISO } from "date-fns";

/** A day typed in a filter (YYYY-MM-DD), or nothing if it is not one. */
export function dayFrom(params: URLSearchParams, name: string) {
  const raw = params.get(name) ?? "";
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  return isValid(parseISO(raw)) ? raw : undefined;
}

/** Filters speak of Astana days (UTC+5); history and the security log keep UTC. */
export const dayStartUtc = (day: string) => new Date(`${day}T00:00:00+05:00`).toISOString();
export const nextDayStartUtc = (day: string) => dayStartUtc(format(addDays(parseISO(day), 1), "yyyy-MM-dd"));
