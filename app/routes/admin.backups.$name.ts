import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { BackupVerificationError } from "~db/backup";
import { backupArchive, listBackups } from "~/backups.server";
import { redirectWithFlash } from "~/flash.server";
import { getTranslator } from "~/i18n/i18n.server";
import { requireAdmin } from "~/auth.server";
import { getEnv } from "~/env.server";
import { logSecurityEvent } from "~/models/security-log.server";
import { notFound } from "~/utils/http.server";

/**
 * One backup, for an administrator to keep elsewhere: a ZIP of the database, the document files
 * it names and a manifest of their SHA-256 (app/backups.server.ts), streamed. Only names the
 * list holds are served.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const backup = listBackups(getEnv().DATABASE_PATH).find((b) => b.name === params.name);
  if (!backup) throw notFound();
  let archive: Awaited<ReturnType<typeof backupArchive>>["archive"];
  try {
    ({ archive } = await backupArchive(backup));
  } catch (error) {
    if (!(error instanceof BackupVerificationError)) throw error;
    // Said to the administrator on the backups page, not a ZIP that would not restore.
    const { t } = await getTranslator(request);
    return redirectWithFlash(request, "/admin/backups", t("admin.backups.damaged"));
  }
  const name = backup.name.replace(/\.db$/, ".zip");
  logSecurityEvent({ event: "backup_downloaded", userId: admin.id, detail: name });
  return new Response(createReadableStreamFromReadable(archive), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
