import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { actorOf, requireEditor, requireUser } from "~/auth.server";
import { FileRefused } from "~/exchange/import/read.server";
import { receiveUpload, uploadChoices, type UploadChoices } from "~/exchange/import/upload.server";
import { redirectWithFlash } from "~/flash.server";
import { formErrorMap, ImportSchema, MAPPING_IGNORE, MAX_MAPPED_COLUMNS, parseWithZod } from "~/forms/schemas.server";
import { readForm } from "~/forms/parse.server";
import { getEnv } from "~/env.server";
import { getTranslator } from "~/i18n/i18n.server";
import type { T } from "~/i18n/translate";
import type { Language } from "~/i18n/config";
import { dateWords } from "~/i18n/dates";
import { formatPartialDate } from "~db/shared/partial-date";
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
  claimStaged,
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
import { toLastPageIfPast } from "~/utils/pagination.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { sayInstant } from "~/i18n/said-dates.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { t, lng } = await getTranslator(request);
  const page = pageFromSearch(new URL(request.url).searchParams);
  const imports = listImports({ page });
  toLastPageIfPast(request, imports);
  const items = imports.items.map((entry) => ({
    ...entry,
    at: sayInstant(entry.at, lng),
    undoneAt: entry.undoneAt ? sayInstant(entry.undoneAt, lng) : null,
  }));
  return {
    title: t("imports.title"),
    maxMb: getEnv().UPLOAD_MAX_MB,
    imports: { ...imports, items },
    canUndo: user.role === "admin",
  };
}

/** What the action posts, apart from the file: see app/forms/import.ts. */
export const schema = ImportSchema;

export type Mapped = "remembered" | "chosen";
export type MappingColumn = { header: string; choice: string; errors: string[] };
export type MappingField = { key: string; label: string };
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
  | ({ stage: "refused"; fileError?: string; undoError?: string } & Partial<UploadChoices>);

const say = (t: T, message: Refusal | string) =>
  typeof message === "string" ? message : t(message.key, message.values);

/**
 * The preview in the reader's language: each row's plan and its errors, column by column. A new
 * meeting says its date as read ("05.06.2018": the 5th of June), for the person to check.
 */
function previewText(preview: ImportPreview, t: T, lng: Language) {
  const words = dateWords(lng, t);
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
        note.key === "newMeeting"
          ? t("imports.newMeeting", { date: formatPartialDate(note.date, words) })
          : note.key === "sameAsRow"
            ? t("imports.sameAsRow", { name: note.name, row: String(note.row) })
            : "name" in note
              ? t(`imports.${note.key}`, { name: note.name })
              : t(`imports.${note.key}`),
      ),
      errors: row.errors.map((e) => t("imports.cellError", { column: header(e.column), message: say(t, e.message) })),
    })),
  };
}
export type PreviewText = ReturnType<typeof previewText>;

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
    const chosen = uploadChoices(upload.formData);
    if (!upload.ok) return refused({ fileError: say(t, upload.refusal), ...chosen });
    const submission = parseWithZod(upload.formData, { schema });
    if (submission.status !== "success" || submission.value.intent !== "preview") {
      dropStaged(upload.token);
      return refused({ fileError: t("form.errors.invalid"), ...chosen });
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
          preview: previewText(await previewImport(file, errorMap), t, lng),
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
        preview: previewText(await previewImport(file, errorMap), t, lng),
      });
    } catch (error) {
      dropStaged(upload.token);
      if (error instanceof FileRefused) return refused({ fileError: say(t, error.refusal), ...chosen });
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
    const result = await undoImport(importId, actorOf(admin));
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
        preview: previewText(await previewImport(file, errorMap), t, lng),
      });
    }
    const claimed = claimStaged(token, user.id);
    if (!claimed) return refused({ fileError: t("imports.errors.expired") });
    try {
      const file = await readImportFile(claimed.path, claimed.encoding, claimed.mapping, claimed.kind);
      const result = await commitImport(file, claimed.fileName, errorMap, actorOf(user));
      dropStaged(token);
      return redirectWithFlash(request, "/import", t("imports.done", { count: result.ready, file: claimed.fileName }));
    } catch (error) {
      claimed.release();
      throw error;
    }
  } catch (error) {
    if (error instanceof FileRefused) return refused({ fileError: say(t, error.refusal) });
    throw error;
  }
}

const Page = deferred(() => import("~/forms/pages/ImportPage").then((module) => module.ImportPage));

export const clientLoader = withDeferred(Page);

export default Page;
