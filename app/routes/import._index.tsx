import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useId } from "react";
import { actorOf, requireEditor, requireUser } from "~/auth.server";
import { AdminNav } from "~/components/AdminNav";
import { AstanaTime } from "~/components/AstanaTime";
import { Empty, PageHeading } from "~/components/Page";
import { IMPORT_KINDS } from "~db/schema";
import { FileRefused } from "~/exchange/import/read.server";
import { receiveUpload } from "~/exchange/import/upload.server";
import { redirectWithFlash } from "~/flash.server";
import { ErrorList, FormErrors, SubmitButton } from "~/forms/Controls";
import { formErrorMap } from "~/forms/error-map";
import { ENCODINGS, ImportSchema, MAPPING_IGNORE, MAX_MAPPED_COLUMNS } from "~/forms/import";
import { readForm } from "~/forms/parse.server";
import { getEnv } from "~/env.server";
import { LANGUAGES } from "~/i18n/config";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import type { T } from "~/i18n/translate";
import {
  checkMapping,
  mistakenKind,
  proposeMapping,
  rememberedMapping,
  rememberMapping,
  type MappingCheck,
} from "~/models/import-mappings.server";
import {
  HeadersUnknown,
  importColumns,
  unknownHeaders,
  type ColumnMapping,
  type ImportKind,
  commitImport,
  dropStaged,
  listImports,
  previewImport,
  readImportFile,
  stage,
  stagedFile,
  undoImport,
  type ImportPreview,
} from "~/models/imports.server";
import { refusal, type Refusal } from "~/models/refusals";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { Pagination } from "~/components/Pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { t } = await getTranslator(request);
  const page = pageFromSearch(new URL(request.url).searchParams);
  return {
    title: t("imports.title"),
    maxMb: getEnv().UPLOAD_MAX_MB,
    imports: listImports({ page }),
    canUndo: user.role === "admin",
  };
}

/** What the action posts, apart from the file: see app/forms/import.ts. */
export const schema = ImportSchema;

type Mapped = "remembered" | "chosen";
type MappingColumn = { header: string; choice: string; errors: string[] };
type MappingField = { key: string; label: string };
type ActionReply =
  | { stage: "preview"; token: string; fileName: string; encoding: string; preview: PreviewText; mapped?: Mapped }
  | {
      stage: "mapping";
      kind: ImportKind;
      token: string;
      fileName: string;
      fields: MappingField[];
      columns: MappingColumn[];
      formErrors: string[];
    }
  | { stage: "refused"; fileError?: string; undoError?: string };

const say = (t: T, message: Refusal | string) =>
  typeof message === "string" ? message : t(message.key, message.values);

/** The preview in the reader's language: each row's plan and its errors, column by column. */
function previewText(preview: ImportPreview, t: T) {
  const header = (key: string) =>
    importColumns(preview.kind)
      .find((c) => c.key === key)
      ?.header(t) ?? key;
  return {
    kind: preview.kind,
    rows: preview.rows,
    ready: preview.ready,
    errors: preview.errors,
    unchanged: preview.unchanged,
    shown: preview.shown.map((row) => ({
      line: row.line,
      status: row.status,
      notes: row.notes.map((note) =>
        "name" in note ? t(`imports.${note.key}`, { name: note.name }) : t(`imports.${note.key}`),
      ),
      errors: row.errors.map((e) => t("imports.cellError", { column: header(e.column), message: say(t, e.message) })),
    })),
  };
}
type PreviewText = ReturnType<typeof previewText>;

const fieldName = (t: T, kind: ImportKind, key: string) =>
  importColumns(kind)
    .find((c) => c.key === key)
    ?.header(t) ?? key;

/**
 * The mapping step of a file of this kind: the kind's fields, and the file's columns, each with
 * its header, the field chosen for it, and what is wrong with it.
 */
function mappingStep(
  t: T,
  kind: ImportKind,
  token: string,
  fileName: string,
  headers: string[],
  choices: Array<string | null>,
  check?: Extract<MappingCheck, { ok: false }>,
) {
  const sayField = (r: Refusal) => t(r.key, { ...r.values, field: fieldName(t, kind, String(r.values?.field ?? "")) });
  return {
    stage: "mapping" as const,
    kind,
    token,
    fileName,
    fields: importColumns(kind).map((c) => ({ key: c.key, label: c.header(t) })),
    columns: headers.map((header, i) => ({
      header: header || t("imports.mapping.unnamed", { n: i + 1 }),
      choice: choices[i] ?? MAPPING_IGNORE,
      errors: (check?.byColumn[i] ?? []).map(sayField),
    })),
    formErrors: (check?.form ?? []).map(sayField),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireEditor(request);
  const { t, lng } = await getTranslator(request);
  const errorMap = formErrorMap(t);
  const refused = (reply: Omit<Extract<ActionReply, { stage: "refused" }>, "stage">) =>
    data<ActionReply>({ stage: "refused", ...reply }, { status: 400 });

  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const upload = await receiveUpload(request);
    if (!upload.ok) return refused({ fileError: say(t, upload.refusal) });
    const submission = parseWithZod(upload.formData, { schema });
    if (submission.status !== "success" || submission.value.intent !== "preview") {
      dropStaged(upload.token);
      return refused({ fileError: t("form.errors.invalid") });
    }
    const { encoding, kind } = submission.value;
    try {
      const staged = { userId: user.id, fileName: upload.fileName, encoding, kind };
      let mapping: ColumnMapping | undefined;
      try {
        stage(upload.token, staged);
        const file = await readImportFile(upload.path, encoding, undefined, kind);
        return data<ActionReply>({
          stage: "preview",
          token: upload.token,
          fileName: upload.fileName,
          encoding,
          preview: previewText(previewImport(file, errorMap), t),
        });
      } catch (error) {
        if (!(error instanceof HeadersUnknown) || error.headers.length > MAX_MAPPED_COLUMNS) throw error;
        // Other headers: the mapping remembered for them (and the kind), else the mapping step.
        const proposal = proposeMapping(error.headers, lng, kind);
        const remembered = rememberedMapping(kind, error.headers);
        const mistaken = remembered ? null : mistakenKind(error.headers, kind, lng);
        if (mistaken) throw new FileRefused(refusal(`imports.errors.otherKind.${mistaken}`));
        if (!remembered)
          return data<ActionReply>(
            mappingStep(t, kind, upload.token, upload.fileName, error.headers, proposal.columns),
          );
        mapping = { columns: remembered, lng: proposal.lng };
      }
      stage(upload.token, { ...staged, mapping });
      const file = await readImportFile(upload.path, encoding, mapping, kind);
      return data<ActionReply>({
        stage: "preview",
        token: upload.token,
        fileName: upload.fileName,
        encoding,
        mapped: "remembered",
        preview: previewText(previewImport(file, errorMap), t),
      });
    } catch (error) {
      dropStaged(upload.token);
      if (error instanceof FileRefused) return refused({ fileError: say(t, error.refusal) });
      throw error;
    }
  }

  const submission = parseWithZod(await readForm(request, schema), { schema });
  if (submission.status !== "success") return refused({ fileError: t("form.errors.invalid") });
  const { intent, stagedId: token, importId } = submission.value;
  if (intent === "preview") return refused({ fileError: t("imports.errors.noFile") });
  if (intent === "undo") {
    // Editors import; only an administrator undoes an import as a whole.
    const admin = await requireUser(request, "admin");
    if (!importId) return refused({ undoError: t("form.errors.invalid") });
    const result = undoImport(importId, actorOf(admin));
    if (!result.ok) return refused({ undoError: say(t, result.refusal) });
    return redirectWithFlash(request, "/import", t("imports.undoneFlash", { file: result.fileName }));
  }
  const staged = token ? stagedFile(token, user.id) : null;
  if (!token || !staged) return refused({ fileError: t("imports.errors.expired") });
  try {
    if (intent === "map" || intent === "remap") {
      const kind = staged.kind ?? "meetings";
      // The choices are checked against the staged file's own header row and kind, never trusted.
      const headers = await unknownHeaders(staged.path, staged.encoding, kind);
      if (!headers || headers.length > MAX_MAPPED_COLUMNS) return refused({ fileError: t("form.errors.invalid") });
      const proposal = proposeMapping(headers, lng, kind);
      if (intent === "remap")
        return data<ActionReply>(
          mappingStep(t, kind, token, staged.fileName, headers, staged.mapping?.columns ?? proposal.columns),
        );
      const check = checkMapping(headers, submission.value.columns ?? [], proposal.lng, kind);
      if (!check.ok)
        return data<ActionReply>(
          mappingStep(t, kind, token, staged.fileName, headers, submission.value.columns ?? [], check),
          { status: 400 },
        );
      rememberMapping(kind, headers, check.mapping.columns, actorOf(user));
      const { userId, fileName, encoding } = staged;
      stage(token, { userId, fileName, encoding, kind, mapping: check.mapping });
      const file = await readImportFile(staged.path, staged.encoding, check.mapping, kind);
      return data<ActionReply>({
        stage: "preview",
        token,
        fileName: staged.fileName,
        encoding: staged.encoding,
        mapped: "chosen",
        preview: previewText(previewImport(file, errorMap), t),
      });
    }
    const file = await readImportFile(staged.path, staged.encoding, staged.mapping, staged.kind);
    const result = commitImport(file, staged.fileName, errorMap, actorOf(user));
    dropStaged(token);
    return redirectWithFlash(request, "/import", t("imports.done", { count: result.ready, file: staged.fileName }));
  } catch (error) {
    if (error instanceof FileRefused) return refused({ fileError: say(t, error.refusal) });
    throw error;
  }
}

export default function ImportPage() {
  const { t } = useTranslation();
  const { maxMb, imports, canUndo } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const navigation = useNavigation();
  const id = useId();
  const busy = navigation.state === "submitting";
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
              reply?.stage === "preview" ? reply.preview.kind : reply?.stage === "mapping" ? reply.kind : "meetings"
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
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={`${id}-file-hint ${id}-file-error`}
            aria-invalid={reply?.stage === "refused" && reply.fileError ? true : undefined}
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
            defaultValue={reply?.stage === "preview" ? reply.encoding : "auto"}
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
                {t("imports.rows")}: {entry.rowCount} · {t("imports.who")}: {entry.who ?? "—"} · {t("imports.when")}:{" "}
                <AstanaTime iso={entry.at} />
              </p>
              {entry.undoneAt ? (
                <p className="text-stone-600">
                  {t("imports.undone")}: <AstanaTime iso={entry.undoneAt} />
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
