import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { RequestIdContext } from "./components/RequestId";
import { FALLBACK_LANGUAGE, isLanguage } from "./i18n/config";
import { TranslationProvider } from "./i18n/react";
import type { Strings } from "./i18n/translate";
import { countTypingAsUse } from "./utils/typing-is-use.client";

// Only the page's language reaches the browser, as a file of its own kept for a year (the
// root layout preloads it beside the scripts): not in every page's HTML, not in the bundle.
// Changing the language reloads the document (LanguageSwitch).
const root = document.documentElement;
const lng = isLanguage(root.lang) ? root.lang : FALLBACK_LANGUAGE;
const strings = (root.dataset.strings ? await (await fetch(root.dataset.strings)).json() : {}) as Strings;

// The id of the last request the server failed (server.ts sends X-Request-Id with every
// answer): the one a server-rendered error page shows, then that of a navigation's or a form's
// data request answered 500, for the error page to show in its turn.
let failedRequestId = document.querySelector<HTMLElement>("[data-request-id]")?.dataset.requestId;
const fetchFromServer = window.fetch.bind(window);
const requested = countTypingAsUse(() => fetchFromServer("/healthz", { method: "HEAD" }));
window.fetch = async (...args: Parameters<typeof fetch>) => {
  requested();
  const response = await fetchFromServer(...args);
  if (response.status >= 500) failedRequestId = response.headers.get("X-Request-Id") ?? undefined;
  return response;
};
const requestId = () => failedRequestId;

startTransition(() => {
  hydrateRoot(
    document,
    <TranslationProvider lng={lng} strings={strings}>
      <RequestIdContext.Provider value={requestId}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </RequestIdContext.Provider>
    </TranslationProvider>,
  );
});
