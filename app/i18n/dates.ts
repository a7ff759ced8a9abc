import { useTranslation } from "~/i18n/react";
import type { T as TFunction } from "~/i18n/translate";
import type { DateWords } from "~db/shared/partial-date";
import type { Language } from "./config";

export function dateWords(lng: Language, t: TFunction): DateWords {
  return {
    language: lng,
    unknown: t("date.unknown"),
    approximate: (date) => t("date.approximate", { date }),
  };
}

export function useDateWords(): DateWords {
  const { t, i18n } = useTranslation();
  return dateWords(i18n.language, t);
}
