import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { DEFAULT_NS, FALLBACK_LANGUAGE, isLanguage } from "./i18n/config";

// Only the page's language reaches the browser, as a file of its own kept for a year (the
// root layout preloads it beside the scripts): not in every page's HTML, not in the bundle.
// Changing the language reloads the document (LanguageSwitch).
const root = document.documentElement;
const lng = isLanguage(root.lang) ? root.lang : FALLBACK_LANGUAGE;
const strings: unknown = root.dataset.strings ? await (await fetch(root.dataset.strings)).json() : {};

await i18next.use(initReactI18next).init({
  lng,
  fallbackLng: false,
  defaultNS: DEFAULT_NS,
  resources: { [lng]: { [DEFAULT_NS]: strings as Record<string, unknown> } },
  interpolation: { escapeValue: false },
  initImmediate: false,
});

startTransition(() => {
  hydrateRoot(
    document,
    <I18nextProvider i18n={i18next}>
      <StrictMode>
        <RemixBrowser />
      </StrictMode>
    </I18nextProvider>,
  );
});
