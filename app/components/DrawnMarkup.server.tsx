import type { ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import type { Language } from "~/i18n/config";
import { translations } from "~/i18n/i18n.server";
import { TranslationProvider } from "~/i18n/react";
import { InDrawnMarkup } from "./Page";

/**
 * A part of a page as finished markup, in `lng`: drawn with the reads it shows, and where those are
 * kept (cachedRead, app/utils/read-cache.server.ts) kept with them and sent as it is by every
 * request until the data changes. A list of some hundred elements costs React as much to render
 * on every request as the rest of the page, and sent also as data it went to the browser twice
 * (issue 17). What is drawn holds no script, and no form but plain ones the browser sends on its
 * own; what depends on who asks is drawn once for each kind of account (a partner's relations,
 * for editors and for the others), and the loader picks.
 */
export function drawMarkup(lng: Language, element: ReactElement): string {
  return renderToStaticMarkup(
    <InDrawnMarkup.Provider value>
      <TranslationProvider lng={lng} strings={translations[lng]}>
        {element}
      </TranslationProvider>
    </InDrawnMarkup.Provider>,
  );
}
