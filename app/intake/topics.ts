/**
 * Topics a report raises that are not on file yet: a short list of what council meetings
 * discuss, each found by the stems of its words in any of the three languages and named in the
 * report's language. Topics on file are found by their own names (press-release.server.ts).
 */
import type { Language } from "~/i18n/config";

type Topic = { names: Record<Language, string>; pattern: RegExp };

const TOPICS: Topic[] = [
  { names: { kk: "Туризм", ru: "Туризм", en: "Tourism" }, pattern: /(туризм|tourism)/iu },
  { names: { kk: "Инвестициялар", ru: "Инвестиции", en: "Investment" }, pattern: /(инвестиц|investment)/iu },
  { names: { kk: "Инновация", ru: "Инновации", en: "Innovation" }, pattern: /(инноваци|innovation)/iu },
  { names: { kk: "Индустрия", ru: "Промышленность", en: "Industry" }, pattern: /(индустри|промышлен|industr)/iu },
  { names: { kk: "Сауда", ru: "Торговля", en: "Trade" }, pattern: /(сауда|торговл|\btrade\b)/iu },
  {
    names: { kk: "Білім беру", ru: "Образование", en: "Education" },
    // Students and universities are education's too: "студенттер алмасу", "a university's students".
    pattern: /(білім беру|образовани|education|студент|student|университет|universit)/iu,
  },
  { names: { kk: "Энергетика", ru: "Энергетика", en: "Energy" }, pattern: /(энергетик|\benergy)/iu },
  { names: { kk: "Мәдениет", ru: "Культура", en: "Culture" }, pattern: /(мәдениет|культур|\bcultur)/iu },
  { names: { kk: "Көлік", ru: "Транспорт", en: "Transport" }, pattern: /(көлік|транспорт|transport)/iu },
  {
    names: { kk: "Денсаулық сақтау", ru: "Здравоохранение", en: "Healthcare" },
    pattern: /(денсаулық|здравоохранени|health)/iu,
  },
  { names: { kk: "Экология", ru: "Экология", en: "Ecology" }, pattern: /(экологи|ecolog|environment)/iu },
  {
    names: { kk: "Ауыл шаруашылығы", ru: "Сельское хозяйство", en: "Agriculture" },
    pattern: /(ауыл шаруашылығ|сельск\S* хозяйств|agricultur)/iu,
  },
  { names: { kk: "Спорт", ru: "Спорт", en: "Sport" }, pattern: /((?<!\p{L})спорт|\bsport)/iu },
  { names: { kk: "Тұрғын үй", ru: "Жильё", en: "Housing" }, pattern: /(тұрғын үй|баспана|жиль[её]|housing)/iu },
  {
    names: { kk: "Цифрландыру", ru: "Цифровизация", en: "Digitalisation" },
    pattern: /(цифрлан|цифровиз|digital|smart city)/iu,
  },
];

export function commonTopicsIn(text: string, lng: Language): string[] {
  return TOPICS.filter((topic) => topic.pattern.test(text)).map((topic) => topic.names[lng]);
}
