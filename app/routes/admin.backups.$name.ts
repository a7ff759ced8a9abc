import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { backupArchive, listBackups } from "~/backups.server";
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
  const { archive } = await backupArchive(backup);
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
