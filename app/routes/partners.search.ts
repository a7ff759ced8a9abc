import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/i18n/i18n.server";
import { searchPartners } from "~/models/partners/read.server";
import { requireUser } from "~/auth.server";

/** The partner picker's suggestions, as JSON: name and country; the home city with ?home=1. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng } = await getTranslator(request);
  const params = new URL(request.url).searchParams;
  const query = (params.get("q") ?? "").slice(0, 200);
  return Response.json({ suggestions: searchPartners(query, lng, { includeHome: params.get("home") === "1" }) });
}
