import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/i18n/i18n.server";
import { searchOrganisations } from "~/models/organisations.server";
import { requireUser } from "~/auth.server";

/** The organisation picker's suggestions, as JSON: name and whose side it is on. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng } = await getTranslator(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return Response.json({ suggestions: searchOrganisations(query, lng) });
}
