import { Form, Link, NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { HeaderSearch } from "./HeaderSearch";
import { LanguageSwitch } from "./LanguageSwitch";
import { useUser } from "~/utils/user";
import { forgetDrafts } from "~/forms/drafts";

const SECTIONS = [
  { to: "/", key: "nav.overview", end: true },
  { to: "/partners", key: "nav.partners" },
  { to: "/meetings", key: "nav.meetings" },
  { to: "/initiatives", key: "nav.initiatives" },
  { to: "/people", key: "nav.people" },
  { to: "/organisations", key: "nav.organisations" },
] as const;

export function SiteHeader() {
  const { t } = useTranslation();
  const user = useUser();
  return (
    <header className="bg-sky-900 text-white print:bg-white print:text-black">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:text-sky-900"
      >
        {t("nav.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <Link to="/" className="flex flex-col leading-tight">
          <span className="text-xl font-bold tracking-wide">{t("app.name")}</span>
          <span className="text-xs text-sky-200 print:text-stone-600">{t("app.tagline")}</span>
        </Link>
        <div className="flex flex-wrap items-center gap-3 print:hidden">
          {user ? <HeaderSearch /> : null}
          <LanguageSwitch />
          {user ? (
            <AccountMenu name={user.name} isAdmin={user.role === "admin"} canEdit={user.role !== "viewer"} />
          ) : null}
        </div>
      </div>
      {user ? <SectionNav /> : null}
    </header>
  );
}

function AccountMenu({ name, isAdmin, canEdit }: { name: string; isAdmin: boolean; canEdit: boolean }) {
  const { t } = useTranslation();
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm">
      <Link
        to="/account/password"
        className="text-sky-100 underline-offset-2 hover:underline"
        title={t("account.changePassword")}
      >
        {name}
      </Link>
      <Link to="/account/calendar" className="text-sky-100 underline-offset-2 hover:underline">
        {t("calendar.link")}
      </Link>
      <Link to="/account/api" className="text-sky-100 underline-offset-2 hover:underline" title={t("apiTokens.title")}>
        {t("apiTokens.link")}
      </Link>
      {/* Editors import too; an administrator finds it beside the other tools as well (AdminNav). */}
      {canEdit ? (
        <Link to="/import" className="text-sky-100 underline-offset-2 hover:underline">
          {t("nav.import")}
        </Link>
      ) : null}
      {isAdmin ? (
        <Link to="/admin/users" className="text-sky-100 underline-offset-2 hover:underline">
          {t("nav.admin")}
        </Link>
      ) : null}
      {/* A whole new document, not a navigation inside this one: the signed-in page's data (the
          account, what it listed) stays in the tab's memory and its DOM until the document goes.
          Drafts of forms kept in this browser are forgotten here, and by the answer's
          Clear-Site-Data where the page's script has not run. */}
      <Form method="post" action="/sign-out" reloadDocument onSubmit={() => forgetDrafts()}>
        <button type="submit" className="rounded border border-sky-300 px-2 py-1 text-sky-50 hover:bg-sky-800">
          {t("account.signOut")}
        </button>
      </Form>
    </div>
  );
}

function SectionNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("nav.label")} className="bg-sky-950/40 print:hidden">
      <ul className="mx-auto flex max-w-6xl flex-wrap gap-1 px-2">
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink
              to={section.to}
              end={"end" in section}
              prefetch="intent"
              className="block border-b-2 border-transparent px-3 py-2 text-sm text-sky-100 hover:text-white aria-[current=page]:border-amber-400 aria-[current=page]:text-white"
            >
              {t(section.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
