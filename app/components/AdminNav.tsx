import { NavLink } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

const PAGES = [
  { to: "/admin/users", key: "admin.users.title" },
  { to: "/admin/activity", key: "admin.activity.title" },
  { to: "/admin/security", key: "admin.security.title" },
  { to: "/admin/bin", key: "admin.bin.title" },
  { to: "/admin/backups", key: "admin.backups.title" },
  { to: "/import", key: "imports.title" },
] as const;

/** The administrators' pages, one click from each other. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("admin.label")} className="mb-6">
      <ul className="flex flex-wrap gap-2 text-sm">
        {PAGES.map((page) => (
          <li key={page.to}>
            <NavLink
              to={page.to}
              className="block rounded border border-stone-300 bg-white px-3 py-1 hover:bg-stone-100 aria-[current=page]:border-sky-800 aria-[current=page]:bg-sky-50"
            >
              {t(page.key)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
