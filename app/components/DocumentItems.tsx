import { useTranslation } from "~/i18n/react";
import { keyFrom } from "~/i18n/translate";
import { TimeText, type SaidTime } from "./DateText";
import { PageLink } from "./Page";

export type DocumentRow = {
  id: number;
  name: string;
  size: number;
  type: string;
  kind: string | null;
  uploadedAt: SaidTime;
  uploadedBy: string | null;
};

/** Some of a record's documents and how many it has (app/models/documents.server.ts). */
export type DocumentRows = { items: DocumentRow[]; total: number };

const PREVIEWABLE = new Set(["pdf", "jpeg", "png", "webp"]);
const IMAGES = new Set(["jpeg", "png", "webp"]);

function FileSize({ bytes }: { bytes: number }) {
  const { t } = useTranslation();
  return bytes >= 1024 * 1024 ? (
    <>{t("documents.sizeMb", { size: Math.round((bytes / 1024 / 1024) * 10) / 10 })}</>
  ) : (
    <>{t("documents.sizeKb", { size: Math.max(1, Math.round(bytes / 1024)) })}</>
  );
}

/**
 * The list of a record's documents (download, preview and, for editors, remove), or the word
 * that it has none. It holds no script: the documents section (./Documents.tsx) and the folds of
 * a relation's steps drawn on the server (./PartnerRelations.tsx) show the same list. Removing
 * is a plain post, which the documents action answers with a redirect back to the record.
 */
export function DocumentItems({ documents, canEdit }: { documents: DocumentRows; canEdit: boolean }) {
  const { t } = useTranslation();
  if (documents.items.length === 0) return <p className="text-sm text-stone-500 italic">{t("documents.empty")}</p>;
  return (
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
              <TimeText time={document.uploadedAt} />
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
              // Asks first, on a page of its own, as every record's delete does.
              <a
                href={`/documents/${document.id}/delete`}
                aria-label={t("documents.removeLabel", { name: document.name })}
                className="text-red-800 underline"
              >
                {t("documents.remove")}
              </a>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}

/** A link to all of a record's documents, when the list shows only some. */
export function AllDocumentsLink({
  parent,
  parentId,
  documents,
}: {
  parent: string;
  parentId: number;
  documents: DocumentRows;
}) {
  const { t } = useTranslation();
  if (documents.total <= documents.items.length) return null;
  return (
    <p className="mt-2 text-sm">
      <PageLink to={`/documents/of/${parent}/${parentId}`} className="text-sky-800 underline">
        {t("documents.showAll", { count: String(documents.total) })}
      </PageLink>
    </p>
  );
}
