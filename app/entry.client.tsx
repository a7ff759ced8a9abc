import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { FALLBACK_LANGUAGE, isLanguage } from "./i18n/config";
import { TranslationProvider } from "./i18n/react";
import type { Strings } from "./i18n/translate";

// Only the page's language reaches the browser, as a file of its own kept for a year (the
// root layout preloads it beside the scripts): not in every page's HTML, not in the bundle.
// Changing the language reloads the document (LanguageSwitch).
const root = document.documentElement;
const lng = isLanguage(root.lang) ? root.lang : FALLBACK_LANGUAGE;
const strings = (root.dataset.strings ? await (await fetch(root.dataset.strings)).json() : {}) as Strings;

startTransition(() => {
  hydrateRoot(
    document,
    <TranslationProvider lng={lng} strings={strings}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </TranslationProvider>,
  );
});
