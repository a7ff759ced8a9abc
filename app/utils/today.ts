/**
 * Today where the council works. A module of its own: the lists' loaders and the forms' checks ask
 * for it, and a page that imports it for its loader ships it (a module-level formatter keeps it in
 * the browser's bundle), but not the partial dates' code that overdue.ts brings (issue 17).
 */

// Made once: an Intl formatter costs more to make than a page's worth of dates to format.
const ASTANA_DAY = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Almaty",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Today's date where the council works, as YYYY-MM-DD. */
export function todayInAstana(now = new Date()): string {
  // Every time zone's days begin on a quarter hour of UTC: the date is formatted once a quarter
  // (several loaders ask for it on every request).
  const quarter = Math.floor(now.getTime() / 900_000);
  if (latest?.quarter !== quarter) latest = { quarter, day: ASTANA_DAY.format(now) };
  return latest.day;
}

let latest: { quarter: number; day: string } | undefined;
