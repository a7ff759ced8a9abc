import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { PageLink } from "./Page";

/**
 * A list's filter: a GET form, so the filters live in the address. Its fields take their
 * values from the address when the page renders; keyed by the query, so that a link or
 * "Clear filters" that changes the address shows its values, not what was typed before.
 */
export function FilterForm({ className, children }: { className: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { search } = useLocation();
  return (
    <Form key={search} method="get" className={className} aria-label={t("common.filter")}>
      {children}
    </Form>
  );
}

/**
 * A list's filter drawn as markup on the server (./DrawnMarkup.server.tsx): a plain form that
 * asks, which DrawnMarkup follows in the page; drawn anew for each address, it needs no key.
 */
export function DrawnFilterForm({ action, children }: { action: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <form
      method="get"
      action={action}
      className="mb-4 flex flex-wrap items-end gap-3 print:hidden"
      aria-label={t("common.filter")}
    >
      {children}
    </form>
  );
}

/** A filter's Apply button, and once something is filtered the link back to the whole list. */
export function FilterActions({ resetTo, filtered }: { resetTo: string; filtered: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <button type="submit" className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900">
        {t("common.apply")}
      </button>
      {filtered ? (
        <PageLink to={resetTo} className="text-sm text-sky-800 underline">
          {t("common.reset")}
        </PageLink>
      ) : null}
    </>
  );
}
