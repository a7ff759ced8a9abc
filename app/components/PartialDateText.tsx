import { useTranslation } from "~/i18n/react";
import { useDateWords } from "~/i18n/dates";
import { DateText } from "./DateText";
import {
  formatAsOf,
  formatPartialDate,
  knownOnlyAsOf,
  machineDate,
  type HeldDates,
  type PartialDate,
} from "~db/shared/partial-date";

/** A partial date as words, with a machine-readable <time> when any part of it is known. */
export function PartialDateText({ date }: { date: PartialDate }) {
  const words = useDateWords();
  const text = formatPartialDate(date, words);
  return <DateText date={{ text, machine: machineDate(date) }} />;
}

/** A period such as a post: "since March 2015", "until 2019", "2015 – 2019" or "date unknown". */
export function PartialDateRange({ start, end }: { start: PartialDate; end: PartialDate }) {
  const words = useDateWords();
  const { t } = useTranslation();
  if (!start.value && !end.value) return <span className="text-stone-500 italic">{words.unknown}</span>;
  // "since" and "until" give their date a case ("с марта 2015 г.", "2015 жылғы наурыздан бастап"),
  // an approximate one's mark said once, where the language puts it ("примерно с 2016 г.").
  if (!end.value)
    return (
      <span>
        {t(start.approximate ? "date.sinceApproximate" : "date.since", {
          start: formatPartialDate({ ...start, approximate: false }, words, "since"),
        })}
      </span>
    );
  if (!start.value)
    return (
      <span>
        {t(end.approximate ? "date.untilApproximate" : "date.until", {
          end: formatPartialDate({ ...end, approximate: false }, words, "until"),
        })}
      </span>
    );
  return <span>{t("date.range", { start: formatPartialDate(start, words), end: formatPartialDate(end, words) })}</span>;
}

/**
 * When a post was held: its period when its start or end is known; otherwise "as of <date>"
 * when only a day it was held is known (a meeting's title), which says no more than that: the
 * person may have left it since (issue 13.6).
 */
export function PostDates(post: HeldDates) {
  const words = useDateWords();
  if (!knownOnlyAsOf(post)) return <PartialDateRange start={post.start} end={post.end} />;
  return <span>{formatAsOf(post.asOf, words)}</span>;
}
