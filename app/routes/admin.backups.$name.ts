import fs from "node:fs";
import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { listBackups } from "~/backups.server";
import { requireAdmin } from "~/auth.server";
import { getEnv } from "~/env.server";
import { logSecurityEvent } from "~/models/security-log.server";
import { notFound } from "~/utils/http.server";

/** One backup file, for an administrator to keep elsewhere. Only names the list holds are served. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const backup = listBackups(getEnv().DATABASE_PATH).find((b) => b.name === params.name);
  if (!backup) throw notFound();
  logSecurityEvent({ event: "backup_downloaded", userId: admin.id, detail: backup.name });
  return new Response(createReadableStreamFromReadable(fs.createReadStream(backup.file)), {
    headers: {
      "Content-Type": "application/vnd.sqlite3",
      "Content-Length": String(backup.size),
      "Content-Disposition": `attachment; filename="${backup.name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
