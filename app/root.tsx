import { data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteError,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { currentUser } from "./auth.server";
import { ErrorPage, errorKind } from "./components/ErrorPage";
import { Flash } from "./components/Flash";
import { useNonce } from "./components/Nonce";
import { SiteHeader } from "./components/SiteHeader";
import { FALLBACK_LANGUAGE } from "./i18n/config";
import { getLanguage, stringsUrl, translations } from "./i18n/i18n.server";
import { takeFlash } from "./flash.server";
import type { GoneNotice } from "./utils/gone.server";
import stylesheet from "./tailwind.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const lng = await getLanguage(request);
  const flash = await takeFlash(request);
  const signedIn = await currentUser(request);
  const user = signedIn && { id: signedIn.id, name: signedIn.name, email: signedIn.email, role: signedIn.role };
  // The page titles' words only: the strings themselves come as a cached file (entry.client.tsx).
  const words = translations[lng];
  const titles = {
    app: words.app.name,
    notFound: words.errors.notFound.title,
    gone: words.errors.gone.title,
    forbidden: words.errors.forbidden.title,
    badRequest: words.errors.badRequest.title,
    server: words.errors.server.title,
    busy: words.errors.busy.title,
  };
  return data({ lng, titles, strings: stringsUrl(lng), flash: flash.flash, user }, { headers: flash.headers });
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const titles = data?.titles;
  if (!titles) return [{ title: "Kezdesu" }];
  if (!error) return [{ title: titles.app }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [{ title: `${titles[errorKind(status)]} · ${titles.app}` }];
};

// The strings and the account only change through a form post (language, sign-in, sign-out),
// and not through one that never reached the server (app/forms/unsent.ts: its isUnsent, written
// out here, as importing that module would add a file to every page's first load).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, actionResult, defaultShouldRevalidate }) =>
  formMethod && formMethod !== "GET" && !(typeof actionResult === "object" && actionResult && "unsent" in actionResult)
    ? defaultShouldRevalidate
    : false;

/** The server-chosen language (the browser's strings are that language's: entry.client.tsx). */
function useLanguageFromServer() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  return data?.lng ?? (i18n.language || FALLBACK_LANGUAGE);
}

export function Layout({ children }: { children: ReactNode }) {
  const lng = useLanguageFromServer();
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={lng} dir="ltr" className="h-full" data-strings={data?.strings}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {data?.strings ? <link rel="preload" href={data.strings} as="fetch" crossOrigin="anonymous" /> : null}
        <Meta />
        <Links />
      </head>
      <body className="flex min-h-full flex-col bg-stone-50 text-stone-900">
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
          <Flash flash={data?.flash} />
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const gone = status === 410 ? (error as { data?: { gone?: GoneNotice } }).data?.gone : undefined;
  return <ErrorPage status={(status >= 400 && status < 500) || status === 503 ? status : 500} gone={gone} />;
}
