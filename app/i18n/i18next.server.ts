import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { createInstance, type i18n } from "i18next";
import { initReactI18next } from "react-i18next";
import { RemixI18Next } from "remix-i18next/server";
import { DEFAULT_NS, FALLBACK_LANGUAGE, LANGUAGES, isLanguage, type Language } from "./config";
import en from "./locales/en";
import kk from "./locales/kk";
import ru from "./locales/ru";

export const translations = { kk, ru, en } as const;

const versions = new Map<Language, string>();

/** A hash of a language's strings, so their URL changes whenever they do. */
export function stringsVersion(lng: Language) {
  let version = versions.get(lng);
  if (!version) versions.set(lng, (version = crypto.createHash("sha256").update(JSON.stringify(translations[lng])).digest("hex").slice(0, 12)));
  return version;
}

/** Where the browser fetches the strings of a language (app/routes/locales.$lng.ts). */
export const stringsUrl = (lng: Language) => `/locales/${lng}.json?v=${stringsVersion(lng)}`;

export const resources = {
  kk: { [DEFAULT_NS]: kk },
  ru: { [DEFAULT_NS]: ru },
  en: { [DEFAULT_NS]: en },
};

/** The chosen interface language, remembered for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  maxAge: 60 * 60 * 24 * 365,
});

export const i18next = new RemixI18Next({
  detection: {
    supportedLanguages: [...LANGUAGES],
    fallbackLanguage: FALLBACK_LANGUAGE,
    cookie: languageCookie,
    order: ["cookie", "header"],
  },
  i18next: {
    resources,
    defaultNS: DEFAULT_NS,
    fallbackLng: FALLBACK_LANGUAGE,
    interpolation: { escapeValue: false },
  },
});

export async function getLanguage(request: Request): Promise<Language> {
  const detected = await i18next.getLocale(request);
  const short = detected?.slice(0, 2).toLowerCase();
  return isLanguage(short) ? short : FALLBACK_LANGUAGE;
}

// remix-i18next's getFixedT makes and initialises a new i18next instance on every call: a few
// milliseconds of every request. The strings never change while the server runs, so one
// instance per language is made once and shared.
const shared = new Map<Language, Promise<i18n>>();

/** The i18next instance of a language, made once (app/entry.server.tsx renders with it too). */
export function i18nFor(lng: Language) {
  let instance = shared.get(lng);
  if (!instance) {
    const made = createInstance().use(initReactI18next);
    instance = made
      .init({ lng, resources, defaultNS: DEFAULT_NS, fallbackLng: FALLBACK_LANGUAGE, interpolation: { escapeValue: false }, initImmediate: false })
      .then(() => made);
    shared.set(lng, instance);
  }
  return instance;
}

export async function getTranslator(request: Request) {
  const lng = await getLanguage(request);
  return { lng, t: (await i18nFor(lng)).getFixedT(lng) };
}
