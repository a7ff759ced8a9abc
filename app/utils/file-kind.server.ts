/**
 * What a file is, from its content (its first bytes, and for the ZIP-based office formats the
 * names its archive holds), never from its name or the type the browser claims: only the kinds
 * below may be attached. A small check of our own rather than the `file-type` package, whose
 * current versions need Node 22 (this app runs on Node 20) and which knows hundreds of kinds
 * where eight are wanted.
 *
 * - PDF: starts `%PDF-` (ISO 32000 asks for the header at the start; we accept nothing before it).
 * - JPEG `FF D8 FF`, PNG its eight-byte signature, WebP `RIFF....WEBP`.
 * - ODT, ODS (ISO 26300): a ZIP whose first entry is `mimetype`, stored, holding the type.
 * - DOCX, XLSX (ISO 29500): a ZIP whose central directory lists `[Content_Types].xml` and the
 *   main part, `word/document.xml` or `xl/workbook.xml`.
 */
import fs from "node:fs/promises";

export const FILE_KINDS = {
  pdf: "application/pdf",
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  odt: "application/vnd.oasis.opendocument.text",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ods: "application/vnd.oasis.opendocument.spreadsheet",
} as const;
export type FileKind = keyof typeof FILE_KINDS;

export const kindOfType = (type: string): FileKind | null =>
  (Object.entries(FILE_KINDS).find(([, mime]) => mime === type)?.[0] as FileKind | undefined) ?? null;

/** Kinds a browser may show inline, in a sandbox: images and PDFs. */
export const PREVIEWABLE: ReadonlySet<FileKind> = new Set(["pdf", "jpeg", "png", "webp"]);

const startsWith = (head: Buffer, bytes: number[] | string, at = 0) => {
  const wanted = typeof bytes === "string" ? Buffer.from(bytes, "latin1") : Buffer.from(bytes);
  return head.length >= at + wanted.length && head.subarray(at, at + wanted.length).equals(wanted);
};

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;
// The end record is 22 bytes plus a comment of up to 65,535.
const END_SEARCH = 22 + 0xffff;
// A real document's directory is kilobytes; a bigger one is not read.
const MAX_DIRECTORY = 4 * 1024 * 1024;

async function readAt(handle: fs.FileHandle, position: number, length: number) {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** The names in a ZIP's central directory, or null if it has none we can read. */
async function zipNames(handle: fs.FileHandle, size: number): Promise<Set<string> | null> {
  const tailStart = Math.max(0, size - END_SEARCH);
  const tail = await readAt(handle, tailStart, size - tailStart);
  let end = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  if (directorySize > MAX_DIRECTORY || directoryOffset + directorySize > size) return null;
  const directory = await readAt(handle, directoryOffset, directorySize);
  const names = new Set<string>();
  for (let at = 0; at + 46 <= directory.length;) {
    if (directory.readUInt32LE(at) !== ZIP_CENTRAL) break;
    const nameLength = directory.readUInt16LE(at + 28);
    const extra = directory.readUInt16LE(at + 30);
    const comment = directory.readUInt16LE(at + 32);
    names.add(directory.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** The OpenDocument type a ZIP's leading, stored `mimetype` entry names, if it has one. */
function openDocumentType(head: Buffer) {
  if (head.length < 30 || head.readUInt16LE(8) !== 0) return null; // stored, not compressed
  const size = head.readUInt32LE(18);
  const nameLength = head.readUInt16LE(26);
  const extra = head.readUInt16LE(28);
  if (head.subarray(30, 30 + nameLength).toString("latin1") !== "mimetype") return null;
  const start = 30 + nameLength + extra;
  return head.subarray(start, start + size).toString("latin1");
}

/** The kind of the file at `file`, or null when it is none of those accepted. */
export async function detectKind(file: string): Promise<FileKind | null> {
  const handle = await fs.open(file, "r");
  try {
    const { size } = await handle.stat();
    const head = await readAt(handle, 0, 512);
    if (startsWith(head, "%PDF-")) return "pdf";
    if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
    if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
    if (startsWith(head, "RIFF") && startsWith(head, "WEBP", 8)) return "webp";
    if (head.length < 4 || head.readUInt32LE(0) !== ZIP_LOCAL) return null;
    const openDocument = openDocumentType(head);
    if (openDocument === FILE_KINDS.odt) return "odt";
    if (openDocument === FILE_KINDS.ods) return "ods";
    if (openDocument !== null) return null;
    const names = await zipNames(handle, size);
    if (!names?.has("[Content_Types].xml")) return null;
    if (names.has("word/document.xml")) return "docx";
    if (names.has("xl/workbook.xml")) return "xlsx";
    return null;
  } finally {
    await handle.close();
  }
}
