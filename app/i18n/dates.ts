import { enGB, kk, ru } from "date-fns/locale";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { DateWords } from "~/utils/partial-date";
import { isLanguage, FALLBACK_LANGUAGE, type Language } from "./config";

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
  const lng = isLanguage(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
  return dateWords(lng, t);
}

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : FALLBACK_LANGUAGE;
}
