import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useEffect, useId, useRef } from "react";
import { AdminNav } from "~/components/AdminNav";
import { TimeText } from "~/components/DateText";
import { Empty, PageHeading } from "~/components/Page";
import { IMPORT_KINDS } from "~db/schema";
import { ErrorList, FormErrors, SubmitButton } from "~/forms/Controls";
import { ENCODINGS, MAPPING_IGNORE } from "~/forms/import";
import { LANGUAGES } from "~/i18n/config";
import { useTranslation } from "~/i18n/react";
import { Pagination } from "~/components/Pagination";
import type { action, loader, Mapped, MappingColumn, MappingField, PreviewText } from "~/routes/import._index";

export function ImportPage() {
  const { t } = useTranslation();
  const { maxMb, imports, canUndo } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const id = useId();
  const busy = navigation.state === "submitting";
  const fileRefused = reply?.stage === "refused" && Boolean(reply.fileError);
  const fileInput = useRef<HTMLInputElement>(null);
  // A refused file's reason is read out where the file is chosen again, as a field's error is.
  useEffect(() => {
    if (fileRefused) fileInput.current?.focus();
  }, [reply, fileRefused]);
  return (
    <>
      <PageHeading>{t("imports.title")}</PageHeading>
      {canUndo ? <AdminNav /> : null}
      <p className="mb-4 max-w-prose text-sm text-stone-600">{t("imports.hint")}</p>
      <p className="mb-1 text-sm">{t("imports.template")}</p>
      <ul className="mb-4 text-sm">
        {IMPORT_KINDS.map((kind) => (
          <li key={kind}>
            <span className="mr-2">{t(`imports.kinds.${kind}`)}:</span>
            {LANGUAGES.map((lng) => (
              <span key={lng} className="mr-3 inline-block">
                <span className="font-medium uppercase">{lng}</span>{" "}
                {(["xlsx", "csv"] as const).map((ext) => (
                  <a
                    key={ext}
                    href={`/import/template/${kind}-${lng}.${ext}`}
                    download
                    aria-label={`${t(`imports.kinds.${kind}`)}, ${t(`language.${lng}`)}: ${t(`exports.${ext}`)}`}
                    className="mr-1 text-sky-800 underline"
                  >
                    {t(`exports.${ext}`)}
                  </a>
                ))}
              </span>
            ))}
          </li>
        ))}
      </ul>
      <Form method="post" encType="multipart/form-data" className="mb-8 max-w-xl space-y-4">
        <div>
          <label htmlFor={`${id}-kind`} className="field-label">
            {t("imports.kind")}
          </label>
          <select
            id={`${id}-kind`}
            name="kind"
            className="field-control"
            defaultValue={
              reply?.stage === "preview"
                ? reply.preview.kind
                : reply?.stage === "mapping" || reply?.stage === "refused"
                  ? (reply.kind ?? "meetings")
                  : "meetings"
            }
          >
            {IMPORT_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`imports.kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-file`} className="field-label">
            {t("imports.file")}
          </label>
          <input
            id={`${id}-file`}
            type="file"
            name="file"
            required
            ref={fileInput}
            autoFocus={fileRefused}
            accept=".xlsx,.csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${id}-file-hint ${id}-file-error`}
            aria-invalid={fileRefused || undefined}
            className="block w-full max-w-full text-sm"
          />
          <p id={`${id}-file-hint`} className="mt-1 text-sm text-stone-600">
            {t("imports.fileHint", { mb: maxMb })}
          </p>
          <ErrorList
            id={`${id}-file-error`}
            errors={reply?.stage === "refused" && reply.fileError ? [reply.fileError] : undefined}
          />
        </div>
        <div>
          <label htmlFor={`${id}-encoding`} className="field-label">
            {t("imports.encoding")}
          </label>
          <select
            id={`${id}-encoding`}
            name="encoding"
            className="field-control"
            defaultValue={
              reply?.stage === "preview" || reply?.stage === "refused" ? (reply.encoding ?? "auto") : "auto"
            }
          >
            {ENCODINGS.map((encoding) => (
              <option key={encoding} value={encoding}>
                {t(`imports.encodings.${encoding}`)}
              </option>
            ))}
          </select>
        </div>
        <SubmitButton name="intent" value="preview">
          {t("imports.preview")}
        </SubmitButton>
      </Form>

      {reply?.stage === "mapping" && !busy ? <MappingStep {...reply} /> : null}

      {reply?.stage === "preview" && !busy ? (
        <Preview fileName={reply.fileName} token={reply.token} preview={reply.preview} mapped={reply.mapped} />
      ) : null}

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`} className="mb-3 text-xl font-semibold">
          {t("imports.list")}
        </h2>
        <FormErrors errors={reply?.stage === "refused" && reply.undoError ? [reply.undoError] : undefined} />
        {imports.items.length === 0 ? <Empty>{t("imports.empty")}</Empty> : null}
        <ul aria-label={t("imports.list")} className="space-y-3">
          {imports.items.map((entry) => (
            <li key={entry.id} className="rounded border border-stone-200 bg-white p-3 text-sm break-words">
              <p className="font-medium">
                {entry.fileName}{" "}
                <span className="font-normal text-stone-600">({t(`imports.kinds.${entry.kind}`)})</span>
              </p>
              <p className="text-stone-600">
                {t("imports.rows")}: {t("common.number", { value: entry.rowCount })} · {t("imports.who")}:{" "}
                {entry.who ?? "—"} · {t("imports.when")}: <TimeText time={entry.at} />
              </p>
              {entry.undoneAt ? (
                <p className="text-stone-600">
                  {t("imports.undone")}: <TimeText time={entry.undoneAt} />
                </p>
              ) : canUndo ? (
                <Form method="post" className="mt-2">
                  <input type="hidden" name="importId" value={entry.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="undo"
                    aria-label={`${t("imports.undo")}: ${entry.fileName}`}
                    className="rounded border border-red-700 px-3 py-1 text-red-800 hover:bg-red-50"
                  >
                    {t("imports.undo")}
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        <Pagination {...imports} />
      </section>
    </>
  );
}

/** The mapping step: one select a column of the file, the field it holds or "ignore". */
function MappingStep({
  token,
  fileName,
  fields,
  columns,
  formErrors,
}: {
  token: string;
  fileName: string;
  fields: MappingField[];
  columns: MappingColumn[];
  formErrors: string[];
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="mb-10 max-w-xl">
      <h2 id={id} className="mb-2 text-xl font-semibold break-words">
        {t("imports.mapping.title")}
      </h2>
      <p className="mb-4 text-sm text-stone-600">{t("imports.mapping.hint", { file: fileName })}</p>
      <Form method="post" className="space-y-3" key={JSON.stringify(columns)}>
        <FormErrors errors={formErrors} />
        <input type="hidden" name="stagedId" value={token} />
        {columns.map((column, i) => (
          <div key={i}>
            <label htmlFor={`${id}-${i}`} className="field-label break-words">
              {column.header}
            </label>
            <select
              id={`${id}-${i}`}
              name={`columns[${i}]`}
              className="field-control"
              defaultValue={column.choice}
              aria-invalid={column.errors.length ? true : undefined}
              aria-describedby={column.errors.length ? `${id}-${i}-error` : undefined}
            >
              {fields.map((field) => (
                <option key={field.key} value={field.key}>
                  {field.label}
                </option>
              ))}
              <option value={MAPPING_IGNORE}>{t("imports.mapping.ignore")}</option>
            </select>
            <ErrorList id={`${id}-${i}-error`} errors={column.errors} />
          </div>
        ))}
        <SubmitButton name="intent" value="map">
          {t("imports.mapping.proceed")}
        </SubmitButton>
      </Form>
    </section>
  );
}

function Preview({
  fileName,
  token,
  preview,
  mapped,
}: {
  fileName: string;
  token: string;
  preview: PreviewText;
  mapped?: Mapped;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section aria-labelledby={id} className="mb-10">
      <h2 id={id} className="mb-2 text-xl font-semibold break-words">
        {t("imports.previewTitle", { file: fileName })}
      </h2>
      {mapped ? (
        <Form method="post" className="mb-2 text-sm">
          <input type="hidden" name="stagedId" value={token} />
          <span>{t(`imports.mapping.${mapped}`)}</span>{" "}
          <button type="submit" name="intent" value="remap" className="text-sky-800 underline">
            {t("imports.mapping.change")}
          </button>
        </Form>
      ) : null}
      <p className="mb-2 text-sm" role="status">
        {t("imports.summary", {
          rows: preview.rows,
          ready: preview.ready,
          errors: preview.errors,
          unchanged: preview.unchanged,
        })}
      </p>
      {preview.shown.length < preview.rows ? (
        <p className="mb-2 text-sm text-stone-600">{t("imports.shown", { shown: 100, rows: preview.rows })}</p>
      ) : null}
      {preview.ready > 0 ? (
        <Form method="post" className="mb-4">
          <input type="hidden" name="stagedId" value={token} />
          <SubmitButton name="intent" value="import">
            {preview.errors > 0
              ? t("imports.importValid", { count: preview.ready })
              : t("imports.importAll", { count: preview.ready })}
          </SubmitButton>
        </Form>
      ) : (
        <p className="mb-4 text-sm font-medium text-red-800">{t("imports.nothingToImport")}</p>
      )}
      <table className="w-full table-fixed border-collapse text-sm">
        <caption className="sr-only">{t("imports.previewTitle", { file: fileName })}</caption>
        <thead>
          <tr className="border-b border-stone-300 text-left">
            <th scope="col" className="w-14 py-1 pr-2">
              {t("imports.row")}
            </th>
            <th scope="col" className="py-1 pr-2">
              {t("imports.plan")}
            </th>
            <th scope="col" className="py-1">
              {t("imports.problems")}
            </th>
          </tr>
        </thead>
        <tbody>
          {preview.shown.map((row) => (
            <tr
              key={row.line}
              className={`border-b border-stone-200 align-top ${row.status === "error" ? "bg-red-50" : ""}`}
            >
              <th scope="row" className="py-1 pr-2 font-mono">
                {row.line}
              </th>
              <td className="py-1 pr-2 break-words">{row.notes.join(" · ")}</td>
              <td className="py-1 break-words text-red-800">
                {row.errors.length ? (
                  <ul>
                    {row.errors.map((error) => (
                      <li key={error}>{error}</li>
                    ))}
                  </ul>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
