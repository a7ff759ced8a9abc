import { useTranslation } from "~/i18n/react";

/** A record's `.ics` (issue 16.3): a plain download, not a client-side navigation. */
export function CalendarDownload({ href }: { href: string }) {
  const { t } = useTranslation();
  return (
    <a
      href={href}
      download
      className="inline-block rounded border border-stone-300 bg-white px-3 py-1.5 text-sm font-medium text-stone-800 hover:bg-stone-100 print:hidden"
    >
      {t("calendar.download")}
    </a>
  );
}
