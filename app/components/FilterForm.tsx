import { Form, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

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
