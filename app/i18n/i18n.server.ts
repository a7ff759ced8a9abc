import crypto from "node:crypto";
import { createCookie } from "@remix-run/node";
import { FALLBACK_LANGUAGE, LANGUAGES, isLanguage, type Language } from "./config";
import en from "./locales/en";
import kk from "./locales/kk";
import ru from "./locales/ru";
import { translator, type T } from "./translate";

export const translations = { kk, ru, en } as const;

const versions = new Map<Language, string>();

/** A hash of a language's strings, so their URL changes whenever they do. */
export function stringsVersion(lng: Language) {
  let version = versions.get(lng);
  if (!version)
    versions.set(
      lng,
      (version = crypto.createHash("sha256").update(JSON.stringify(translations[lng])).digest("hex").slice(0, 12)),
    );
  return version;
}

/** Where the browser fetches the strings of a language (app/routes/locales.$lng.ts). */
export const stringsUrl = (lng: Language) => `/locales/${lng}.json?v=${stringsVersion(lng)}`;

/** The chosen interface language, remembered for a year. */
export const languageCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  // As the session cookie: only over HTTPS in production (browsers allow it on http://localhost).
  secure: process.env.NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

/** The first supported language of an Accept-Language header, by its q weights. */
export function languageFromHeader(header: string | null): Language | undefined {
  if (!header) return undefined;
  const wanted = header
    .split(",")
    .map((part, order) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const weight = q ? Number(q.slice(2)) : 1;
      return { lng: tag.trim().toLowerCase().split("-")[0], weight: Number.isFinite(weight) ? weight : 0, order };
    })
    .filter((w) => w.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.order - b.order);
  return wanted.find((w) => isLanguage(w.lng))?.lng as Language | undefined;
}

const languages = new WeakMap<Request, Promise<Language>>();

/**
 * The language chosen by the switch, else the browser's, else Kazakh. Read once a request: the
 * root's loader, the page's and the document's render each ask for it.
 */
export function getLanguage(request: Request): Promise<Language> {
  let lng = languages.get(request);
  if (!lng) {
    lng = languageOf(request.headers.get("Cookie"), request.headers.get("Accept-Language"));
    languages.set(request, lng);
  }
  return lng;
}

/** getLanguage from the two headers it reads (server.ts answers some requests outside Remix). */
export async function languageOf(cookie: string | null, acceptLanguage: string | null): Promise<Language> {
  const chosen: unknown = await languageCookie.parse(cookie);
  if (isLanguage(chosen)) return chosen;
  return languageFromHeader(acceptLanguage) ?? FALLBACK_LANGUAGE;
}

const translators = new Map<Language, T>(
  LANGUAGES.map((lng) => [lng, translator(translations[lng], translations[FALLBACK_LANGUAGE], lng)]),
);

/** `t` for a language: made once, since the strings never change while the server runs. */
export function translatorFor(lng: Language): T {
  return translators.get(lng)!;
}

export async function getTranslator(request: Request) {
  const lng = await getLanguage(request);
  return { lng, t: translatorFor(lng) };
}
