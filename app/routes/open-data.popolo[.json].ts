import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { authorise } from "~/exchange/api.server";
import { popoloExport } from "~/exchange/popolo.server";

/**
 * The open-data export (issue 16.4) to download and publish: partners and relations, and only
 * the people marked public (app/exchange/popolo.server.ts). A signed-in account gets it with its
 * session; a council's publishing job with an API token (`Authorization: Bearer …`, made on the
 * account's API page, the same check as /api/v1/): a request that sends a token is judged by it
 * alone (a wrong or revoked one is a 401, never the session's answer).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  if (request.headers.has("Authorization")) {
    const refused = authorise(request);
    if (refused) return refused;
  } else await requireUser(request);
  return new Response(JSON.stringify(popoloExport(), null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": 'attachment; filename="kezdesu-popolo.json"',
      "Cache-Control": "private, no-store",
    },
  });
}
