import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { DEFAULT_NS, FALLBACK_LANGUAGE } from "./i18n/config";

// Only the current language's strings reach the browser: the root loader sends them and
// root.tsx adds them (see useLanguageResources), so the bundle carries none of the three.
i18next.use(initReactI18next).init({
  lng: document.documentElement.lang || FALLBACK_LANGUAGE,
  fallbackLng: false,
  defaultNS: DEFAULT_NS,
  resources: {},
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
