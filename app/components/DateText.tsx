/**
 * A date already put into words, on the server (app/i18n/said-dates.server.ts) or by
 * PartialDateText: a page that shows only such dates ships none of the code that words them.
 */
export type SaidDate = { text: string; machine?: string };

/** An instant (stored in UTC) already put into words as Astana time, on the server (sayInstant). */
export type SaidTime = { iso: string; text: string };

export function TimeText({ time }: { time: SaidTime }) {
  return <time dateTime={time.iso}>{time.text}</time>;
}

/** A machine-readable <time> when any part of the date is known; "date unknown" in italics otherwise. */
export function DateText({ date }: { date: SaidDate }) {
  if (!date.machine) return <span className="text-stone-500 italic">{date.text}</span>;
  return <time dateTime={date.machine}>{date.text}</time>;
}
