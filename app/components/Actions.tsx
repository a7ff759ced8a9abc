import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import type { UserRole } from "~db/enums";
import { useTranslation } from "~/i18n/react";
import { useCan } from "~/utils/user";

/** A button-like link; shown only to those who may use it (editors, unless `need` says else). */
export function ActionLink({
  to,
  children,
  tone = "primary",
  need = "editor",
}: {
  to: string;
  children: ReactNode;
  tone?: "primary" | "secondary" | "danger";
  need?: UserRole;
}) {
  const allowed = useCan(need);
  if (!allowed) return null;
  return (
    <Link to={to} className={actionLinkClass(tone)}>
      {children}
    </Link>
  );
}

const TONES = {
  primary: "bg-sky-800 text-white hover:bg-sky-900",
  secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
  danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
};

/**
 * An action link's look, for the ones drawn as markup (./PartnerRelations.tsx). Its label is the
 * interface's, never typed text: it wraps between words only (styles/app.css lets typed text
 * wrap anywhere, and a row of actions on a phone cut "Жою" in two).
 */
export const actionLinkClass = (tone: keyof typeof TONES) =>
  `inline-block rounded px-3 py-1.5 text-sm font-medium wrap-normal print:hidden ${TONES[tone]}`;

/** A link into an editing page: plain text (or nothing) for those who may not edit. */
export function EditorLink({
  to,
  className,
  children,
  keepText = false,
}: {
  to: string;
  className?: string;
  children: ReactNode;
  keepText?: boolean;
}) {
  const allowed = useCan("editor");
  if (!allowed) return keepText ? <>{children}</> : null;
  return (
    <Link to={to} className={className}>
      {children}
    </Link>
  );
}

/**
 * A record page's Edit, History and Delete links, in that order, each shown to those who may use
 * it. `path` is the record's page (`/meetings/5`); `history`, its history page.
 */
export function RecordActions({
  path,
  history,
  deletable = true,
}: {
  path: string;
  history: string;
  deletable?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <ActionLink to={`${path}/edit`} tone="secondary">
        {t("form.editAction")}
      </ActionLink>
      <ActionLink to={history} tone="secondary" need="viewer">
        {t("history.link")}
      </ActionLink>
      {deletable ? (
        <ActionLink to={`${path}/delete`} tone="danger">
          {t("form.deleteAction")}
        </ActionLink>
      ) : null}
    </>
  );
}
