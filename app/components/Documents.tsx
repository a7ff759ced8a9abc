import { useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { DocumentParent } from "~/forms/document";
import { useTranslation } from "~/i18n/react";
import { useCan } from "~/utils/user";
import { AllDocumentsLink, DocumentItems, type DocumentRows } from "./DocumentItems";

export type { DocumentRow, DocumentRows } from "./DocumentItems";

/** What the documents action answers when it cannot attach (app/routes/documents._index.tsx). */
export type DocumentsReply = { errors?: { file?: string[] }; parent?: DocumentParent; parentId?: number };

const ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.docx,.odt,.xlsx,.ods";

/**
 * A record's documents: the list (download, preview, delete) and, for editors, a form to attach
 * one. The upload is a plain multipart post (works without JavaScript); with it, the answer
 * (a message beside the file field) comes back without leaving the page, and a file over the
 * limit is said at once, before it is sent.
 */
export function Documents({
  parent,
  parentId,
  documents,
  maxMb,
  headingLevel = 2,
  footer,
}: {
  parent: DocumentParent;
  parentId: number;
  documents: DocumentRows;
  maxMb: number;
  headingLevel?: 2 | 3 | 4 | 5;
  /** Below the list (the all-documents page: its pagination); otherwise a link to all when some are not shown. */
  footer?: React.ReactNode;
}) {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const upload = useFetcher<DocumentsReply>();
  const form = useRef<HTMLFormElement>(null);
  const [tooBig, setTooBig] = useState(false);
  const id = `documents-${parent}-${parentId}`;
  // What the fetcher held when the last file was sent: an attached file redirects, which leaves
  // its data as it was, so a refusal before it stayed on screen under the attached file.
  const [sentWith, setSentWith] = useState<{ data: DocumentsReply | undefined } | null>(null);
  if (upload.state === "submitting" && (sentWith === null || sentWith.data !== upload.data))
    setSentWith({ data: upload.data });
  const answered = upload.state === "idle" && sentWith !== null;
  const refused = answered && upload.data !== sentWith.data ? upload.data?.errors?.file?.[0] : undefined;
  const error = tooBig ? t("documents.errors.tooBig", { max: String(maxMb) }) : refused;
  useEffect(() => {
    if (answered && !refused) form.current?.reset();
  }, [answered, refused]);
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={`${id}-heading`} className={headingLevel === 2 ? "mb-8" : "mb-2"}>
      <Heading
        id={`${id}-heading`}
        className={headingLevel === 2 ? "mb-3 text-lg font-semibold" : "mb-2 text-sm font-semibold"}
      >
        {t("documents.title")}
      </Heading>
      <DocumentItems documents={documents} canEdit={canEdit} />
      {footer ?? <AllDocumentsLink parent={parent} parentId={parentId} documents={documents} />}
      {canEdit ? (
        <upload.Form
          ref={form}
          method="post"
          action="/documents"
          encType="multipart/form-data"
          className="mt-3 flex flex-wrap items-end gap-3 print:hidden"
          onSubmit={(event) => {
            if (tooBig) event.preventDefault();
          }}
        >
          <input type="hidden" name="intent" value="attach" />
          <input type="hidden" name="parent" value={parent} />
          <input type="hidden" name="parentId" value={parentId} />
          <div className="min-w-0 flex-1 basis-64">
            <label htmlFor={`${id}-file`} className="field-label">
              {t("documents.file")}
            </label>
            <input
              id={`${id}-file`}
              type="file"
              name="file"
              required
              accept={ACCEPT}
              aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
              aria-invalid={error ? true : undefined}
              onChange={(event) => {
                const file = event.currentTarget.files?.[0];
                setTooBig(Boolean(file && file.size > maxMb * 1024 * 1024));
              }}
              className="block w-full max-w-full text-sm file:mr-3 file:rounded file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5"
            />
            <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
              {t("documents.hint", { max: String(maxMb) })}
            </p>
            {error ? (
              <p id={`${id}-error`} role="alert" className="mt-1 text-sm text-red-800">
                {error}
              </p>
            ) : null}
          </div>
          <button
            type="submit"
            disabled={upload.state !== "idle"}
            className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900 disabled:opacity-60"
          >
            {t("documents.attach")}
          </button>
        </upload.Form>
      ) : null}
    </section>
  );
}
