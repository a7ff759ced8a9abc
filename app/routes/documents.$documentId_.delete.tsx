import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { actorOf, requireEditor } from "~/auth.server";
import { redirectWithFlash } from "~/flash.server";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { readForm } from "~/forms/parse.server";
import { getTranslator } from "~/i18n/i18n.server";
import { deleteDocument, documentPathOf, getDocument } from "~/models/documents.server";
import { found, requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

/**
 * A document is deleted after saying which, as every record is: a click on "Delete" beside a file
 * took it at once, and only an administrator can bring it back from the bin.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { t } = await getTranslator(request);
  const id = requireId(params.documentId);
  const { name } = found(getDocument(id));
  return { title: t("form.delete.title", { name }), name, back: documentPathOf(id) ?? "/" };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  // Read, though nothing in it is used: an unread body would reset the connection.
  await readForm(request);
  const { t } = await getTranslator(request);
  const result = deleteDocument(requireId(params.documentId), actor);
  if (!result.ok) throw new Response(null, { status: 404 });
  return redirectWithFlash(request, result.path ?? "/", t("documents.removed"));
}

export default function DeleteDocumentPage() {
  const { name, back } = useLoaderData<typeof loader>();
  return <DeleteConfirmation name={name} cancelHref={back} />;
}
