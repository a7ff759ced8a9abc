import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { StaleAlert } from "./StaleAlert";
import type { DeleteReply } from "./stale.server";

type ReferenceKind =
  "relations" | "organisations" | "meetings" | "delegations" | "initiatives" | "participations" | "posts" | "units";
/** How many records of each kind refer to the one to delete. */
export type References = Partial<Record<ReferenceKind, number>>;

/** One line of what the record is (its kind, dates, partner), so that two alike can be told apart. */
export type RecordDetail = { label: string; value: string };

/**
 * Says what still refers to a record (and then offers no delete), or asks to confirm. The
 * confirmation carries the version of the record the page showed (app/forms/stale.server.ts): a
 * change made since refuses it, said here, and the page then carries the newest.
 */
export function DeleteConfirmation({
  name,
  references = {},
  cancelHref,
  details = [],
  version,
}: {
  name: string;
  references?: References;
  cancelHref: string;
  details?: RecordDetail[];
  /** None for what has no history (a document). */
  version?: number;
}) {
  const { t } = useTranslation();
  const reply = useActionData<DeleteReply>();
  const blocking = (Object.entries(reply?.references ?? references) as Array<[ReferenceKind, number]>).filter(
    ([, n]) => n > 0,
  );
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
          {version === undefined ? null : (
            <input type="hidden" name="version" value={reply?.stale?.version ?? version} />
          )}
          {reply?.stale ? <StaleAlert stale={reply.stale} then={t("form.delete.notDeleted")} /> : null}
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
