import { useDateWords } from "~/i18n/dates";
import { timeInWords, type WallClock } from "~db/shared/calendar-words";

// The wall clock in Astana for a UTC instant, as numbers: timeInWords then writes it in the reader's
// language with its month names (ICU's Kazakh medium format reads "2026 M11 25").
const ASTANA = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Almaty",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

export function astanaWallClock(iso: string): WallClock {
  const parts = Object.fromEntries(ASTANA.formatToParts(new Date(iso)).map((p) => [p.type, Number(p.value)]));
  const { year, month, day, hour, minute, second } = parts;
  return { year, month, day, hour, minute, second };
}

/** When something happened (stored in UTC), as Astana time in the reader's language. */
export function AstanaTime({ iso, seconds = false }: { iso: string; seconds?: boolean }) {
  const { calendar } = useDateWords();
  return <time dateTime={iso}>{timeInWords(calendar, astanaWallClock(iso), seconds)}</time>;
}
