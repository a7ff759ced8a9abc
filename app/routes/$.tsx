import { notFound } from "~/utils/http.server";

/** Any address no other route claims: the root boundary shows the 404 page in the user's language. */
export function loader() {
  throw notFound();
}

export default function NotFound() {
  return null;
}
