/**
 * The date a report gives for its meeting: a day written out in Kazakh ("2016 жылғы 12
 * мамырда"), Russian ("12 мая 2016 г.") or English ("12 May 2016", "May 12, 2016"), or as digits
 * ("12.05.2016"); "кеше", "вчера", "yesterday" and "today" counted from the publication date. A
 * year alone ("2017 жыл", EXPO-2017) is never taken for the meeting's date.
 */

export type FoundDate = { year?: number; month?: number; day?: number; from: "text" | "publication" };
type Ymd = { year: number; month: number; day: number };

// Kazakh month names as stems: they take case endings ("мамырда", "қазанның").
export const KK_MONTHS = [
  "қаңтар",
  "ақпан",
  "наурыз",
  "сәуір",
  "мамыр",
  "маусым",
  "шілде",
  "тамыз",
  "қыркүйек",
  "қазан",
  "қараша",
  "желтоқсан",
];
// Russian in the genitive, as a date is written ("12 мая").
const RU_MONTHS = [
  "января",
  "февраля",
  "марта",
  "апреля",
  "мая",
  "июня",
  "июля",
  "августа",
  "сентября",
  "октября",
  "ноября",
  "декабря",
];
export const EN_MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** Russian month names as stems of every case ("май", "мая", "марта"); March comes before May. */
export const RU_MONTH_STEMS = [
  "январ",
  "феврал",
  "март",
  "апрел",
  "ма",
  "июн",
  "июл",
  "август",
  "сентябр",
  "октябр",
  "ноябр",
  "декабр",
];

const kkMonth = `(${KK_MONTHS.join("|")})[\\p{L}]*`;
const ruMonth = `(${RU_MONTHS.join("|")})`;
const enMonth = `(${EN_MONTHS.join("|")}|${EN_MONTHS.map((m) => m.slice(0, 3)).join("|")})\\.?`;

type Rule = { pattern: RegExp; read: (m: RegExpExecArray) => Partial<Ymd> };

const monthOf = (list: string[], name: string) => {
  const lower = name.toLocaleLowerCase();
  const index = list.findIndex((m) => lower.startsWith(m) || m.startsWith(lower));
  return index + 1;
};

const RULES: Rule[] = [
  // 2016 жылғы 12 мамырда / 2016 жылы 12 мамыр
  {
    pattern: new RegExp(`(\\d{4})\\s*ж(?:ылғы|ылы|\\.)?\\s+(\\d{1,2})\\s+${kkMonth}`, "giu"),
    read: (m) => ({ year: +m[1], day: +m[2], month: monthOf(KK_MONTHS, m[3]) }),
  },
  // 12 мамырда (the year from the publication); "12 қазан" is October, "Қазан" alone the city.
  {
    pattern: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\s+${kkMonth}(?:\\s+(\\d{4}))?`, "giu"),
    read: (m) => ({ day: +m[1], month: monthOf(KK_MONTHS, m[2]), year: m[3] ? +m[3] : undefined }),
  },
  // 12 мая 2016 г. / 12 мая
  {
    pattern: new RegExp(`(?<![\\p{L}\\d])(\\d{1,2})\\s+${ruMonth}(?![\\p{L}])(?:\\s+(\\d{4}))?`, "giu"),
    read: (m) => ({ day: +m[1], month: monthOf(RU_MONTHS, m[2]), year: m[3] ? +m[3] : undefined }),
  },
  // 12 May 2016
  {
    pattern: new RegExp(
      `(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${enMonth}(?![\\p{L}])(?:,?\\s+(\\d{4}))?`,
      "giu",
    ),
    read: (m) => ({ day: +m[1], month: monthOf(EN_MONTHS, m[2]), year: m[3] ? +m[3] : undefined }),
  },
  // May 12, 2016
  {
    pattern: new RegExp(`(?<![\\p{L}])${enMonth}\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d])(?:,?\\s+(\\d{4}))?`, "giu"),
    read: (m) => ({ month: monthOf(EN_MONTHS, m[1]), day: +m[2], year: m[3] ? +m[3] : undefined }),
  },
  // 12.05.2016
  {
    pattern: /(?<![\d.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\d.]\d)/g,
    read: (m) => ({ day: +m[1], month: +m[2], year: +m[3] }),
  },
];

const RELATIVE: Array<{ pattern: RegExp; days: number }> = [
  { pattern: /(?<![\p{L}])(кеше|вчера|yesterday)(?![\p{L}])/giu, days: -1 },
  { pattern: /(?<![\p{L}])(бүгін|сегодня|today)(?![\p{L}])/giu, days: 0 },
  { pattern: /(?<![\p{L}])(позавчера)(?![\p{L}])/giu, days: -2 },
];

function isRealDay({ year, month, day }: Ymd) {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function shift(date: Ymd, days: number): Ymd {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** "2016-05-12" as its parts, or null. */
export function ymdOf(iso: string | undefined): Ymd | null {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return null;
  const date = { year: +m[1], month: +m[2], day: +m[3] };
  return isRealDay(date) ? date : null;
}

/**
 * The meeting's date: the first day the text names (its year from the text, else from the
 * publication, a year back if the day would fall after it), else the publication date; null
 * when neither says.
 */
export function findMeetingDate(text: string, published: Ymd | null): FoundDate | null {
  const found: Array<{ index: number; date: Ymd }> = [];
  for (const rule of RULES) {
    rule.pattern.lastIndex = 0;
    for (let m = rule.pattern.exec(text); m; m = rule.pattern.exec(text)) {
      const parts = rule.read(m);
      if (!parts.month || !parts.day) continue;
      let year = parts.year;
      if (year === undefined && published) {
        year = published.year;
        if (parts.month * 100 + parts.day > published.month * 100 + published.day) year -= 1;
      }
      if (year === undefined) continue;
      const date = { year, month: parts.month, day: parts.day };
      if (isRealDay(date)) found.push({ index: m.index, date });
    }
  }
  if (published) {
    for (const { pattern, days } of RELATIVE) {
      pattern.lastIndex = 0;
      const m = pattern.exec(text);
      if (m) found.push({ index: m.index, date: shift(published, days) });
    }
  }
  found.sort((a, b) => a.index - b.index);
  if (found.length) return { ...found[0].date, from: "text" };
  return published ? { ...published, from: "publication" } : null;
}
