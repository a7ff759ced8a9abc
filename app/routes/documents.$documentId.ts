import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { documentResponse, getDocument } from "~/models/documents.server";
import { found, requireId } from "~/utils/http.server";

/** An attached document, as a download, for any signed-in account (issue 16.1). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  return documentResponse(found(getDocument(requireId(params.documentId))), false, request);
}
