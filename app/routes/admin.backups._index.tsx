import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { listBackups, takeBackup } from "~/backups.server";
import { requireAdmin } from "~/auth.server";
import { AdminNav } from "~/components/AdminNav";
import { Empty, PageHeading } from "~/components/Page";
import { getEnv } from "~/env.server";
import { getTranslator } from "~/i18n/i18n.server";
import { logSecurityEvent } from "~/models/security-log.server";
import { redirectWithFlash } from "~/flash.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t } = await getTranslator(request);
  return {
    title: t("admin.backups.title"),
    // In megabytes to a tenth, written as the reader's language writes numbers (app/i18n/translate.ts).
    backups: listBackups(getEnv().DATABASE_PATH).map(({ name, size }) => ({
      name,
      megabytes: Math.round(size / 1e5) / 10,
    })),
  };
}

/** A backup now, verified like `npm run backup`'s. */
export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { t } = await getTranslator(request);
  const { name } = await takeBackup(getEnv().DATABASE_PATH);
  logSecurityEvent({ event: "backup_taken", userId: admin.id, detail: name });
  return redirectWithFlash(request, "/admin/backups", t("admin.backups.taken"));
}

export default function BackupsPage() {
  const { t } = useTranslation();
  const { backups } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("admin.backups.title")}</PageHeading>
      <AdminNav />
      <p className="mb-4 max-w-prose text-sm text-stone-600">{t("admin.backups.hint")}</p>
      <Form method="post" className="mb-6">
        <button type="submit" className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
          {t("admin.backups.take")}
        </button>
      </Form>
      <p className="mb-6 max-w-prose text-sm text-stone-600">
        {/* A document request, not a client navigation: the answer is a file. */}
        <a href="/admin/export.zip" download className="font-medium text-sky-800 underline">
          {t("admin.backups.zip")}
        </a>{" "}
        {t("admin.backups.zipHint")}
      </p>
      {backups.length === 0 ? <Empty>{t("admin.backups.empty")}</Empty> : null}
      <ul aria-label={t("admin.backups.title")} className="space-y-2">
        {backups.map((backup, i) => (
          <li key={backup.name} className="flex flex-wrap items-center gap-3">
            {/* A document request, not a client navigation: the answer is a file. */}
            <a href={`/admin/backups/${backup.name}`} download className="text-sky-800 underline">
              {i === 0 ? t("admin.backups.downloadLatest") : t("admin.backups.download")}
            </a>
            <span className="font-mono text-sm">{backup.name}</span>
            <span className="text-sm text-stone-600">{t("admin.backups.size", { size: backup.megabytes })}</span>
          </li>
        ))}
      </ul>
    </>
  );
}
