import { renderToString } from "react-dom/server";
import { expect, test } from "vitest";
import { languageFromHeader, translations, translatorFor } from "~/i18n/i18n.server";
import { TranslationProvider, useTranslation } from "~/i18n/react";
import { keyFrom, translator, type T } from "~/i18n/translate";

test("a key is looked up by its dotted path and its placeholders filled", () => {
  const t = translator({ meeting: { title: "Meeting with {{partner}}", count: "{{ count }} meetings" } });
  expect(t("meeting.title", { partner: "Heilongjiang" })).toBe("Meeting with Heilongjiang");
  expect(t(keyFrom("meeting.count"), { count: 0 })).toBe("0 meetings");
  expect(t("meeting.title", { partner: undefined })).toBe("Meeting with ");
  expect(t("meeting.title")).toBe("Meeting with {{partner}}");
});

test("a missing key falls back to the fallback language, then the default value, then the key", () => {
  const t = translator({ a: { here: "here" } }, { a: { there: "fallback" } });
  expect(t(keyFrom("a.there"))).toBe("fallback");
  expect(t(keyFrom("a.nowhere"), { defaultValue: "default" })).toBe("default");
  expect(t(keyFrom("a.nowhere"))).toBe("a.nowhere");
  // A branch of the tree is not a string.
  expect(t(keyFrom("a"))).toBe("a");
});

test("every language's own words, Kazakh Cyrillic included", () => {
  expect(translatorFor("kk")("meeting.listTitle")).toBe("Кездесулер");
  expect(translatorFor("ru")("meeting.listTitle")).toBe("Встречи");
  expect(translatorFor("en")("meeting.listTitle")).toBe("Meetings");
});

test("the browser's languages are taken in order of their weights", () => {
  expect(languageFromHeader("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
  expect(languageFromHeader("de-DE,en;q=0.5,kk;q=0.7")).toBe("kk");
  expect(languageFromHeader("en;q=0, ru")).toBe("ru");
  expect(languageFromHeader("EN-gb")).toBe("en");
  expect(languageFromHeader("de, fr;q=0.5")).toBeUndefined();
  expect(languageFromHeader("")).toBeUndefined();
  expect(languageFromHeader("q=;;,,")).toBeUndefined();
});

test("keys are typed: a misspelt or missing key does not compile", () => {
  const t: T = translatorFor("en");
  expect(t("nav.meetings")).toBe("Meetings");
  // @ts-expect-error: no such key (tsc fails here if the key types stop checking).
  expect(t("nav.meetngs")).toBe("nav.meetngs");
  // @ts-expect-error: a branch of the tree is not a string.
  expect(t("nav")).toBe("nav");
});

test("the pages of one language share one translator: a key is looked up once, not once a page", () => {
  const seen: T[] = [];
  function Probe() {
    seen.push(useTranslation().t);
    return null;
  }
  const page = (lng: "kk" | "en") =>
    renderToString(
      <TranslationProvider lng={lng} strings={translations[lng]}>
        <Probe />
      </TranslationProvider>,
    );
  page("kk");
  page("kk");
  page("en");
  expect(seen[1]).toBe(seen[0]);
  expect(seen[2]).not.toBe(seen[0]);
  expect(seen[0]("meeting.listTitle")).toBe("Кездесулер");
  expect(seen[2]("meeting.listTitle")).toBe("Meetings");
});
