import { enGB, kk, ru } from "date-fns/locale";
import { useTranslation } from "~/i18n/react";
import type { T as TFunction } from "~/i18n/translate";
import type { DateWords } from "~db/shared/partial-date";
import type { Language } from "./config";

const DATE_LOCALES = { kk, ru, en: enGB } as const;

export function dateWords(lng: Language, t: TFunction): DateWords {
  return {
    locale: DATE_LOCALES[lng],
    unknown: t("date.unknown"),
    approximate: (date) => t("date.approximate", { date }),
  };
}

export function useDateWords(): DateWords {
  const { t, i18n } = useTranslation();
  return dateWords(i18n.language, t);
}
