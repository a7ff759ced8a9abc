import type { ActionFunctionArgs } from "@remix-run/node";
import { apiJson, methodNotAllowed } from "~/exchange/api.server";
import { openApiDocument } from "~/exchange/openapi.server";

/**
 * The API's OpenAPI description. Open to all, like any API's documentation: it holds no records,
 * only their shape, and a client generator can read it before a token is made.
 */
export function loader() {
  return apiJson(openApiDocument(), 200, { "Cache-Control": "no-cache" });
}

export function action({ request }: ActionFunctionArgs) {
  return methodNotAllowed(request);
}
