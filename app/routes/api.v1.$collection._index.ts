import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { listAnswer, methodNotAllowed } from "~/exchange/api.server";

/** A page of a collection of the read-only API (issue 16.4): app/exchange/api.server.ts. */
export function loader({ request, params }: LoaderFunctionArgs) {
  return listAnswer(request, params.collection);
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request);
}
