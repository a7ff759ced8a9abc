import type { LoaderFunctionArgs } from "@remix-run/node";
import { isLanguage } from "~/i18n/config";
import { stringsVersion, translations } from "~/i18n/i18n.server";
import { notFound } from "~/utils/http.server";

/**
 * One language's interface strings for the browser (entry.client.tsx), fetched once
 * and kept for a year: the URL carries their hash (stringsUrl), so new strings get a new URL.
 * Public: the sign-in page needs them, and they hold nothing but the interface's words.
 */
export function loader({ params, request }: LoaderFunctionArgs) {
  const lng = params.lng?.replace(/\.json$/, "");
  if (!isLanguage(lng)) throw notFound();
  const current = new URL(request.url).searchParams.get("v") === stringsVersion(lng);
  return new Response(JSON.stringify(translations[lng]), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": current ? "public, max-age=31536000, immutable" : "no-cache",
    },
  });
}
