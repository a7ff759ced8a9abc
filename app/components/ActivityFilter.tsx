import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";

const control = "mt-1 block rounded border border-stone-300 bg-white px-2 py-1.5";

/** The administrators' log filters: a person, any extra fields, and a span of days (GET). */
export function ActivityFilter({
  authors,
  filter,
  children,
}: {
  authors: Array<{ id: number; name: string }>;
  filter: { userId?: number; from?: string; to?: string };
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Form method="get" className="mb-6 flex flex-wrap items-end gap-4 text-sm" aria-label={t("admin.activity.filter")}>
      {/* An account's name may be long and unbroken: the list of them stays within the page. */}
      <label className="max-w-full font-medium text-stone-700">
        {t("admin.activity.person")}
        <select name="user" defaultValue={filter.userId ?? ""} className={`${control} max-w-full`}>
          <option value="">{t("admin.activity.everyone")}</option>
          {authors.map((author) => (
            <option key={author.id} value={author.id}>
              {author.name}
            </option>
          ))}
        </select>
      </label>
      {children}
      <label className="font-medium text-stone-700">
        {t("admin.activity.from")}
        <input type="date" name="from" defaultValue={filter.from ?? ""} className={control} />
      </label>
      <label className="font-medium text-stone-700">
        {t("admin.activity.to")}
        <input type="date" name="to" defaultValue={filter.to ?? ""} className={control} />
      </label>
      <button type="submit" className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
        {t("admin.activity.show")}
      </button>
    </Form>
  );
}
