import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import type { GoneNotice } from "~/utils/gone.server";
import { useCan } from "~/utils/user";
import { useRequestId } from "./RequestId";

/**
 * Which message a status shows: any other client error (a post to a page that takes none, 405)
 * is a bad request; 503 is a save that could not wait for the database (db/durable-answers.ts).
 */
export const errorKind = (status: number) =>
  status === 404
    ? "notFound"
    : status === 410
      ? "gone"
      : status === 403
        ? "forbidden"
        : status >= 400 && status < 500
          ? "badRequest"
          : status === 503
            ? "busy"
            : "server";

/** `gone`: a deleted record's page (app/utils/gone.server.ts), who deleted it and when. */
export function ErrorPage({ status, gone }: { status: number; gone?: GoneNotice }) {
  const { t } = useTranslation();
  const kind = errorKind(status);
  const requestId = useRequestId();
  return (
    <div className="py-12 text-center">
      <p className="text-5xl font-bold text-stone-300">{status}</p>
      <h1 className="mt-4 text-2xl font-semibold">{t(`errors.${kind}.title`)}</h1>
      <p className="mx-auto mt-3 max-w-prose text-stone-600">{gone ? gone.message : t(`errors.${kind}.message`)}</p>
      {gone ? <GoneLinks gone={gone} /> : null}
      {kind === "server" && requestId ? (
        <p className="mx-auto mt-3 max-w-prose text-sm text-stone-600" data-request-id={requestId}>
          {t("errors.server.reference", { id: requestId })}
        </p>
      ) : null}
      <Link to="/" className="mt-6 inline-block text-sky-800 underline">
        {t("errors.backHome")}
      </Link>
    </div>
  );
}

/** Where a deleted record's history is, and, for an administrator, the bin it can be restored from. */
function GoneLinks({ gone }: { gone: GoneNotice }) {
  const { t } = useTranslation();
  const administrator = useCan("admin");
  if (gone.step)
    return (
      <p className="mx-auto mt-3 max-w-prose text-stone-600">
        <Link to={gone.historyHref} className="text-sky-800 underline">
          {t(gone.stepOf === "initiative" ? "errors.gone.initiativeStep.history" : "errors.gone.step.history")}
        </Link>
      </p>
    );
  return (
    <p className="mx-auto mt-3 max-w-prose text-stone-600">
      {administrator ? t("errors.gone.restoreYourself") : t("errors.gone.restore")}{" "}
      <Link to={gone.historyHref} className="text-sky-800 underline">
        {t("errors.gone.history")}
      </Link>
      {administrator ? (
        <>
          {" · "}
          <Link to="/admin/bin" className="text-sky-800 underline">
            {t("admin.bin.title")}
          </Link>
        </>
      ) : null}
    </p>
  );
}
