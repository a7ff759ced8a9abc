import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { popoloExport } from "~/exchange/popolo.server";

/**
 * The open-data export (issue 16.4) for signed-in accounts to download and publish: partners
 * and relations, and only the people marked public (app/exchange/popolo.server.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return new Response(JSON.stringify(popoloExport(), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kezdesu-popolo.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
