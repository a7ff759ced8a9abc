import { Link, useFetcher } from "@remix-run/react";
import { useEffect, useRef, useState } from "react";
import type { DocumentParent } from "~/forms/document";
import { useTranslation } from "~/i18n/react";
import { keyFrom } from "~/i18n/translate";
import { useCan } from "~/utils/user";
import { AstanaTime } from "./AstanaTime";

export type DocumentRow = {
  id: number;
  name: string;
  size: number;
  type: string;
  kind: string | null;
  uploadedAt: string;
  uploadedBy: string | null;
};

/** What the documents action answers when it cannot attach (app/routes/documents._index.tsx). */
/** Some of a record's documents and how many it has (app/models/documents.server.ts). */
export type DocumentRows = { items: DocumentRow[]; total: number };

export type DocumentsReply = { errors?: { file?: string[] }; parent?: DocumentParent; parentId?: number };

const PREVIEWABLE = new Set(["pdf", "jpeg", "png", "webp"]);
const IMAGES = new Set(["jpeg", "png", "webp"]);
const ACCEPT = ".pdf,.jpg,.jpeg,.png,.webp,.docx,.odt,.xlsx,.ods";

function FileSize({ bytes }: { bytes: number }) {
  const { t } = useTranslation();
  return bytes >= 1024 * 1024 ? (
    <>{t("documents.sizeMb", { size: (bytes / 1024 / 1024).toFixed(1) })}</>
  ) : (
    <>{t("documents.sizeKb", { size: Math.max(1, Math.round(bytes / 1024)) })}</>
  );
}

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
  const error = tooBig
    ? t("documents.errors.tooBig", { max: String(maxMb) })
    : upload.state === "idle"
      ? upload.data?.errors?.file?.[0]
      : undefined;
  useEffect(() => {
    if (upload.state === "idle" && upload.data === undefined) form.current?.reset();
  }, [upload.state, upload.data]);
  const Heading = `h${headingLevel}` as const;
  return (
    <section aria-labelledby={`${id}-heading`} className={headingLevel === 2 ? "mb-8" : "mb-2"}>
      <Heading
        id={`${id}-heading`}
        className={headingLevel === 2 ? "mb-3 text-lg font-semibold" : "mb-2 text-sm font-semibold"}
      >
        {t("documents.title")}
      </Heading>
      {documents.items.length === 0 ? (
        <p className="text-sm text-stone-500 italic">{t("documents.empty")}</p>
      ) : (
        <ul aria-label={t("documents.listLabel")} className="divide-y divide-stone-200 rounded border border-stone-200">
          {documents.items.map((document) => (
            <li key={document.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 bg-white p-3 text-sm">
              {document.kind && IMAGES.has(document.kind) ? (
                // The image itself, from its inline route (sandboxed, nosniff: an image is never
                // run); the name beside it says what it is.
                <img
                  src={`/documents/${document.id}/preview`}
                  alt=""
                  loading="lazy"
                  decoding="async"
                  className="h-16 w-16 shrink-0 rounded border border-stone-200 bg-stone-50 object-cover"
                />
              ) : null}
              <div className="min-w-0 flex-1 basis-48">
                <p className="font-medium break-words">{document.name}</p>
                <p className="text-stone-600">
                  {document.kind ? t(keyFrom(`documents.types.${document.kind}`)) : document.type} ·{" "}
                  <FileSize bytes={document.size} /> · {document.uploadedBy ?? t("history.system")} ·{" "}
                  <AstanaTime iso={document.uploadedAt} />
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-3">
                <a
                  href={`/documents/${document.id}`}
                  download={document.name}
                  aria-label={t("documents.downloadLabel", { name: document.name })}
                  className="text-sky-800 underline"
                >
                  {t("documents.download")}
                </a>
                {document.kind && PREVIEWABLE.has(document.kind) ? (
                  <a
                    href={`/documents/${document.id}/preview`}
                    target="_blank"
                    rel="noopener noreferrer"
                    aria-label={t("documents.previewLabel", { name: document.name })}
                    className="text-sky-800 underline"
                  >
                    {t("documents.preview")}
                  </a>
                ) : null}
                {canEdit ? (
                  <form method="post" action="/documents" className="inline">
                    <input type="hidden" name="intent" value="delete" />
                    <input type="hidden" name="documentId" value={document.id} />
                    <button
                      type="submit"
                      aria-label={t("documents.removeLabel", { name: document.name })}
                      className="text-red-800 underline"
                    >
                      {t("documents.remove")}
                    </button>
                  </form>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      {footer ??
        (documents.total > documents.items.length ? (
          <p className="mt-2 text-sm">
            <Link to={`/documents/of/${parent}/${parentId}`} className="text-sky-800 underline">
              {t("documents.showAll", { count: String(documents.total) })}
            </Link>
          </p>
        ) : null)}
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

/**
 * A record's documents folded away under their count (a relation's steps: a long relation stays
 * readable). Folded with none, its list and upload form are drawn when it is first opened, not
 * in the page: a relation of many steps carried an upload form for each (some 2.6 KB of markup
 * and a fetcher apiece, a fifth of the partner page's server time; issue 17). Until then, and
 * without JavaScript, it holds a link to the record's documents page, which has the same form.
 */
export function FoldedDocuments({
  parent,
  parentId,
  documents,
  maxMb,
  label,
}: {
  parent: DocumentParent;
  parentId: number;
  documents: DocumentRows;
  maxMb: number;
  label: string;
}) {
  const { t } = useTranslation();
  const canEdit = useCan("editor");
  const [drawn, setDrawn] = useState(false);
  if (documents.total === 0 && !canEdit) return null;
  const open = () => setDrawn(true);
  return (
    <details
      className="mt-1"
      open={documents.total > 0 ? true : undefined}
      onToggle={(event) => {
        if (event.currentTarget.open) open();
      }}
    >
      {/* A click is handled before the browser opens the fold: the form is there when it shows. */}
      <summary className="cursor-pointer text-xs text-sky-800 underline" aria-label={label} onClick={open}>
        {t("documents.count", { count: String(documents.total) })}
      </summary>
      <div className="mt-2">
        {drawn || documents.total > 0 ? (
          <Documents parent={parent} parentId={parentId} documents={documents} maxMb={maxMb} headingLevel={5} />
        ) : (
          <Link to={`/documents/of/${parent}/${parentId}`} className="text-xs text-sky-800 underline">
            {t("documents.attachOne")}
          </Link>
        )}
      </div>
    </details>
  );
}
