import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { documentResponse, getDocument } from "~/models/documents.server";
import { PREVIEWABLE } from "~/utils/file-kind.server";
import { found, notFound, requireId } from "~/utils/http.server";

/**
 * An image or a PDF shown in the browser (issue 16.1: "images and PDFs may preview"), with the
 * download's protections: `Content-Disposition: inline`, the type detected from the content at
 * upload (never what the client said), `X-Content-Type-Options: nosniff`, `Content-Security-
 * Policy: sandbox` (beside the site's own policy). Other kinds (DOCX, ODT, XLSX, ODS) are only
 * downloaded: 404 here.
 *
 * - Images: the record's page shows each one with an <img> of this address
 *   (app/components/Documents.tsx). A CSP on an image's own answer does not apply to it as a
 *   subresource; nosniff with its real type is what a browser checks. e2e/documents.spec.ts
 *   checks the image decodes (naturalWidth) on the page.
 * - PDFs: opened as a page of their own (the "Open" link, a new tab). Chromium (checked with
 *   156) renders a top-level PDF answered with `sandbox` in its built-in viewer, which runs in
 *   its own extension frame, not in this origin; e2e/documents.spec.ts checks the viewer loads.
 *   What Chromium refuses is a PDF inside a sandboxed <iframe> ("This page has been blocked"),
 *   so the app never frames one. Script inside a PDF runs, if at all, in the viewer's sandbox,
 *   not as this site. Older Safari versions show an empty page for a sandboxed PDF: the
 *   Download link stays beside it. The sandbox is kept, never loosened for PDFs.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const document = found(getDocument(requireId(params.documentId)));
  if (!document.kind || !PREVIEWABLE.has(document.kind)) throw notFound();
  return documentResponse(document, true, request);
}
