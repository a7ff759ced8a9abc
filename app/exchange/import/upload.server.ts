/**
 * Receiving a spreadsheet (issue 15.1): the multipart body is streamed part by part, the file
 * straight to a staged file on disk (never whole in memory), cut off at UPLOAD_MAX_MB, when
 * Remix's handler deletes what it had written; the form's few other fields are kept in memory.
 */
import {
  MaxPartSizeExceededError,
  unstable_composeUploadHandlers,
  unstable_createFileUploadHandler,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { rmSync, statSync } from "node:fs";
import { basename, dirname } from "node:path";
import { getEnv } from "~/env.server";
import { ENCODINGS } from "~/forms/import";
import { IMPORT_KINDS } from "~db/schema";
import { newStagingPath } from "~/models/imports.server";
import { refusal, type Refusal } from "~/models/refusals";
import { badRequest } from "~/utils/http.server";

export type Upload =
  | { ok: true; formData: FormData; token: string; path: string; fileName: string }
  | { ok: false; formData: FormData | null; refusal: Refusal };

/**
 * What an upload was sent as, for a refused one to come back with: a form posted before the
 * page's script has run (or without it) is drawn again from the server's answer, and would
 * otherwise fall back to meetings and the automatic encoding, and preview the next file as that.
 */
export function uploadChoices(formData: FormData | null) {
  const kind = formData?.get("kind");
  const encoding = formData?.get("encoding");
  return {
    kind: IMPORT_KINDS.find((known) => known === kind),
    encoding: ENCODINGS.find((known) => known === encoding),
  };
}
export type UploadChoices = ReturnType<typeof uploadChoices>;

export async function receiveUpload(request: Request): Promise<Upload> {
  const { token, path } = newStagingPath();
  const maxMb = getEnv().UPLOAD_MAX_MB;
  let fileName: string | null = null;
  const fileHandler = unstable_createFileUploadHandler({
    directory: dirname(path),
    file: () => basename(path),
    avoidFileConflicts: false,
    maxPartSize: maxMb * 1024 * 1024,
    filter: ({ name, filename }) => {
      if (name !== "file") return false;
      // Only the name a person sees, never a path the browser sent.
      fileName = basename(filename.replace(/\\/g, "/")).slice(0, 200) || null;
      return true;
    },
  });
  let formData: FormData;
  try {
    formData = await unstable_parseMultipartFormData(
      request,
      unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: 10_000 })),
    );
  } catch (error) {
    rmSync(path, { force: true });
    if (error instanceof MaxPartSizeExceededError && error.field === "file")
      return { ok: false, formData: null, refusal: refusal("imports.errors.tooBig", { mb: String(maxMb) }) };
    throw badRequest();
  }
  const sent = formData.get("file");
  const size = (() => {
    try {
      return statSync(path).size;
    } catch {
      return -1;
    }
  })();
  if (!fileName && (sent == null || typeof sent === "string"))
    return { ok: false, formData, refusal: refusal("imports.errors.noFile") };
  if (size <= 0) {
    rmSync(path, { force: true });
    return { ok: false, formData, refusal: refusal("imports.errors.empty") };
  }
  return { ok: true, formData, token, path, fileName: fileName ?? "file" };
}
