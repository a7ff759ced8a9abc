/**
 * Reading a spreadsheet to import (issue 15.1), a row at a time, never the whole file at once:
 * XLSX through exceljs's streaming WorkbookReader (the library the exports already write with),
 * CSV through csv-parse's stream (RFC 4180: quoted commas, quotes and line breaks) after
 * iconv-lite has decoded it from UTF-8 or Windows-1251, which office machines in Kazakhstan
 * still write, or from UTF-16 with its byte order mark (Excel's "Unicode text", tab-separated).
 *
 * Cells come back as typed: text, a number, a date, or a formula (kept as its text, never
 * computed: the import refuses it where a value should be).
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { parse } from "csv-parse";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import { Parse as unzip } from "unzipper";
import type { ENCODINGS } from "~/forms/import";
import { refusal, type Refusal } from "~/models/refusals";
import { restoreCell } from "../export.server";

export type Formula = { formula: string };
export type RawCell = string | number | Date | Formula | null;
/** A row of the sheet as a person sees it: `line` is its number in the spreadsheet (1 is the headers'). */
export type SheetRow = { line: number; cells: RawCell[] };

export type EncodingChoice = (typeof ENCODINGS)[number];

/** A file that cannot be read as a spreadsheet: nothing of it is used. */
export class FileRefused extends Error {
  /** `cause`: the reader's own error, kept for the log and a failing test, never shown. */
  constructor(
    readonly refusal: Refusal,
    cause?: unknown,
  ) {
    super(refusal.key, { cause });
  }
}

export const isFormula = (cell: RawCell): cell is Formula =>
  typeof cell === "object" && cell != null && "formula" in cell;

async function firstBytes(path: string, size: number) {
  const handle = await open(path, "r");
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await handle.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** UTF-16 by its byte order mark: every other byte of Latin or Cyrillic text is a NUL, so only the mark tells it from a binary file. */
function utf16Of(head: Buffer): "utf-16le" | "utf-16be" | undefined {
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return undefined;
}

/**
 * Text has no control characters but tabs and line ends, and no half of a character (the last
 * one may be cut where the first bytes end).
 */
function looksLikeText(text: string) {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return false;
    if (code === 0xfffd && i < text.length - 1) return false;
  }
  return true;
}

/** What the file is, from its first bytes rather than its name: an XLSX is a ZIP, a CSV is text. */
export async function sniff(path: string): Promise<"xlsx" | "csv"> {
  const head = await firstBytes(path, 4096);
  if (head.length === 0) throw new FileRefused(refusal("imports.errors.empty"));
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return "xlsx";
  const utf16 = utf16Of(head);
  if (utf16) {
    if (!looksLikeText(iconv.decode(head.subarray(0, head.length & ~1), utf16)))
      throw new FileRefused(refusal("imports.errors.notSpreadsheet"));
    return "csv";
  }
  // A NUL byte, or a known binary signature (PDF, old .xls, images): not text, so not a CSV.
  if (head.includes(0) || head.subarray(0, 5).toString("latin1") === "%PDF-")
    throw new FileRefused(refusal("imports.errors.notSpreadsheet"));
  return "csv";
}

/** UTF-8 if every byte of the file decodes as UTF-8 (with or without its BOM), else Windows-1251. */
export async function detectEncoding(path: string): Promise<"utf-8" | "windows-1251"> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  try {
    for await (const chunk of createReadStream(path)) decoder.decode(chunk as Buffer, { stream: true });
    decoder.decode();
    return "utf-8";
  } catch {
    return "windows-1251";
  }
}

/** The separator Excel used: a comma, or a semicolon where the decimal mark is a comma (ru, kk). */
async function detectDelimiter(path: string, encoding: string) {
  const head = iconv.decode(await firstBytes(path, 64 * 1024), encoding);
  const firstLine = head.split(/\r?\n/)[0].replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  return counts.sort((a, b) => b.n - a.n)[0].n > 0 ? counts[0].d : ",";
}

async function* csvRows(path: string, choice: EncodingChoice): AsyncGenerator<SheetRow> {
  // A byte order mark says what the text is, whatever was chosen: UTF-16 read as UTF-8 is NULs.
  const encoding = utf16Of(await firstBytes(path, 2)) ?? (choice === "auto" ? await detectEncoding(path) : choice);
  const parser = createReadStream(path)
    .pipe(iconv.decodeStream(encoding, { stripBOM: true }))
    .pipe(
      parse({
        delimiter: await detectDelimiter(path, encoding),
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
      }),
    );
  let line = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      line++;
      // The exports put an apostrophe before a text a spreadsheet could take for a formula.
      yield { line, cells: record.map((text) => (text === "" ? null : restoreCell(text))) };
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(refusal("imports.errors.notSpreadsheet"), error);
  }
}

/** An exceljs cell value as typed: rich text and links as their text, a formula as its text. */
function cellOf(value: ExcelJS.CellValue): RawCell {
  if (value == null) return null;
  // Exports made before XLSX text went out as typed put an apostrophe before a formula-like text, as the CSV does.
  if (typeof value === "string") return value === "" ? null : restoreCell(value);
  if (typeof value === "number" || value instanceof Date) return value;
  if (typeof value === "boolean") return String(value);
  if ("formula" in value || "sharedFormula" in value)
    return { formula: `=${"formula" in value ? value.formula : value.sharedFormula}` };
  if ("richText" in value) return value.richText.map((r) => r.text).join("") || null;
  if ("hyperlink" in value) return typeof value.text === "string" ? value.text : String(value.hyperlink);
  if ("error" in value) return { formula: String(value.error) };
  return null;
}

/**
 * How much an XLSX may hold once unpacked. A sheet of 5,000 meetings unpacks to 3 MB, of the
 * 20,000 rows an import takes to some 12; a ZIP of repeated text packs a thousand to one, and an
 * upload of 11 MB that unpacked to 410 MB of shared strings (which the reader keeps in memory)
 * took the server to 800 MB; one of 24 MB ran it out of memory and stopped it.
 */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 1000;

/** Unpacks the file once without keeping anything, counting, and refuses it past the limits. */
async function checkUnpackedSize(path: string) {
  const tooLarge = () =>
    new FileRefused(refusal("imports.errors.unpackedTooBig", { mb: String(MAX_UNPACKED_BYTES / 1024 / 1024) }));
  const zip = createReadStream(path).pipe(unzip({ forceStream: true }));
  let bytes = 0;
  let entries = 0;
  try {
    for await (const entry of zip) {
      if (++entries > MAX_ZIP_ENTRIES) throw tooLarge();
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > MAX_UNPACKED_BYTES) throw tooLarge();
      }
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(refusal("imports.errors.notSpreadsheet"), error);
  } finally {
    zip.destroy();
  }
}

async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  await checkUnpackedSize(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell a date cell from a number; hyperlinks are read as their text.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  let sheets = 0;
  try {
    for await (const worksheet of workbook) {
      sheets++;
      // Only the first sheet is read; the rest of the file is drained by the reader.
      if (sheets > 1) continue;
      for await (const row of worksheet) {
        const values = row.values as ExcelJS.CellValue[];
        yield { line: row.number, cells: values.slice(1).map(cellOf) };
      }
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(refusal("imports.errors.notSpreadsheet"), error);
  }
  if (sheets === 0) throw new FileRefused(refusal("imports.errors.notSpreadsheet"));
  const merged = await mergedCells(path).catch(() => []);
  if (merged.length) throw new FileRefused(refusal("imports.errors.merged", { cells: merged.join(", ") }));
}

/**
 * The merged ranges of the first sheet ("A2:A5"), at most five. exceljs's streaming reader skips
 * them, and a merged cell's value is only in its first cell: the rows below it would read as
 * empty. The sheet's XML is read again as it streams out of the zip, a small window at a time.
 */
export async function mergedCells(path: string): Promise<string[]> {
  const found: string[] = [];
  const zip = createReadStream(path).pipe(unzip({ forceStream: true }));
  for await (const entry of zip) {
    if (entry.path !== "xl/worksheets/sheet1.xml" || found.length) {
      await entry.autodrain().promise();
      continue;
    }
    let tail = "";
    for await (const chunk of entry as AsyncIterable<Buffer>) {
      const text = tail + chunk.toString("utf8");
      for (const m of text.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g))
        if (found.length < 5 && !found.includes(m[1])) found.push(m[1]);
      tail = text.slice(-200);
    }
  }
  return found;
}

/** The rows of the file's first sheet (a CSV has one), in order, as they are read. */
export async function* readSheet(path: string, encoding: EncodingChoice = "auto"): AsyncGenerator<SheetRow> {
  const kind = await sniff(path);
  yield* kind === "xlsx" ? xlsxRows(path) : csvRows(path, encoding);
}
