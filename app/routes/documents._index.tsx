import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData } from "@remix-run/react";
import { actorOf, requireEditor, requireUser } from "~/auth.server";
import type { DocumentsReply } from "~/components/Documents";
import { PageHeading } from "~/components/Page";
import { getEnv } from "~/env.server";
import { redirectWithFlash } from "~/flash.server";
import type { DocumentParent } from "~/forms/document";
import { documentSchema } from "~/forms/schemas.server";
import { readForm, sayRefusals } from "~/forms/parse.server";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import {
  attachDocument,
  deleteDocument,
  discard,
  documentPathOf,
  readUpload,
  UploadRefused,
  UploadTooLarge,
} from "~/models/documents.server";
import { badRequest } from "~/utils/http.server";

export const meta: MetaFunction = () => [{ title: "Kezdesu" }];

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = documentSchema;

const PARENT_PATH: Record<DocumentParent, string | null> = {
  meeting: "/meetings/",
  initiative: "/initiatives/",
  delegation: "/delegations/",
  relationStep: null,
};

/**
 * Files are attached on their record's page and posted here; asked for as a page, this says so
 * (rather than "not attached" with nothing refused). Remix also calls it for the page that shows
 * a refusal after a post, with no way to tell the two apart.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

/**
 * Attaches a file to a record (a multipart post, streamed to disk) or deletes a document, for
 * editors. A refused file is answered 413 (too big) or 400 with the reason beside the field;
 * the body of a post that is not allowed is never read (requireEditor comes first).
 */
export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { t } = await getTranslator(request);
  const max = String(getEnv().UPLOAD_MAX_MB);
  const refuse = (message: string, status: number, reply: DocumentsReply = {}) =>
    data<DocumentsReply>({ ...reply, errors: { file: [message] } }, { status });

  if (!/^multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) {
    const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
    if (!parsed.success) throw badRequest();
    if (parsed.data.intent === "attach") return refuse(t("documents.errors.missing"), 400, parsed.data);
    const result = deleteDocument(parsed.data.documentId, actor);
    if (!result.ok) return refuse(t("documents.errors.gone"), 404);
    return redirectWithFlash(request, result.path ?? "/", t("documents.removed"));
  }

  let upload: Awaited<ReturnType<typeof readUpload>>;
  try {
    upload = await readUpload(request);
  } catch (error) {
    if (error instanceof UploadTooLarge) return refuse(t("documents.errors.tooBig", { max }), 413);
    if (error instanceof UploadRefused) throw badRequest();
    // The body stopped short (the client went away) or is not a multipart body at all.
    return refuse(t("documents.errors.incomplete"), 400);
  }
  const { formData, received } = upload;
  const parsed = schema.safeParse(Object.fromEntries([...formData].filter(([name]) => name !== "file")));
  if (!parsed.success || parsed.data.intent !== "attach") {
    discard(received);
    throw badRequest();
  }
  const { parent, parentId } = parsed.data;
  if (!received) return refuse(t("documents.errors.missing"), 400, { parent, parentId });
  const result = await attachDocument(parent, parentId, received, actor);
  if (!result.ok)
    return data<DocumentsReply>(
      { parent, parentId, errors: sayRefusals(result.refusals, t) },
      { status: result.status },
    );
  const path = PARENT_PATH[parent] ? `${PARENT_PATH[parent]}${parentId}` : (documentPathOf(result.id) ?? "/");
  // The same file again (another name, the same bytes) is no second document: say which it is.
  const said = result.alreadyAs ? t("documents.alreadyAttached", { name: result.alreadyAs }) : t("documents.attached");
  return redirectWithFlash(request, path, said);
}

/** Shown only without JavaScript, when a file was refused: the reason, and the way back; or what this address is for. */
export default function DocumentsRefused() {
  const { t } = useTranslation();
  const reply = useActionData<typeof action>();
  const back =
    reply?.parent && reply.parentId && PARENT_PATH[reply.parent]
      ? `${PARENT_PATH[reply.parent]}${reply.parentId}`
      : "/";
  if (!reply)
    return (
      <>
        <PageHeading>{t("documents.title")}</PageHeading>
        <p className="mb-4">{t("documents.postedHere")}</p>
        <Link to="/" className="text-sky-800 underline">
          {t("errors.backHome")}
        </Link>
      </>
    );
  return (
    <>
      <PageHeading>{t("documents.failed")}</PageHeading>
      {reply?.errors?.file?.map((message) => (
        <p key={message} role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {message}
        </p>
      ))}
      <Link to={back} className="text-sky-800 underline">
        {t("documents.back")}
      </Link>
    </>
  );
}
