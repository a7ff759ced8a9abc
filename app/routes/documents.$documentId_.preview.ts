import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { documentResponse, getDocument } from "~/models/documents.server";
import { PREVIEWABLE } from "~/utils/file-kind.server";
import { found, notFound, requireId } from "~/utils/http.server";

/** An image or a PDF shown in the browser, still sandboxed; other kinds are only downloaded. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const document = found(getDocument(requireId(params.documentId)));
  if (!document.kind || !PREVIEWABLE.has(document.kind)) throw notFound();
  return documentResponse(document, true);
}
