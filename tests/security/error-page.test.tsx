/**
 * Issue 12.10: the 500 page shows the request's id (the log writes it beside the error), in the
 * reader's language; the other error pages, and a 500 with no id known, show none.
 */
import { renderToString } from "react-dom/server";
import { MemoryRouter } from "react-router-dom";
import { expect, test } from "vitest";
import { ErrorPage } from "~/components/ErrorPage";
import { RequestIdContext } from "~/components/RequestId";
import { TranslationProvider } from "~/i18n/react";
import { translations } from "~/i18n/i18n.server";
import type { Language } from "~/i18n/config";

const render = (status: number, lng: Language, requestId?: string) =>
  renderToString(
    <MemoryRouter>
      <RequestIdContext.Provider value={() => requestId}>
        <TranslationProvider lng={lng} strings={translations[lng]}>
          <ErrorPage status={status} />
        </TranslationProvider>
      </RequestIdContext.Provider>
    </MemoryRouter>,
  );

test.each([
  ["kk", "әкімшіге мына кодты айтыңыз: 3f9a0c12be"],
  ["ru", "сообщите администратору этот код: 3f9a0c12be"],
  ["en", "give the administrator this reference: 3f9a0c12be"],
] as const)("the 500 page shows the request id in %s", (lng, expected) => {
  expect(render(500, lng, "3f9a0c12be")).toContain(expected);
});

test("no id on the other error pages, nor when none is known; never a stack", () => {
  expect(render(404, "en", "3f9a0c12be")).not.toContain("3f9a0c12be");
  expect(render(500, "en")).not.toContain("reference");
  expect(render(500, "en", "3f9a0c12be")).not.toMatch(/at \w+ \(|Error:/);
});

test.each([
  ["kk", "Дерекқор бос емес", "ештеңе сақталмады"],
  ["ru", "База данных занята", "ничего не сохранено"],
  ["en", "The database is busy", "nothing was saved"],
] as const)("a save refused as busy (503) says so, and that nothing was saved, in %s", (lng, title, saved) => {
  const page = render(503, lng, "3f9a0c12be");
  expect(page).toContain(title);
  expect(page).toContain(saved);
  expect(page).not.toContain("3f9a0c12be");
});
