import { useTranslation } from "~/i18n/react";

/** The one-time link to pass on to the invited person; shown once, never stored. */
export function InvitationLink({ path, email }: { path: string; email: string }) {
  const { t } = useTranslation();
  const href = typeof window === "undefined" ? path : `${window.location.origin}${path}`;
  return (
    <div role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
      <p>{t("admin.users.linkFor", { email })}</p>
      <p className="mt-1 font-mono break-all select-all" aria-label={t("admin.users.link")}>
        {href}
      </p>
      <p className="mt-1 text-stone-600">{t("admin.users.linkOnce")}</p>
    </div>
  );
}
