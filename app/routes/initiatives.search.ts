import type { LoaderFunctionArgs } from "@remix-run/node";
import { getTranslator } from "~/i18n/i18n.server";
import { searchOpenInitiatives } from "~/models/search.server";
import { requireUser } from "~/auth.server";

/** The initiative picker's suggestions, as JSON: open initiatives, with their status. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { t, lng } = await getTranslator(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").slice(0, 200);
  const suggestions = searchOpenInitiatives(query, lng).map(({ status, ...initiative }) => ({
    ...initiative,
    detail: t(`initiative.statuses.${status}`),
  }));
  return Response.json({ suggestions });
}
