import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/i18n/i18n.server";
import { searchNames, searchTexts } from "~/models/search.server";
import { requireUser } from "~/auth.server";

/** Results as one types in the header box: a few of each kind, as JSON. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng } = await getTranslator(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  if (query.length < 2) return Response.json({ query, names: null, texts: null });
  return Response.json({ query, names: searchNames(query, lng, 4), texts: searchTexts(query, lng, 4) });
}
