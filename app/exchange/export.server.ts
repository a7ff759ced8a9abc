/**
 * Exports of the lists (issue 16.2): the rows a list shows with the filters in its address, as
 * CSV or XLSX, with the columns of app/exchange/columns.ts and headers in the reader's language.
 *
 * Bounded: at most EXPORT_LIMIT rows, the list's first ones in its own order (the answer says
 * how many there were in X-Export-Total, and whether it was cut in X-Export-Truncated); a file
 * of that size is built in memory (a few MB at most), which is simpler than streaming and as
 * safe at this bound.
 *
 * Built a turn at a time, as an import is checked (docs/decisions/0010-long-writes.md): this
 * process answers everyone, and 5,000 meetings as XLSX held it 1.0-1.6 s in one piece, every
 * other page waiting. A meetings file reads its rows ROWS_A_TURN at a time, each turn in a read
 * of its own; every file is written ROWS_A_TURN rows a turn. At most EXPORTS_AT_ONCE are built
 * at once; others wait their turn, so that many asked at once cannot crowd out everyone's pages.
 */
import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { nextTurn } from "~db/long-write";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import type { T } from "~/i18n/translate";
import { listInitiatives } from "~/models/initiatives/read.server";
import {
  initiativeListFilter,
  meetingListFilter,
  partnerListSort,
  peopleListFilter,
  searchQuery,
  searchResults,
} from "~/models/list-filters.server";
import { joinPeople, listMeetings, meetingExportDetails, meetingIdsInOrder } from "~/models/meetings/read.server";
import { countryName } from "~/utils/countries";
import { listOrganisations } from "~/models/organisations.server";
import { listPartners, partnerExportDetails } from "~/models/partners/read.server";
import { listPeople } from "~/models/people/read.server";
import { todayInAstana } from "~/utils/today";
import {
  EXPORT_LIMIT,
  INITIATIVE_COLUMNS,
  MEETING_COLUMNS,
  ORGANISATION_COLUMNS,
  PARTNER_COLUMNS,
  PERSON_COLUMNS,
  SEARCH_COLUMNS,
  type Cell,
  type Column,
  type ExportList,
  type MeetingRow,
  type PartnerRow,
  partnerLines,
  type SearchRow,
} from "./columns";

export { EXPORT_LIMIT };

/** A table ready to write: headers and cells already in the reader's language. */
export type ExportTable = { headers: string[]; rows: Cell[][]; total: number };

/** Rows a turn: 250 meetings with their participants, topics and sources read some 25 ms. */
const ROWS_A_TURN = 250;
const EXPORTS_AT_ONCE = 2;

function table<Row>(columns: Column<Row>[], rows: Row[], total: number, t: T): ExportTable {
  return {
    headers: columns.map((c) => c.header(t)),
    rows: rows.map((row) => columns.map((c) => c.cell(row, t))),
    total,
  };
}

/** `read`'s statements in one read transaction: one moment of the file, whatever is saved meanwhile. */
const inOneRead = <R>(read: () => R): R => getDb().transaction(read, { behavior: "deferred" });

let exportsUnderWay = 0;
const waitingExports: Array<() => void> = [];

/** `build`, once fewer than EXPORTS_AT_ONCE others are being built in this process. */
export async function inExportTurn<R>(build: () => Promise<R>): Promise<R> {
  if (exportsUnderWay < EXPORTS_AT_ONCE) exportsUnderWay++;
  else await new Promise<void>((resolve) => waitingExports.push(resolve));
  try {
    return await build();
  } finally {
    // The place passes straight to the next one waiting.
    const next = waitingExports.shift();
    if (next) next();
    else exportsUnderWay--;
  }
}

/** The list's rows as its page would show them for this address, all pages at once up to the bound. */
export async function exportTable(
  list: ExportList,
  search: URLSearchParams,
  lng: Language,
  t: T,
): Promise<ExportTable> {
  const all = { lng, page: 1, pageSize: EXPORT_LIMIT };
  switch (list) {
    case "meetings": {
      const { filter } = meetingListFilter(search, lng);
      const { ids, total } = inOneRead(() => meetingIdsInOrder(filter, EXPORT_LIMIT));
      const rows: Cell[][] = [];
      for (let i = 0; i < ids.length; i += ROWS_A_TURN) {
        if (i) await nextTurn();
        // The list's order within each turn's rows; a meeting deleted since the ids were read is left out.
        const page = inOneRead(() => {
          const items = listMeetings({
            lng,
            page: 1,
            pageSize: ROWS_A_TURN,
            filter: { ids: ids.slice(i, i + ROWS_A_TURN) },
          }).items;
          return withExportDetails(items, lng);
        });
        rows.push(...table(MEETING_COLUMNS, page, total, t).rows);
      }
      return { headers: MEETING_COLUMNS.map((c) => c.header(t)), rows, total };
    }
    case "initiatives": {
      // Without a status the page shows the first few of each; the file holds them all.
      const today = todayInAstana();
      const { filter } = initiativeListFilter(search, lng, today);
      const page = inOneRead(() => listInitiatives({ ...all, filter, today }));
      return table(INITIATIVE_COLUMNS, page.items, page.total, t);
    }
    case "partners": {
      const { items, total } = inOneRead(() => {
        const page = listPartners({ ...all, sort: partnerListSort(search) });
        return { items: withPartnerDetails(page.items), total: page.total };
      });
      return table(PARTNER_COLUMNS, items, total, t);
    }
    case "people": {
      const page = inOneRead(() => listPeople({ ...all, organisationIds: peopleListFilter(search).organisationIds }));
      return table(PERSON_COLUMNS, page.items, page.total, t);
    }
    case "organisations": {
      const page = inOneRead(() => listOrganisations(all));
      return table(ORGANISATION_COLUMNS, page.items, page.total, t);
    }
    case "search": {
      const rows = inOneRead(() => searchRows(searchQuery(search), lng, t));
      return table(SEARCH_COLUMNS, rows, rows.length, t);
    }
  }
}

/** Meetings' list lines with what their export adds (the import reads the same columns back). */
export function withExportDetails(items: ReturnType<typeof listMeetings>["items"], lng: Language): MeetingRow[] {
  const details = meetingExportDetails(
    items.map((m) => m.id),
    lng,
  );
  return items.map((m) => {
    const d = details.get(m.id);
    return {
      ...m,
      startTime: d?.startTime ?? null,
      country: d?.countryCode ? countryName(d.countryCode, lng) : null,
      ours: joinPeople(d?.ours ?? []),
      guests: joinPeople(d?.guests ?? []),
      summary: d?.summary ?? null,
      topics: d?.topics ?? [],
      initiatives: d?.initiatives ?? [],
      sourceUrl: d?.sourceUrl ?? null,
      outlet: d?.outlet ?? null,
    };
  });
}

/**
 * Partners' list lines as the export writes them (the import reads the same columns back): with
 * their names in each script and Wikidata id, one line a step of each relation.
 */
export function withPartnerDetails(items: ReturnType<typeof listPartners>["items"]): PartnerRow[] {
  const details = partnerExportDetails(items.map((p) => p.id));
  return items.flatMap((p) =>
    partnerLines({
      ...p,
      names: details.get(p.id)?.names ?? { kk: null, ru: null, en: null, native: null },
      wikidataId: details.get(p.id)?.wikidataId ?? null,
    }),
  );
}

/** The search page's results as it shows them, in its order, one line each. */
function searchRows(query: string, lng: Language, t: T): SearchRow[] {
  const { results, texts } = searchResults(query, lng);
  if (!results || !texts) return [];
  const named = (["partner", "person", "organisation"] as const).flatMap((kind) =>
    results[kind].map((r) => ({ kind, id: r.id, name: r.name, date: null })),
  );
  return [
    ...named,
    ...texts.meeting.map((m) => ({
      kind: "meeting" as const,
      id: m.id,
      name: m.partner ? t("meeting.title", { partner: m.partner }) : t("meeting.titleNoPartner"),
      date: m.date,
    })),
    ...texts.initiative.map((i) => ({ kind: "initiative" as const, id: i.id, name: i.title, date: null })),
    ...texts.relation.map((r) => ({
      kind: "relation" as const,
      id: r.id,
      name: `${t(`relation.types.${r.type}`)} · ${r.partner}`,
      date: null,
    })),
    ...texts.delegation.map((d) => ({
      kind: "delegation" as const,
      id: d.id,
      name: `${t(`meeting.directions.${d.direction}`)} · ${d.partner}`,
      date: d.arrival,
    })),
  ];
}

/**
 * A text a spreadsheet would take for a formula (=, +, -, @, or a tab or carriage return that
 * some read before one) gets a leading apostrophe, as OWASP advises for CSV injection: shown as
 * typed, never run. The import strips it again (restoreCell).
 */
export function neutralise(cell: Cell): Cell {
  return typeof cell === "string" && /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export const restoreCell = (text: string) => (/^'[=+\-@\t\r]/.test(text) ? text.slice(1) : text);

const csvField = (cell: Cell) => {
  const text = cell == null ? "" : String(neutralise(cell));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** RFC 4180 with CRLF line ends, and a BOM so that Excel reads UTF-8 (Cyrillic, Kazakh letters). */
export function toCsv({ headers, rows }: ExportTable): string {
  return `\uFEFF${[headers, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n")}\r\n`;
}

/**
 * XLSX through exceljs. Every text is written as a text cell, which a spreadsheet shows and
 * never runs (exceljs writes a formula only when given { formula }): "=HYPERLINK(…)" or
 * "+7 7172 …" is shown as typed, without the apostrophe the CSV needs (an outside test saw it
 * on every such cell).
 *
 * Through exceljs's streaming writer, ROWS_A_TURN rows a turn: its whole-workbook writer held the
 * process 1.0 s for 5,000 meetings; this one takes half the time and lets others in between.
 * Texts are written in each cell rather than in a shared table, which the streaming writer
 * would keep whole in memory until the end.
 */
export async function toXlsx({ headers, rows }: ExportTable, sheetName: string): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = "Kezdesu";
  // Excel refuses sheet names over 31 characters or holding []:*?/\.
  const sheet = workbook.addWorksheet(sheetName.replace(/[[\]:*?/\\]/g, " ").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  const header = sheet.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (let i = 0; i < rows.length; i++) {
    if (i && i % ROWS_A_TURN === 0) await nextTurn();
    sheet.addRow(rows[i]!).commit();
  }
  sheet.commit();
  await workbook.commit();
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) as Uint8Array<ArrayBuffer>;
}
