import { createReadableStreamFromReadable, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { getEnv } from "~/env.server";
import { databaseZip } from "~/exchange/database-zip.server";
import { logSecurityEvent } from "~/models/security-log.server";
import { todayInAstana } from "~/utils/today";

/** The whole database as a ZIP of CSV files and the documents, for administrators (issue 16.2). */
export async function loader({ request }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  // The day in Astana, as the lists' exports name theirs: UTC's is the day before until 05:00.
  const name = `kezdesu-${todayInAstana()}.zip`;
  logSecurityEvent({ event: "backup_downloaded", userId: admin.id, detail: name });
  return new Response(createReadableStreamFromReadable(databaseZip(getEnv().DATABASE_PATH)), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="${name}"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    },
  });
}
