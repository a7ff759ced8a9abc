import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { methodNotAllowed, oneAnswer } from "~/exchange/api.server";

/** One record of the read-only API (issue 16.4): app/exchange/api.server.ts. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return oneAnswer(request, params.collection, params.id);
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request);
}
