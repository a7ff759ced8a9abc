/**
 * A date inside a sentence takes the case the sentence gives it. A tester read "с сентябрь 2025"
 * and "Исправить шаг от сентябрь 2025"; in Kazakh the same dates read "2015 бастап" and "2024
 * жылғы 14 ақпан бастап", where Kazakh says "2015 жылдан бастап", "2024 жылғы 14 ақпаннан бастап".
 * Rendered as the pages render them (PartialDateRange, PostDates), in the three languages.
 */
import { renderToString } from "react-dom/server";
import { describe, expect, test } from "vitest";
import { PartialDateRange, PostDates } from "~/components/PartialDateText";
import { translations } from "~/i18n/i18n.server";
import { TranslationProvider } from "~/i18n/react";
import type { Language } from "~/i18n/config";
import { partialDate, UNKNOWN_DATE } from "~db/shared/partial-date";

function said(lng: Language, element: React.ReactElement) {
  const html = renderToString(
    <TranslationProvider lng={lng} strings={translations[lng]}>
      {element}
    </TranslationProvider>,
  );
  return html.replace(/<[^>]+>/g, "").replaceAll("&quot;", '"');
}
const since = (lng: Language, date: string) =>
  said(lng, <PartialDateRange start={partialDate(date)} end={UNKNOWN_DATE} />);
const until = (lng: Language, date: string) =>
  said(lng, <PartialDateRange start={UNKNOWN_DATE} end={partialDate(date)} />);
const asOf = (lng: Language, date: string) =>
  said(lng, <PostDates start={UNKNOWN_DATE} end={UNKNOWN_DATE} asOf={partialDate(date)} />);

describe("since and until", () => {
  test.each([
    ["kk", "2015", "2015 жылдан бастап", "2015 жылға дейін"],
    ["kk", "2025-09", "2025 жылғы қыркүйектен бастап", "2025 жылғы қыркүйекке дейін"],
    ["kk", "2024-02-14", "2024 жылғы 14 ақпаннан бастап", "2024 жылғы 14 ақпанға дейін"],
    ["kk", "2019-03", "2019 жылғы наурыздан бастап", "2019 жылғы наурызға дейін"],
    ["kk", "2020-06", "2020 жылғы маусымнан бастап", "2020 жылғы маусымға дейін"],
    ["kk", "2021-07", "2021 жылғы шілдеден бастап", "2021 жылғы шілдеге дейін"],
    ["ru", "2015", "с 2015 г.", "до 2015 г."],
    ["ru", "2025-09", "с сентября 2025 г.", "до сентября 2025 г."],
    ["ru", "2024-02-14", "с 14 февраля 2024 г.", "до 14 февраля 2024 г."],
    ["en", "2025-09", "since September 2025", "until September 2025"],
    ["en", "2024-02-14", "since 14 February 2024", "until 14 February 2024"],
  ] as const)("in %s, %s: %s; %s", (lng, date, from, to) => {
    expect(since(lng, date)).toBe(from);
    expect(until(lng, date)).toBe(to);
  });

  test.each([
    ["kk", "шамамен 2016 жылдан бастап"],
    ["ru", "примерно с 2016 г."],
    ["en", "since 2016, approx."],
  ] as const)("an approximate date in %s says so once: %s", (lng, expected) => {
    expect(since(lng, "~2016")).toBe(expected);
  });
});

describe("as of", () => {
  test.each([
    ["kk", "2016", "2016 жылғы жағдай бойынша"],
    ["kk", "2025-09", "2025 жылғы қыркүйектегі жағдай бойынша"],
    ["kk", "2024-02-14", "2024 жылғы 14 ақпандағы жағдай бойынша"],
    ["kk", "~2016", "шамамен 2016 жылғы жағдай бойынша"],
    ["ru", "2025-09", "по состоянию на сентябрь 2025 г."],
    ["ru", "2024-02-14", "по состоянию на 14 февраля 2024 г."],
    ["en", "2025-09", "as of September 2025"],
  ] as const)("in %s, %s: %s", (lng, date, expected) => {
    expect(asOf(lng, date)).toBe(expected);
  });
});

test("an approximate month in Russian is in the genitive after 'около'", () => {
  expect(said("ru", <PartialDateRange start={partialDate("~2016-03")} end={partialDate("2019")} />)).toBe(
    "около марта 2016 г. – 2019",
  );
});
