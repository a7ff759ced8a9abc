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
import { useTranslation } from "react-i18next";
import { currentUser } from "./auth.server";
import { ErrorPage } from "./components/ErrorPage";
import { Flash } from "./components/Flash";
import { useNonce } from "./components/Nonce";
import { SiteHeader } from "./components/SiteHeader";
import { DEFAULT_NS, FALLBACK_LANGUAGE } from "./i18n/config";
import { getLanguage, translations } from "./i18n/i18next.server";
import { takeFlash } from "./session.server";
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
  return data({ lng, strings: translations[lng], flash: flash.flash, user }, { headers: flash.headers });
}

export const meta: MetaFunction<typeof loader> = ({ data, error }) => {
  const strings = data?.strings;
  if (!strings) return [{ title: "Kezdesu" }];
  if (!error) return [{ title: strings.app.name }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const kind = status === 404 ? "notFound" : status === 403 ? "forbidden" : "server";
  return [{ title: `${strings.errors[kind].title} · ${strings.app.name}` }];
};

// The strings and the account only change through a form post (language, sign-in, sign-out).
export const shouldRevalidate: ShouldRevalidateFunction = ({ formMethod, defaultShouldRevalidate }) =>
  formMethod && formMethod !== "GET" ? defaultShouldRevalidate : false;

/** Hands the server-chosen language and its strings to the browser's i18next before use. */
function useLanguageFromServer() {
  const data = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const lng = data?.lng ?? (i18n.language || FALLBACK_LANGUAGE);
  if (data && !i18n.hasResourceBundle(data.lng, DEFAULT_NS)) {
    i18n.addResourceBundle(data.lng, DEFAULT_NS, data.strings);
  }
  if (i18n.language !== lng) void i18n.changeLanguage(lng);
  return lng;
}

export function Layout({ children }: { children: ReactNode }) {
  const lng = useLanguageFromServer();
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  return (
    <html lang={lng} dir="ltr" className="h-full">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
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
  return <ErrorPage status={status === 404 || status === 403 ? status : 500} />;
}
