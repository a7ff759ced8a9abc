import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/i18n/i18n.server";
import { searchPeople } from "~/models/people/read.server";
import { requireUser } from "~/auth.server";

/** The person picker's suggestions, as JSON: name, current title and body. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng } = await getTranslator(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  return Response.json({ suggestions: searchPeople(query, lng) });
}
