/**
 * A date known to the year or the month, as offices type it in a spreadsheet's cell: "2017 жыл",
 * "2017 г.", "около 2017", "05.2018", "май 2018", "мая 2018", "May 2018", "наурыз 2016",
 * "2018 жылғы мамыр", "2017-5-3". A whole day in words ("12 мая 2016") is read by the report's
 * date reader (app/intake/dates.ts); this reads what that one leaves: dates with no day.
 */
import { KK_MONTHS, RU_MONTH_STEMS, EN_MONTHS } from "~/intake/dates";

export type WordsDate = { year: number; month?: number; day?: number; approximate: boolean };

// "Around", before or after the date, in the three languages.
// "In" before a month: "в мае 2018", "in May 2018".
const IN = /^(?:в|во|in)\s+(?=\p{L})/u;
const APPROX_BEFORE =
  /^(?:около|примерно|приблизительно|ориентировочно|circa|ca\.|c\.|about|approx\.?|шамамен|шам\.)\s*/u;
const APPROX_AFTER = /\s*(?:примерно|приблизительно|шамамен|шам\.|approx\.?|circa)$/u;
// "Year" after a year: жыл, жылы, жылғы, ж., год, года, году, г., year.
const YEAR_WORD = String.raw`(?:\s*(?:жылғы|жылы|жыл|ж\.?|года|году|год|г\.?|year))?`;
const MONTH_WORD = String.raw`(\p{L}+\.?)`;

const monthNamed = (word: string): number | undefined => {
  const lower = word.replace(/\.$/, "");
  const lists: string[][] = [KK_MONTHS, RU_MONTH_STEMS, EN_MONTHS];
  for (const list of lists) {
    const index = list.findIndex((stem) => lower.startsWith(stem));
    if (index >= 0) return index + 1;
  }
  // English abbreviations: "Sep", "Sept.", "Dec".
  if (lower.length >= 3) {
    const index = EN_MONTHS.findIndex((name) => name.startsWith(lower));
    if (index >= 0) return index + 1;
  }
  return undefined;
};

const PATTERNS: Array<{ pattern: RegExp; read: (m: RegExpExecArray) => Omit<WordsDate, "approximate"> | null }> = [
  // 2017, 2017 жыл, 2017 г.
  { pattern: new RegExp(`^(\\d{4})${YEAR_WORD}$`, "u"), read: (m) => ({ year: +m[1] }) },
  // 05.2018, 5/2018
  {
    pattern: new RegExp(`^(\\d{1,2})[./](\\d{4})${YEAR_WORD}$`, "u"),
    read: (m) => ({ year: +m[2], month: +m[1] }),
  },
  // 2017-5, 2017-5-3, 2017.05.03, 2017/5/3
  {
    pattern: /^(\d{4})([-./])(\d{1,2})(?:\2(\d{1,2}))?$/u,
    read: (m) => ({ year: +m[1], month: +m[3], day: m[4] ? +m[4] : undefined }),
  },
  // май 2018, мая 2018 г., May 2018, наурыз 2016
  {
    pattern: new RegExp(`^${MONTH_WORD}\\s+(\\d{4})${YEAR_WORD}$`, "u"),
    read: (m) => {
      const month = monthNamed(m[1]);
      return month ? { year: +m[2], month } : null;
    },
  },
  // 2018 жылғы мамыр, 2018 г. май, 2018 May
  {
    pattern: new RegExp(`^(\\d{4})${YEAR_WORD}\\s+${MONTH_WORD}$`, "u"),
    read: (m) => {
      const month = monthNamed(m[2]);
      return month ? { year: +m[1], month } : null;
    },
  },
];

/** The date a cell's text gives to the year or the month (a day too, in digits), or null. */
export function partialDateInWords(text: string): WordsDate | null {
  let rest = text.trim().toLocaleLowerCase().replace(/\s+/g, " ");
  let approximate = false;
  for (const marker of [APPROX_BEFORE, APPROX_AFTER]) {
    const stripped = rest.replace(marker, "");
    if (stripped !== rest) [rest, approximate] = [stripped.trim(), true];
  }
  rest = rest.replace(IN, "");
  for (const { pattern, read } of PATTERNS) {
    const match = pattern.exec(rest);
    const date = match && read(match);
    if (date && (date.month === undefined || (date.month >= 1 && date.month <= 12))) return { ...date, approximate };
  }
  return null;
}
