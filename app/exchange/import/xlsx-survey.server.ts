/**
 * One pass over an XLSX's zip before its rows are read, for what exceljs's streaming reader
 * cannot give while it streams: how much the file unpacks to (a ZIP bomb is refused before any
 * of it is kept), each sheet's merged cells (the streaming reader skips them, and the rows under
 * a merged cell would read as empty), and each sheet's links: a cell that shows "Kazinform" and
 * links to the article holds the address in the sheet's relationships, written after its rows.
 *
 * The XML is scanned as it streams out of the zip, a window at a time, never parsed whole.
 */
import { createReadStream } from "node:fs";
import { Parse as unzip } from "unzipper";
import { LIMITS } from "~/forms/fields";
import { refusal } from "~/models/refusals";
import { FileRefused } from "./refusal";

/**
 * How much an XLSX may hold once unpacked. A sheet of 5,000 meetings unpacks to 3 MB, of the
 * 20,000 rows an import takes to some 12; a ZIP of repeated text packs a thousand to one, and an
 * upload of 11 MB that unpacked to 410 MB of shared strings (which the reader keeps in memory)
 * took the server to 800 MB; one of 24 MB ran it out of memory and stopped it.
 */
export const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;
const MAX_ZIP_ENTRIES = 1000;
/** Links kept for a file: five columns of an import's 20,000 rows; more are read as their text. */
const MAX_LINKS = 100_000;
// An element cut between two chunks is found whole in the next window. An element's attributes
// are read up to the next "<" (never escaped in XML): a scan that ran on to the next ">" was
// quadratic in a chunk of unclosed elements, seconds of CPU a megabyte.
const WINDOW = 8 * 1024;

export type SheetSurvey = {
  /** The merged ranges ("A2:A5"), at most five. */
  merged: string[];
  /** Each linked cell's web address, by its reference ("C2"). */
  links: Map<string, string>;
};

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;
const SHEET_RELS = /^xl\/worksheets\/_rels\/sheet(\d+)\.xml\.rels$/;

/** Each sheet of the file (by exceljs's sheet number) with its merged cells and links. */
export async function surveyXlsx(path: string): Promise<Map<string, SheetSurvey>> {
  const tooLarge = () =>
    new FileRefused(refusal("imports.errors.unpackedTooBig", { mb: String(MAX_UNPACKED_BYTES / 1024 / 1024) }));
  const merged = new Map<string, string[]>();
  // Sheet number -> cell -> relationship id, and sheet number -> relationship id -> address.
  const linkIds = new Map<string, Map<string, string>>();
  const targets = new Map<string, Map<string, string>>();
  let links = 0;
  const zip = createReadStream(path).pipe(unzip({ forceStream: true }));
  let bytes = 0;
  let entries = 0;
  try {
    for await (const entry of zip) {
      if (++entries > MAX_ZIP_ENTRIES) throw tooLarge();
      const entryPath = (entry as { path: string }).path;
      const sheet = SHEET.exec(entryPath)?.[1];
      const rels = SHEET_RELS.exec(entryPath)?.[1];
      const mergedHere = sheet ? (merged.get(sheet) ?? merged.set(sheet, []).get(sheet)!) : undefined;
      const idsHere = sheet ? (linkIds.get(sheet) ?? linkIds.set(sheet, new Map()).get(sheet)!) : undefined;
      const targetsHere = rels ? (targets.get(rels) ?? targets.set(rels, new Map()).get(rels)!) : undefined;
      let tail = "";
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > MAX_UNPACKED_BYTES) throw tooLarge();
        if (!sheet && !rels) continue;
        const text = tail + chunk.toString("utf8");
        if (mergedHere && idsHere) {
          for (const [, ref] of text.matchAll(/<(?:\w+:)?mergeCell\b[^<>]*\bref="([A-Z]+\d+:[A-Z]+\d+)"/g))
            if (mergedHere.length < 5 && !mergedHere.includes(ref)) mergedHere.push(ref);
          for (const [, attributes] of text.matchAll(/<(?:\w+:)?hyperlink\b([^<>]*)>/g)) {
            const ref = /\sref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/.exec(attributes)?.[1];
            const id = /\s\w+:id="([^"]+)"/.exec(attributes)?.[1];
            if (!ref || !id) continue;
            for (const cell of cellsOf(ref)) {
              if (idsHere.has(cell)) continue;
              if (links++ >= MAX_LINKS) break;
              idsHere.set(cell, id);
            }
          }
        }
        if (targetsHere) {
          for (const [, attributes] of text.matchAll(/<(?:\w+:)?Relationship\b([^<>]*)>/g)) {
            const id = /\sId="([^"]+)"/.exec(attributes)?.[1];
            const target = /\sTarget="([^"]*)"/.exec(attributes)?.[1];
            if (!id || target == null || !/\sType="[^"]*\/hyperlink"/.test(attributes)) continue;
            if (targetsHere.size >= MAX_LINKS) break;
            // One past the app's longest address: a longer link is refused as too long, not cut to fit.
            targetsHere.set(id, decodeXml(target).slice(0, LIMITS.url + 1));
          }
        }
        tail = text.slice(-WINDOW);
      }
    }
  } catch (error) {
    if (error instanceof FileRefused) throw error;
    throw new FileRefused(refusal("imports.errors.notSpreadsheet"), error);
  } finally {
    zip.destroy();
  }
  const sheets = new Map<string, SheetSurvey>();
  for (const [sheet, cells] of merged) {
    const addresses = new Map<string, string>();
    for (const [cell, id] of linkIds.get(sheet) ?? []) {
      const target = targets.get(sheet)?.get(id);
      if (target) addresses.set(cell, target);
    }
    sheets.set(sheet, { merged: cells, links: addresses });
  }
  return sheets;
}

/** The cells of a reference, "C2" or a range "C2:D3" (a link may span several), at most 1,000. */
function* cellsOf(ref: string): Generator<string> {
  const [from, to = from] = ref.split(":").map(cellAt);
  let n = 0;
  for (let row = from.row; row <= to.row; row++)
    for (let column = from.column; column <= to.column; column++) {
      if (n++ >= 1000) return;
      yield `${columnName(column)}${row}`;
    }
}

function cellAt(ref: string) {
  const [, letters, digits] = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const column = [...letters].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { column, row: Number(digits) };
}

/** "A" for 1, "Z" for 26, "AA" for 27: a column's name as a cell reference writes it. */
export function columnName(column: number): string {
  let name = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeXml(text: string) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] !== "#") return ENTITIES[name] ?? whole;
    const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : Number(name.slice(1));
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
