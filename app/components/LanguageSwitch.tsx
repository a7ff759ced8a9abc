import { Form, useLocation } from "@remix-run/react";
import { useLanguage, useTranslation } from "~/i18n/react";
import { LANGUAGES } from "~/i18n/config";

/**
 * A plain form, so it works before (and without) JavaScript; the choice is kept in a cookie.
 * The document reloads: the browser's strings are one language's chunk (entry.client.tsx).
 */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const current = useLanguage();
  const location = useLocation();
  return (
    <Form method="post" action="/language" className="flex items-center gap-1" reloadDocument>
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <span className="sr-only">{t("language.label")}</span>
      {LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="submit"
          name="lng"
          value={lng}
          lang={lng}
          aria-pressed={lng === current}
          className="rounded px-2 py-1 text-sm font-medium text-sky-100 hover:bg-sky-800 aria-pressed:bg-white aria-pressed:text-sky-900"
        >
          {t(`language.${lng}`)}
        </button>
      ))}
    </Form>
  );
}
