import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { notFound } from "~/utils/http.server";

/** Any address no other route claims: the root boundary shows the 404 page in the user's language. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  throw notFound();
}

export default function NotFound() {
  return null;
}
