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
import type { ENCODINGS } from "~/forms/import";
import { refusal } from "~/models/refusals";
import { restoreCell } from "../export.server";
import { FileRefused } from "./refusal";
import { columnName, surveyXlsx } from "./xlsx-survey.server";

export type Formula = { formula: string };
export type RawCell = string | number | Date | Formula | null;
/**
 * A row of the sheet as a person sees it: `line` is its number in the spreadsheet (1 is the
 * headers'); `links`, the web address a cell links to (by the cell's index), where one does.
 */
export type SheetRow = { line: number; cells: RawCell[]; links?: Map<number, string> };

export type EncodingChoice = (typeof ENCODINGS)[number];

export { FileRefused };
export { MAX_UNPACKED_BYTES } from "./xlsx-survey.server";

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

async function* xlsxRows(path: string): AsyncGenerator<SheetRow> {
  const survey = await surveyXlsx(path);
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: "emit",
    sharedStrings: "cache",
    // Styles tell a date cell from a number; links come from the survey, as the reader gives
    // them only after the rows.
    styles: "cache",
    hyperlinks: "ignore",
    entries: "emit",
  });
  // The number in the sheet's file name (xl/worksheets/sheet2.xml), told just before its rows:
  // a worksheet's own id is the workbook's, which need not be it.
  let sheetFile = "";
  (workbook as unknown as NodeJS.EventEmitter).on("entry", (entry: { type: string; id: string }) => {
    if (entry.type === "worksheet") sheetFile = String(entry.id);
  });
  let sheets = 0;
  let merged: string[] = [];
  // Iterated by hand, so that a reader its caller leaves half way (too many rows) can be read to
  // its end: left, it went on writing the sheets it keeps in temporary files, and a write that
  // failed then was an error nothing caught, which stops the process.
  const worksheets = (workbook as AsyncIterable<AsyncIterable<ExcelJS.Row>>)[Symbol.asyncIterator]();
  let rows: AsyncIterator<ExcelJS.Row> | undefined;
  let finished = false;
  try {
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) {
      sheets++;
      // Only the first sheet is read; the others are read and dropped, as a sheet the reader met
      // before the shared strings is a temporary file it deletes as soon as the next is asked
      // for: left unread, its file was opened after it was gone, an error nothing caught.
      if (sheets > 1) {
        await drain(next.value);
        continue;
      }
      const sheet = survey.get(sheetFile) ?? { merged: [], links: new Map<string, string>() };
      // Refused once the reader is done, for the same reason.
      merged = sheet.merged;
      if (merged.length) {
        await drain(next.value);
        continue;
      }
      rows = next.value[Symbol.asyncIterator]();
      for (let row = await rows.next(); !row.done; row = await rows.next()) {
        const values = row.value.values as ExcelJS.CellValue[];
        const cells = values.slice(1).map(cellOf);
        const links = sheet.links.size ? linksOf(sheet.links, row.value.number, cells.length) : undefined;
        yield { line: row.value.number, cells, links };
      }
      rows = undefined;
    }
    finished = true;
  } catch (error) {
    finished = true;
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(refusal("imports.errors.notSpreadsheet"), error);
  } finally {
    if (!finished) void readToTheEnd(worksheets, rows);
  }
  if (sheets === 0) throw new FileRefused(refusal("imports.errors.notSpreadsheet"));
  if (merged.length) throw new FileRefused(refusal("imports.errors.merged", { cells: merged.join(", ") }));
}

/** The rest of a reader its caller left, read and dropped, its errors too (the file is refused already). */
async function readToTheEnd(worksheets: AsyncIterator<AsyncIterable<ExcelJS.Row>>, rows?: AsyncIterator<ExcelJS.Row>) {
  try {
    if (rows) while (!(await rows.next()).done);
    for (let next = await worksheets.next(); !next.done; next = await worksheets.next()) await drain(next.value);
  } catch {
    // Nothing of it is used.
  }
}

/** A sheet's rows, read and dropped. */
async function drain(sheet: AsyncIterable<ExcelJS.Row>) {
  const rows = sheet[Symbol.asyncIterator]();
  while (!(await rows.next()).done);
}

/** The links of a row's cells, by the cell's index (0 for column A). */
function linksOf(links: Map<string, string>, line: number, columns: number) {
  const found = new Map<number, string>();
  for (let i = 0; i < columns; i++) {
    const link = links.get(`${columnName(i + 1)}${line}`);
    if (link) found.set(i, link);
  }
  return found.size ? found : undefined;
}

/** The rows of the file's first sheet (a CSV has one), in order, as they are read. */
export async function* readSheet(path: string, encoding: EncodingChoice = "auto"): AsyncGenerator<SheetRow> {
  const kind = await sniff(path);
  yield* kind === "xlsx" ? xlsxRows(path) : csvRows(path, encoding);
}
