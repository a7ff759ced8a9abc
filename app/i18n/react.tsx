import { createContext, useContext, useMemo, type ReactNode } from "react";
import { FALLBACK_LANGUAGE, type Language } from "./config";
import { translator, type Strings, type T } from "./translate";

type Translation = { t: T; i18n: { language: Language } };

const TranslationContext = createContext<Translation>({
  t: translator({}),
  i18n: { language: FALLBACK_LANGUAGE },
});

// One translator per strings object: the server passes the same object for every page of a
// language, so each key is looked up once per process, not once per request.
const translators = new WeakMap<Strings, T>();
function translatorOf(strings: Strings, lng: Language): T {
  let t = translators.get(strings);
  if (!t) translators.set(strings, (t = translator(strings, undefined, lng)));
  return t;
}

/** Gives every component below the page's language and its strings. */
export function TranslationProvider({
  lng,
  strings,
  children,
}: {
  lng: Language;
  strings: Strings;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ t: translatorOf(strings, lng), i18n: { language: lng } }), [lng, strings]);
  return <TranslationContext.Provider value={value}>{children}</TranslationContext.Provider>;
}

/** `t` for the page's language, and the language itself (as react-i18next's hook gave them). */
export function useTranslation(): Translation {
  return useContext(TranslationContext);
}

/** The page's interface language. */
export function useLanguage(): Language {
  return useContext(TranslationContext).i18n.language;
}
