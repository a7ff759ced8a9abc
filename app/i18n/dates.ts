import { useTranslation } from "~/i18n/react";
import type { T as TFunction } from "~/i18n/translate";
import type { Calendar, DateCase } from "~db/shared/calendar-words";
import type { DateWords } from "~db/shared/partial-date";
import type { Language } from "./config";

/** The language's month names, from its strings. */
export function calendarOf(lng: Language, t: TFunction): Calendar {
  const inCase = (dateCase: DateCase) => ({
    months: t(`date.cases.${dateCase}.months`).split(" "),
    year: t(`date.cases.${dateCase}.year`),
  });
  return {
    language: lng,
    months: t("date.months").split(" "),
    monthsInDate: t("date.monthsInDate").split(" "),
    cases: { since: inCase("since"), until: inCase("until"), at: inCase("at"), about: inCase("about") },
  };
}

export function dateWords(lng: Language, t: TFunction): DateWords {
  return {
    calendar: calendarOf(lng, t),
    unknown: t("date.unknown"),
    approximate: (date) => t("date.approximate", { date }),
    asOf: (date) => t("date.asOf", { date }),
    asOfApproximate: (date) => t("date.asOfApproximate", { date }),
  };
}

const wordsByTranslator = new WeakMap<TFunction, DateWords>();

/** The page's date words, made once per page's strings (a form may show fifty dates). */
export function useDateWords(): DateWords {
  const { t, i18n } = useTranslation();
  let words = wordsByTranslator.get(t);
  if (!words) {
    words = dateWords(i18n.language, t);
    wordsByTranslator.set(t, words);
  }
  return words;
}
