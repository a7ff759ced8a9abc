/** Documents made the way an upload makes them: streamed into the files folder, then attached. */
import { SYSTEM, type Actor } from "~db/history";
import type { DocumentParent } from "~/forms/document";
import { attachDocument, filesDir, receiveFile, uploadLimitBytes } from "~/models/documents.server";

/** The smallest PDF a reader opens, with `note` inside so that each test's file is its own. */
export const aPdf = (note = "Kezdesu") =>
  Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${note}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
  );

export const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

async function* chunks(bytes: Buffer, size = 64 * 1024) {
  for (let at = 0; at < bytes.length; at += size) yield new Uint8Array(bytes.subarray(at, at + size));
}

export async function aDocument(
  parent: DocumentParent,
  parentId: number,
  bytes: Buffer = aPdf(),
  name = "agreement.pdf",
  actor: Actor = SYSTEM,
) {
  const received = await receiveFile(filesDir(), name, chunks(bytes), uploadLimitBytes());
  return attachDocument(parent, parentId, received, actor);
}

export { chunks };

/** A document's id; a document that cannot be attached is the test's mistake. */
export async function aDocumentId(...args: Parameters<typeof aDocument>) {
  const result = await aDocument(...args);
  if (!result.ok) throw new Error(`The document could not be attached: ${JSON.stringify(result)}`);
  return result.id;
}
