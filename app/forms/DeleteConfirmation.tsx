import { Form, Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";

type ReferenceKind =
  "relations" | "organisations" | "meetings" | "delegations" | "initiatives" | "participations" | "posts" | "units";

/** One line of what the record is (its kind, dates, partner), so that two alike can be told apart. */
export type RecordDetail = { label: string; value: string };

/** Says what still refers to a record (and then offers no delete), or asks to confirm. */
export function DeleteConfirmation({
  name,
  references,
  cancelHref,
  details = [],
}: {
  name: string;
  references: Partial<Record<ReferenceKind, number>>;
  cancelHref: string;
  details?: RecordDetail[];
}) {
  const { t } = useTranslation();
  const blocking = (Object.entries(references) as Array<[ReferenceKind, number]>).filter(([, n]) => n > 0);
  return (
    <>
      <PageHeading>{t("form.delete.title", { name })}</PageHeading>
      {details.length ? (
        <dl
          aria-label={t("form.delete.what")}
          className="mb-4 grid max-w-prose grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm"
        >
          {details.map((detail, index) => (
            <div key={index} className="contents">
              <dt className="font-medium text-stone-600">{detail.label}</dt>
              <dd>{detail.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {blocking.length > 0 ? (
        <div role="alert" className="max-w-prose rounded border border-amber-300 bg-amber-50 p-4">
          <p>{t("form.delete.referred")}</p>
          <ul className="mt-2 list-disc pl-5">
            {blocking.map(([kind, count]) => (
              <li key={kind}>{t(`form.delete.references.${kind}`, { count })}</li>
            ))}
          </ul>
          <Link to={cancelHref} className="mt-3 inline-block text-sky-800 underline">
            {t("form.cancel")}
          </Link>
        </div>
      ) : (
        <Form method="post" className="max-w-prose space-y-4">
          <p>{t("form.delete.confirm")}</p>
          <div className="flex gap-3">
            <button type="submit" className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800">
              {t("form.delete.submit")}
            </button>
            <Link to={cancelHref} className="px-4 py-2 text-sky-800 underline">
              {t("form.cancel")}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
