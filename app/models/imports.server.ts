/**
 * Importing a spreadsheet of meetings (issue 15.1). A file is uploaded into a staging place
 * (a file under the data folder, named by a random id, tied to the account that sent it, kept an
 * hour), previewed, then imported: the rows are read again from the staged file, never from
 * anything the browser sends back.
 *
 * Each row goes through what the meeting form goes through: the form's schema (MeetingSchema),
 * then the write path's matching of people and partners in any script (resolveMeeting,
 * writeMeeting). The preview runs the very same writes in a transaction that is rolled back,
 * so what it says a row will create or link is what the import does. The import is one write
 * transaction, recorded as one import whose history entries are its records'; undoing it deletes
 * what it created (and takes back what it added to records on file) in one transaction of its own.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { and, desc, eq, gte, inArray, isNull, lte, sql } from "drizzle-orm";
import type { z } from "zod";
import { getDb } from "~/db.server";
import { getEnv } from "~/env.server";
import {
  MEETING_COLUMNS,
  PARTNER_COLUMNS,
  PARTNER_OWN_COLUMNS,
  PERSON_COLUMNS,
  importDate,
  partnerLines,
  type Cell,
  type Column,
  type PartnerRow,
} from "~/exchange/columns";
import { withExportDetails } from "~/exchange/export.server";
import { FileRefused, isFormula, readSheet, type EncodingChoice, type RawCell } from "~/exchange/import/read.server";
import { MeetingSchema, type MeetingInput } from "~/forms/meeting";
import { OrganisationSchema } from "~/forms/organisation";
import { PartnerSchema, type PartnerInput } from "~/forms/partner";
import { PersonSchema } from "~/forms/person";
import { RelationSchema, RelationStepSchema, type RelationInput, type RelationStepInput } from "~/forms/relation";
import { LANGUAGES, type Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import type { T, TranslationKey } from "~/i18n/translate";
import { findMeetingDate } from "~/intake/dates";
import { kindOfName } from "~/intake/partners";
import { peopleByInitials } from "~/models/people/initials.server";
import { partialDateInWords } from "~/exchange/import/partial-date-words";
import { COUNTRY_CODES, countryName } from "~/utils/countries";
import { COUNTRY_ALIASES } from "~/utils/country-aliases";
import { latestEntryId, revertRecord, type Actor } from "~db/history";
import { nextTurn } from "~db/long-write";
import {
  history,
  imports,
  initiatives,
  initiativeSteps,
  meetingParticipants,
  meetings,
  nameKeys,
  organisations,
  partners,
  people,
  relations,
  users,
} from "~db/schema";
import { PARTNER_KINDS, RELATION_STATUSES, RELATION_TYPES } from "~db/enums";
import type { Db } from "~db/client";
import type { AuditedRecordType, IMPORT_KINDS } from "~db/schema";
import { nameKeys as keysOfNames, wholeNameKey } from "~db/shared/fold";
import { localizedName, typedName, typedText } from "~db/shared/names";
import { partialDateParts, UNKNOWN_DATE, type PartialDate } from "~db/shared/partial-date";
import { pageOf } from "~/utils/pagination";
import { listMeetings } from "./meetings/read.server";
import { listPeople } from "./people/read.server";
import { insertPerson, planPerson, recordPostHeld } from "./people/write.server";
import { removeMeeting, resolveMeeting, writeMeeting } from "./meetings/write.server";
import { findNameMatches } from "./names.server";
import { insertOrganisation, type OrganisationValues } from "./organisations.server";
import { getPartner } from "./partners/read.server";
import { insertPartner } from "./partners/write.server";
import { insertRelation, planSignatories, writeRelationStep } from "./relations/write.server";
import { refusal, type Refusal } from "./refusals";
import { removeFromSearch } from "./search-index.server";
import { writeInTurns } from "./writes.server";

/** More rows than a council's spreadsheet holds; reading stops there, so memory stays bounded. */
export const MAX_IMPORT_ROWS = 20_000;
const STAGING_HOURS = 1;
const PREVIEW_ROWS = 100;
const PREVIEW_ERRORS = 500;

// ---------------------------------------------------------------------------------------------
// Staging

type Staged = {
  userId: number;
  fileName: string;
  encoding: EncodingChoice;
  // What the file holds; a file staged before kinds were chosen holds meetings.
  kind?: ImportKind;
  at: number;
  // The columns chosen for a file whose headers are not the template's.
  mapping?: ColumnMapping;
};

const stagingDir = () => join(dirname(getEnv().DATABASE_PATH), "import-staging");
const TOKEN = /^[0-9a-f]{32}$/;

/** Removes staged files older than the hour they are kept. */
function sweepStaging(dir: string) {
  const cutoff = Date.now() - STAGING_HOURS * 3600_000;
  for (const name of readdirSync(dir)) {
    try {
      if (statSync(join(dir, name)).mtimeMs < cutoff) rmSync(join(dir, name), { force: true });
    } catch {
      // Another request swept it first.
    }
  }
}

/** A fresh path to stage an upload in, and its id. */
export function newStagingPath() {
  const dir = stagingDir();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  sweepStaging(dir);
  const token = randomBytes(16).toString("hex");
  return { token, path: join(dir, `${token}.upload`) };
}

/** Notes whose upload the staged file is; nobody else can preview or import it. */
export function stage(token: string, staged: Omit<Staged, "at">) {
  writeFileSync(join(stagingDir(), `${token}.json`), JSON.stringify({ ...staged, at: Date.now() }), { mode: 0o600 });
}

/** The staged file of this account, or null when it is not (or no longer) there. */
export function stagedFile(token: string, userId: number) {
  if (!TOKEN.test(token)) return null;
  try {
    const meta = JSON.parse(readFileSync(join(stagingDir(), `${token}.json`), "utf8")) as Staged;
    if (meta.userId !== userId || Date.now() - meta.at > STAGING_HOURS * 3600_000) return null;
    statSync(join(stagingDir(), `${token}.upload`));
    return { ...meta, path: join(stagingDir(), `${token}.upload`) };
  } catch {
    return null;
  }
}

/**
 * The staged file of this account, taken for its import by one request only: a double click (or
 * a second click while a long import runs) sent the same upload twice at once, and both were
 * imported. Taking is a rename, which one request wins in whichever process serves it; the
 * others find no file, as after the import. `release` gives it back when the import fails.
 */
export function claimStaged(token: string, userId: number) {
  const staged = stagedFile(token, userId);
  if (!staged) return null;
  const claimed = join(stagingDir(), `${token}.importing`);
  try {
    renameSync(staged.path, claimed);
  } catch {
    return null;
  }
  const release = () => {
    try {
      renameSync(claimed, staged.path);
    } catch {
      // Swept meanwhile: the upload has expired.
    }
  };
  return { ...staged, path: claimed, release };
}

export function dropStaged(token: string) {
  if (!TOKEN.test(token)) return;
  for (const ext of ["upload", "importing", "json"]) rmSync(join(stagingDir(), `${token}.${ext}`), { force: true });
}

// ---------------------------------------------------------------------------------------------
// Reading rows

export type ImportKind = (typeof IMPORT_KINDS)[number];
export type ColumnKey = string;
export const fold = (text: string) => text.normalize("NFC").trim().toLocaleLowerCase().replace(/\s+/g, " ");

/** The template's columns of each kind: its export's (app/exchange/columns.ts). */
export function importColumns(kind: ImportKind): Array<Column<never>> {
  return kind === "people" ? PERSON_COLUMNS : kind === "partners" ? PARTNER_COLUMNS : MEETING_COLUMNS;
}

/**
 * A file of this kind must have one of these columns, or no row of it makes a record: a
 * meeting's partner, a person's or a partner's name (in one column, or in one of its scripts').
 * The mapping step asks for one of them too (app/models/import-mappings.server.ts).
 */
export const NEEDED: Record<ImportKind, ColumnKey[]> = {
  meetings: ["partner"],
  people: ["name", "nameKk", "nameRu", "nameEn", "nameNative"],
  partners: ["name", "nameKk", "nameRu", "nameEn", "nameNative"],
};

/** The template's headers, in each language, folded. */
export const headerKeys = (kind: ImportKind = "meetings") =>
  LANGUAGES.map((lng) => {
    const t = translatorFor(lng);
    return { lng, keys: new Map(importColumns(kind).map((c) => [fold(c.header(t)), c.key] as const)) };
  });

export function templateHeaders(lng: Language, kind: ImportKind = "meetings") {
  const t = translatorFor(lng);
  return importColumns(kind).map((c) => c.header(t));
}

/** A header cell as a person reads it (a formula as its text, never computed). */
const headerText = (cell: RawCell) =>
  cell == null ? "" : isFormula(cell) ? cell.formula : cell instanceof Date ? iso(cell) : String(cell).trim();

/**
 * A file whose header row is not the template's: the import needs a mapping (column → field,
 * app/models/import-mappings.server.ts) to read it. Still a refusal for a caller that has none.
 */
export class HeadersUnknown extends FileRefused {
  constructor(
    refusal: Refusal,
    readonly headers: string[],
  ) {
    super(refusal);
  }
}

/** Which field each column holds (null: ignored), and the language the rows are read in. */
export type ColumnMapping = { columns: Array<ColumnKey | null>; lng: Language };

/** The header row read as this kind's template: the fields found, and the headers that are none. */
function templateColumns(cells: RawCell[], kind: ImportKind) {
  const texts = cells.map((c) => (c == null ? "" : typeof c === "string" ? fold(c) : "\u0000"));
  const scored = headerKeys(kind)
    .map(({ lng, keys }) => ({ lng, keys, found: texts.filter((h) => keys.has(h)).length }))
    .sort((a, b) => b.found - a.found);
  const best = scored[0];
  const columns = texts.map((h) => {
    for (const { keys } of [best, ...scored]) if (keys.has(h)) return keys.get(h) as ColumnKey;
    return null;
  });
  const unknown = cells
    .filter((c, i) => c != null && columns[i] == null)
    .map((c) => String(isFormula(c) ? c.formula : c))
    // Named as a person would recognise them, never a whole cell of text.
    .map((h) => (h.length > 40 ? `${h.slice(0, 40)}…` : h))
    .slice(0, 5);
  const fits = unknown.length === 0 && NEEDED[kind].some((key) => columns.includes(key));
  return { columns, unknown, best, fits };
}

/** Whether a header row is this kind's template's (in any of its languages), read as is. */
export const isTemplateOf = (headers: string[], kind: ImportKind) => templateColumns(headers, kind).fits;

/** Which column holds which field, and the language of the headers (the records' language). */
function mapHeaders(cells: RawCell[], kind: ImportKind): ColumnMapping {
  const { columns, unknown, best, fits } = templateColumns(cells, kind);
  if (!fits) {
    const headers = cells.map(headerText);
    while (headers.length && !headers[headers.length - 1]) headers.pop();
    throw new HeadersUnknown(
      refusal("imports.errors.unknownHeaders", {
        headers: unknown.join(", ") || templateHeaders(best.lng, kind).join(", "),
      }),
      headers,
    );
  }
  return { columns, lng: best.lng };
}

export type FileRows = {
  kind: ImportKind;
  lng: Language;
  rows: FileRow[];
};
type FileRow = { line: number; cells: Map<ColumnKey, RawCell> };

/**
 * The file's rows under its headers, blank rows left out; refuses a file it cannot use. With a
 * mapping (checked against this file's header row), the columns are read through it; without
 * one, the header row must be the template's (else HeadersUnknown).
 */
export async function readImportFile(
  path: string,
  encoding: EncodingChoice,
  mapping?: ColumnMapping,
  kind: ImportKind = "meetings",
): Promise<FileRows> {
  let header: ColumnMapping | null = null;
  const rows: FileRows["rows"] = [];
  for await (const row of readSheet(path, encoding)) {
    if (row.cells.every((c) => c == null || (typeof c === "string" && !c.trim()))) continue;
    if (!header) {
      header = mapping ?? mapHeaders(row.cells, kind);
      continue;
    }
    if (rows.length >= MAX_IMPORT_ROWS)
      throw new FileRefused(refusal("imports.errors.tooManyRows", { max: String(MAX_IMPORT_ROWS) }));
    const cells = new Map<ColumnKey, RawCell>();
    header.columns.forEach((key, i) => {
      if (key && row.cells[i] != null) cells.set(key, row.cells[i]);
    });
    if (row.links) linkSource(cells, header.columns, row.links);
    rows.push({ line: row.line, cells });
  }
  if (!header || rows.length === 0) throw new FileRefused(refusal("imports.errors.empty"));
  return { kind, lng: header.lng, rows };
}

/**
 * A source cell that links to its article (a spreadsheet shows "Kazinform", the link opens the
 * report) gives the source its address: the address cell's own link first, else, where the row
 * gives no address, the link of its title's or outlet's cell.
 */
function linkSource(cells: Map<ColumnKey, RawCell>, columns: Array<ColumnKey | null>, links: Map<number, string>) {
  const linkOf = (key: ColumnKey) => {
    const index = columns.indexOf(key);
    return index < 0 ? undefined : links.get(index);
  };
  const url = linkOf("sourceUrl") ?? (cells.has("sourceUrl") ? undefined : (linkOf("sourceTitle") ?? linkOf("outlet")));
  if (url) cells.set("sourceUrl", url);
}

/** The header row of a staged file whose headers are not the template's; null when they are. */
export async function unknownHeaders(
  path: string,
  encoding: EncodingChoice,
  kind: ImportKind = "meetings",
): Promise<string[] | null> {
  try {
    await readImportFile(path, encoding, undefined, kind);
    return null;
  } catch (error) {
    if (error instanceof HeadersUnknown) return error.headers;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// A row, as the form would have it

export type CellError = { column: ColumnKey; message: Refusal | string };
export type RowNote =
  // `date`: the meeting's date as the import read it, for the person to check ("05.06.2018").
  | { key: "newMeeting"; date: PartialDate }
  | { key: "unchanged" }
  // The people import: a person a row above makes, named again in another spelling.
  | { key: "sameAsRow"; name: string; row: number }
  // `name`: the id of the meeting on file the row is.
  | {
      key:
        | "matchesPerson"
        | "newPerson"
        | "matchesPartner"
        | "newPartner"
        | "newRelation"
        | "newStep"
        | "newOrganisation"
        | "sameMeeting";
      name: string;
    };
export type RowReport = {
  line: number;
  status: "ready" | "error" | "unchanged";
  notes: RowNote[];
  errors: CellError[];
};

const iso = (d: Date) => d.toISOString().slice(0, 10);
const textOf = (cell: RawCell | undefined): string | undefined => {
  if (cell == null || isFormula(cell)) return undefined;
  if (cell instanceof Date) return iso(cell);
  const text = String(cell).trim();
  return text || undefined;
};
const listOf = (cell: RawCell | undefined) =>
  (textOf(cell) ?? "")
    // Split on the bare ";" and trimmed after: /\s*;\s*/ read a run of spaces again from each
    // of them (a cell of 20,000 spaces took 0.2 s).
    .split(";")
    .map((s) => s.trim())
    .filter(Boolean);

const approxWords = () => LANGUAGES.map((lng) => translatorFor(lng)("exports.approx"));

/**
 * A meeting's start time as the form takes it, "15:30" (Astana's wall clock): typed "15:30",
 * "9:05" or "15.30", or a spreadsheet's time (a fraction of a day, or the time of a Date); empty
 * is undefined, and what is no time of day is null.
 */
export function timeCell(cell: RawCell | undefined): string | undefined | null {
  if (cell == null) return undefined;
  if (isFormula(cell)) return null;
  let minutes: number | null = null;
  if (cell instanceof Date) minutes = cell.getUTCHours() * 60 + cell.getUTCMinutes();
  else if (typeof cell === "number") minutes = cell >= 0 && cell < 1 ? Math.round(cell * 24 * 60) : null;
  else {
    const text = cell.trim();
    if (!text) return undefined;
    const match = /^(\d{1,2})[:.](\d{2})(?::\d{2})?$/.exec(text);
    if (match && Number(match[1]) < 24 && Number(match[2]) < 60) minutes = Number(match[1]) * 60 + Number(match[2]);
  }
  if (minutes == null || minutes >= 24 * 60) return null;
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

/**
 * A date as typed: "2016", "2016-05", "2016-05-12", "2016 approx." (as the export writes it), a
 * date cell, an Excel serial number, a year or a month as offices write them ("2017 г.", "около
 * 2017", "05.2018", "май 2018", "2018 жылғы мамыр": partialDateInWords), or a day in words ("12
 * мая 2016", "2016 жылғы 12 мамыр", "12 May 2016", "12.05.2016"). Empty is "date unknown". Null
 * when it is none of these.
 */
export function dateCell(cell: RawCell | undefined) {
  if (cell == null) return { unknown: true };
  if (isFormula(cell)) return null;
  // A serial number a CSV carries as text ("42502"): five digits are no year.
  if (typeof cell === "string" && /^\d{5}(\.\d+)?$/.test(cell.trim())) cell = Number(cell.trim());
  let date: { year: number; month?: number; day?: number; approximate?: boolean } | null = null;
  if (cell instanceof Date)
    date = { year: cell.getUTCFullYear(), month: cell.getUTCMonth() + 1, day: cell.getUTCDate() };
  else if (typeof cell === "number") {
    if (Number.isInteger(cell) && cell >= 1800 && cell <= 2200) date = { year: cell };
    else if (cell > 0 && cell < 2_958_466) {
      // Excel's day 1 is 1900-01-01, counted as if 1900 were a leap year: day 0 is 1899-12-30.
      const d = new Date(Date.UTC(1899, 11, 30) + Math.floor(cell) * 86_400_000);
      date = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    }
  } else {
    const words = approxWords();
    const typed = importDate(cell, words);
    if (typed) {
      const parts = partialDateParts(typed);
      if (parts.year == null) return { unknown: true };
      date = {
        year: parts.year,
        month: parts.month ?? undefined,
        day: parts.day ?? undefined,
        approximate: typed.approximate,
      };
    } else {
      date = partialDateInWords(cell);
      if (!date) {
        const approximate = words.some((w) => cell.trim().endsWith(w));
        const found = findMeetingDate(cell, null);
        if (found?.year) date = { year: found.year, month: found.month, day: found.day, approximate };
      }
    }
  }
  if (!date) return null;
  return {
    year: String(date.year),
    month: date.month,
    day: date.day != null ? String(date.day) : undefined,
    approximate: date.approximate || undefined,
  };
}

/** "Name (title)" as the export writes a participant; the title is optional. */
function personOf(text: string) {
  // Found by position, not /^(.*?)\s*\(…\)$/, which read the rest of the cell from each character.
  const trimmed = text.trim();
  const open = trimmed.lastIndexOf("(");
  const title = open >= 0 && trimmed.endsWith(")") ? trimmed.slice(open + 1, -1) : null;
  return title !== null && !title.includes(")")
    ? { name: trimmed.slice(0, open).trim(), title: title.trim() || undefined }
    : { name: trimmed, title: undefined };
}

/** A country's name as looked up: folded, "ё" as "е", without dots ("U.S.A." is "USA"). */
const countryKey = (text: string) => fold(text).replace(/ё/g, "е").replace(/\./g, "");

/**
 * Every country's name in kk, ru and en, its code, and the other names offices write for it
 * (app/utils/country-aliases.ts: "США", "Кыргызстан", "Российская Федерация"), to its ISO code.
 */
let countries: Map<string, string> | null = null;
export function countryCode(text: string) {
  if (!countries) {
    countries = new Map();
    for (const code of COUNTRY_CODES) {
      countries.set(countryKey(code), code);
      for (const lng of LANGUAGES) countries.set(countryKey(countryName(code, lng)), code);
    }
    for (const [code, aliases] of Object.entries(COUNTRY_ALIASES))
      for (const alias of aliases) if (!countries.has(countryKey(alias))) countries.set(countryKey(alias), code);
  }
  return countries.get(countryKey(text));
}

/** The form's field a schema error is about, as the file's column. */
function columnOfPath(path: Array<string | number>, input: { participantSides: Array<"host" | "guest"> }): ColumnKey {
  const [field, index, sub] = path;
  switch (field) {
    case "date":
      return "date";
    case "startTime":
      return "time";
    case "location":
      return "location";
    case "purpose":
      return "purpose";
    case "summary":
      return "summary";
    case "topics":
      return "topics";
    case "initiatives":
      return "initiatives";
    case "hostOrganisationId":
    case "hostOrganisationName":
      return "host";
    case "sources":
      return sub === "url" ? "sourceUrl" : "outlet";
    case "participants":
      return input.participantSides[Number(index)] === "host" ? "ours" : "guests";
    default:
      return "partner";
  }
}

type Context = {
  db: Db;
  lng: Language;
  errorMap: z.ZodErrorMap;
  // False for the preview: rows are checked and matched, nothing is written.
  write: boolean;
  // New partners made earlier in the file, by folded name (0 in the preview, which makes none),
  // so a file says a new partner's country once.
  newPartners: Map<string, number>;
  personNames: Map<number, string>;
  // How each typed name resolved earlier in the file (a person's id, or "new" in the preview,
  // which makes nobody), so a name repeated down the sheet is looked up once (bench:import).
  people: Map<string, number | "new">;
  // Partners on file matched earlier in the file, by folded name.
  partnersOnFile: Map<string, number>;
  // The partners import: partners new to the file by each of their names' keys, with the row
  // that brought them (their id once made; 0 in the preview), the relations new to the file by
  // partner and kind, the steps by relation, status and date (the row that gave them), and the
  // lines the export writes for each partner on file.
  filePartners: Map<string, FilePartner>;
  fileRelations: Map<string, number>;
  fileSteps: Map<string, number>;
  partnerLines: Map<number, PartnerRow[]>;
  // The people import: organisations new to the file, by their folded name (and partner), their
  // id once made (0 in the preview).
  newOrganisations: Map<string, number>;
  // The meetings import: each meeting of the file (its partner, date, purpose and people) with
  // the row that gave it first.
  fileMeetings: Map<string, number>;
  // The people import's preview: the people new earlier in the file, by each of their name keys,
  // as the import will find them once made ("Wang Wei", then "Ван Вэй").
  newPeople: Map<string, { name: string; line: number }>;
};

type FilePartner = { line: number; id: number; kind?: string; countryCode?: string; wikidataId?: string };

type PartnerPlan = { id: number } | { create: PartnerInput };

function partnerFor(
  ctx: Context,
  name: string,
  country: string | undefined,
  errors: CellError[],
  notes: RowNote[],
): PartnerPlan | null {
  const key = wholeNameKey(name);
  const madeEarlier = ctx.newPartners.get(key);
  if (madeEarlier != null) {
    notes.push({ key: "newPartner", name });
    return { id: madeEarlier };
  }
  const onFile = ctx.partnersOnFile.get(key);
  if (onFile != null) {
    notes.push({ key: "matchesPartner", name });
    return { id: onFile };
  }
  const ids = ctx.db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "partner"), eq(nameKeys.key, key)))
    .limit(5)
    .all()
    .map((r) => r.id);
  const [only] = ids;
  if (ids.length === 1 && only != null) {
    notes.push({ key: "matchesPartner", name });
    ctx.partnersOnFile.set(key, only);
    return { id: only };
  }
  if (ids.length > 1) {
    const names = ctx.db
      .select()
      .from(partners)
      .where(inArray(partners.id, ids))
      .all()
      .map((p) => localizedName(p, ctx.lng));
    errors.push({ column: "partner", message: refusal("imports.errors.severalPartners", { names: names.join(", ") }) });
    return null;
  }
  const code = country ? countryCode(country) : undefined;
  if (!country) errors.push({ column: "country", message: refusal("imports.errors.countryNeeded") });
  else if (!code) errors.push({ column: "country", message: refusal("imports.errors.country") });
  if (!code) return null;
  const names = typedText(name, ctx.lng);
  const checked = PartnerSchema.safeParse(
    {
      // "Gansu Province", "Новосибирская область": the name says the kind; a city otherwise.
      kind: kindOfName(name),
      countryCode: code,
      nameKk: names.kk ?? undefined,
      nameRu: names.ru ?? undefined,
      nameEn: names.en ?? undefined,
    },
    { errorMap: ctx.errorMap },
  );
  if (!checked.success) {
    for (const issue of checked.error.issues) errors.push({ column: "partner", message: issue.message });
    return null;
  }
  notes.push({ key: "newPartner", name });
  return { create: checked.data };
}

function organisationFor(ctx: Context, name: string) {
  const ids = ctx.db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "organisation"), eq(nameKeys.key, wholeNameKey(name))))
    .limit(2)
    .all();
  return ids.length === 1 ? ids[0].id : null;
}

function personName(ctx: Context, id: number) {
  let name = ctx.personNames.get(id);
  if (name == null) {
    const person = ctx.db.select().from(people).where(eq(people.id, id)).get();
    name = person ? localizedName(person, ctx.lng) : "";
    ctx.personNames.set(id, name);
  }
  return name;
}

/**
 * What every kind of row starts with: a formula in any cell refused (never computed), and a row
 * with an id checked against the record on file (`unchanged` when it matches it).
 */
function startRow(
  cells: Map<ColumnKey, RawCell>,
  existing: Map<number, Map<ColumnKey, string>>,
  noSuch: TranslationKey,
  changed: TranslationKey,
) {
  const errors: CellError[] = [];
  const notes: RowNote[] = [];
  for (const [column, cell] of cells)
    if (isFormula(cell)) errors.push({ column, message: refusal("imports.errors.formula") });
  const unchanged = checkId(cells, existing, errors, noSuch, changed);
  return { errors, notes, unchanged };
}

/** One row: checked as the form checks a meeting and, when it passes, written as the form writes one. */
function importRow(
  ctx: Context,
  line: number,
  cells: Map<ColumnKey, RawCell>,
  existing: Map<number, Map<ColumnKey, string>>,
): RowReport {
  const { errors, notes, unchanged } = startRow(
    cells,
    existing,
    "imports.errors.noSuchMeeting",
    "imports.errors.changed",
  );
  if (unchanged) return { line, ...unchanged };

  const date = dateCell(cells.get("date"));
  if (!date) errors.push({ column: "date", message: refusal("imports.errors.date") });
  const startTime = timeCell(cells.get("time"));
  if (startTime === null) errors.push({ column: "time", message: refusal("imports.errors.time") });
  const partnerName = textOf(cells.get("partner"));
  const partner = partnerName ? partnerFor(ctx, partnerName, textOf(cells.get("country")), errors, notes) : null;
  const hostName = textOf(cells.get("host"));
  const hostOrganisationId = hostName ? organisationFor(ctx, hostName) : null;
  if (hostName && !hostOrganisationId) errors.push({ column: "host", message: refusal("imports.errors.host") });

  const sides = [
    ...listOf(cells.get("ours")).map((text) => ({ ...personOf(text), side: "host" as const })),
    ...listOf(cells.get("guests")).map((text) => ({ ...personOf(text), side: "guest" as const })),
  ];
  const url = textOf(cells.get("sourceUrl"));
  const outlet = textOf(cells.get("outlet"));
  const form = {
    date: date ?? { unknown: true },
    startTime: startTime ?? undefined,
    location: textOf(cells.get("location")),
    // A new partner is made only once the row passes; the schema sees a stand-in id.
    partnerId: partner ? ("id" in partner && partner.id > 0 ? partner.id : Number.MAX_SAFE_INTEGER) : undefined,
    hostOrganisationId: hostOrganisationId ?? undefined,
    purpose: textOf(cells.get("purpose")),
    summary: textOf(cells.get("summary")),
    language: ctx.lng,
    participants: sides.map((p) => ({ name: p.name, title: p.title, side: p.side, role: "attended" })),
    topics: listOf(cells.get("topics")),
    sources: url || outlet ? [{ url, outlet }] : [],
    initiatives: listOf(cells.get("initiatives")).map((title) => ({ title })),
  };
  const parsed = MeetingSchema.safeParse(form, { errorMap: ctx.errorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const column = columnOfPath(issue.path, { participantSides: sides.map((s) => s.side) });
      // Said once per column: a missing partner is the partner cell's error, already given.
      if (column === "partner" && errors.some((e) => e.column === "partner" || e.column === "country")) continue;
      if (column === "date" && !date) continue;
      errors.push({ column, message: issue.message });
    }
  }
  if (errors.length || !parsed.success || !partner) return { line, status: "error", notes, errors };

  const typed = parsed.data;
  const keys = typed.participants.map((p) => (p.personId || !p.name ? null : wholeNameKey(p.name)));
  const input: MeetingInput = {
    ...typed,
    participants: typed.participants.map((p, i) => {
      const known = keys[i] ? ctx.people.get(keys[i]) : undefined;
      return known === "new" ? { ...p, isNew: true } : known ? { ...p, personId: known } : p;
    }),
  };
  const knownPartner = "id" in partner && partner.id > 0 ? partner.id : undefined;
  const resolved = resolveMeeting(ctx.db, { ...input, partnerId: knownPartner }, ctx.lng);
  for (const [path, list] of Object.entries(resolved.errors)) {
    const m = /^participants\[(\d+)\]/.exec(path);
    const column = m ? (sides[Number(m[1])]?.side === "host" ? "ours" : "guests") : "partner";
    // A refusal of the partner is given on both the form's fields (partnerId, partnerName): the
    // row has one partner cell, and says it once.
    for (const r of list)
      if (!errors.some((e) => e.column === column && isDeepStrictEqual(e.message, r)))
        errors.push({ column, message: r });
  }
  if (errors.length) return { line, status: "error", notes, errors };

  const same = sameMeeting(ctx, line, partner, partnerName ?? "", resolved);
  if (same && "line" in same) {
    errors.push({ column: "date", message: refusal("imports.errors.duplicateMeeting", { row: String(same.line) }) });
    return { line, status: "error", notes, errors };
  }
  if (same) return { line, status: "unchanged", notes: [{ key: "sameMeeting", name: String(same.id) }], errors };

  resolved.participants.forEach((p, i) => {
    const key = keys[i];
    // The import makes a new person with this row: the next row naming them looks them up.
    if (key) {
      if ("personId" in p) ctx.people.set(key, p.personId);
      else if (ctx.write) ctx.people.delete(key);
      else ctx.people.set(key, "new");
    }
    notes.push(
      "personId" in p
        ? { key: "matchesPerson", name: personName(ctx, p.personId) }
        : { key: "newPerson", name: sides[i].name },
    );
  });
  notes.unshift({ key: "newMeeting", date: resolved.input.date });
  if (!ctx.write) {
    if ("create" in partner) ctx.newPartners.set(wholeNameKey(partnerName ?? ""), 0);
    return { line, status: "ready", notes, errors };
  }
  let partnerId: number;
  if ("id" in partner) partnerId = partner.id;
  else {
    partnerId = insertPartner(ctx.db, partner.create);
    ctx.newPartners.set(wholeNameKey(partnerName ?? ""), partnerId);
  }
  writeMeeting(ctx.db, { ...resolved.input, partnerId }, resolved.participants, ctx.lng);
  return { line, status: "ready", notes, errors };
}

/**
 * The meeting a row without an ID already is: one on file with the same partner, date, purpose
 * and people (the same file imported twice: every meeting was added again), or an earlier row of
 * the file (the same meeting typed twice, its date written two ways).
 */
function sameMeeting(
  ctx: Context,
  line: number,
  partner: PartnerPlan,
  partnerName: string,
  resolved: ReturnType<typeof resolveMeeting>,
): { id: number } | { line: number } | null {
  const { date, purpose, participants } = resolved.input;
  const people = resolved.participants
    .map((p, i) => {
      const who = "personId" in p ? `id:${p.personId}` : `new:${wholeNameKey(participants[i].name ?? "")}`;
      return `${who}:${participants[i].side}`;
    })
    .sort()
    .join(",");
  const partnerKey = "id" in partner && partner.id > 0 ? `id:${partner.id}` : `new:${wholeNameKey(partnerName)}`;
  const key = [partnerKey, date.value, date.precision, fold(purpose ?? ""), people].join("|");
  const earlier = ctx.fileMeetings.get(key);
  if (earlier !== undefined) return { line: earlier };
  ctx.fileMeetings.set(key, line);
  if (!partnerKey.startsWith("id:") || people.includes("new:")) return null;
  const candidates = ctx.db
    .select({ id: meetings.id, purpose: meetings.purpose })
    .from(meetings)
    .where(
      and(
        eq(meetings.partnerId, (partner as { id: number }).id),
        date.value === null ? isNull(meetings.date) : eq(meetings.date, date.value),
        eq(meetings.datePrecision, date.precision),
      ),
    )
    .limit(100)
    .all();
  for (const candidate of candidates) {
    if (fold(candidate.purpose ?? "") !== fold(purpose ?? "")) continue;
    const theirs = ctx.db
      .select({ personId: meetingParticipants.personId, side: meetingParticipants.side })
      .from(meetingParticipants)
      .where(eq(meetingParticipants.meetingId, candidate.id))
      .all()
      .map((p) => `id:${p.personId}:${p.side}`)
      .sort()
      .join(",");
    if (theirs === people) return { id: candidate.id };
  }
  return null;
}

const NAME_COLUMNS = [
  ["nameKk", "nameKk"],
  ["nameRu", "nameRu"],
  ["nameEn", "nameEn"],
  ["nameNative", "nameNative"],
] as const;

/**
 * A row's names: each script in its column, or one name in the Name column placed by its script
 * as the pickers place a typed name; and the column a name field's error belongs to.
 */
function namesOfRow(ctx: Context, cells: Map<ColumnKey, RawCell>) {
  const separate = NAME_COLUMNS.some(([column]) => textOf(cells.get(column)));
  const one = textOf(cells.get("name"));
  const placed = !separate && one ? typedName(one, ctx.lng) : null;
  const names = {
    nameKk: placed ? (placed.nameKk ?? undefined) : textOf(cells.get("nameKk")),
    nameRu: placed ? (placed.nameRu ?? undefined) : textOf(cells.get("nameRu")),
    nameEn: placed ? (placed.nameEn ?? undefined) : textOf(cells.get("nameEn")),
    nameNative: placed ? (placed.nameNative ?? undefined) : textOf(cells.get("nameNative")),
  };
  const nameColumn = (field: string): ColumnKey => (separate ? field : "name");
  return { names, nameColumn };
}

type OrganisationPlan = { id: number } | { create: OrganisationValues; keys: string[] };

/**
 * The organisation of a post, "Organisation" or "Organisation, Partner": on file by its name in
 * any script, made earlier in the file, or new when the partner it belongs to is named and on
 * file (the organisation form asks for it) and the organisation form's schema passes.
 */
function planOrganisation(
  ctx: Context,
  text: string,
  pending: Map<string, OrganisationPlan>,
  errors: CellError[],
  notes: RowNote[],
): OrganisationPlan | null {
  const keyOf = (partnerId: number, name: string) => `${partnerId}:${wholeNameKey(name)}`;
  // Made by an earlier row of the file, or planned by an earlier post of this row.
  const earlier = (key: string): OrganisationPlan | null => {
    const made = ctx.newOrganisations.get(key);
    return made != null ? { id: made } : (pending.get(key) ?? null);
  };
  const m = /^(.+),\s*([^,]+)$/.exec(text);
  const madeEarlier = m ? null : earlier(wholeNameKey(text));
  if (madeEarlier) {
    notes.push({ key: "newOrganisation", name: text });
    return madeEarlier;
  }
  const onFile = organisationFor(ctx, text);
  if (onFile) return { id: onFile };
  const partner = m ? findNameMatches("partner", typedName(m[2].trim(), ctx.lng), ctx.lng) : [];
  if (!m || partner.length !== 1) {
    errors.push({ column: "posts", message: refusal("imports.errors.organisation", { name: text }) });
    return null;
  }
  const name = m[1].trim();
  const madeForPartner = earlier(keyOf(partner[0].id, name));
  if (madeForPartner) {
    notes.push({ key: "newOrganisation", name: `${name} (${partner[0].name})` });
    return madeForPartner;
  }
  const atPartner = ctx.db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .innerJoin(organisations, eq(organisations.id, nameKeys.recordId))
    .where(
      and(
        eq(nameKeys.recordType, "organisation"),
        eq(nameKeys.key, wholeNameKey(name)),
        eq(organisations.partnerId, partner[0].id),
      ),
    )
    .limit(2)
    .all();
  if (atPartner.length === 1) return { id: atPartner[0].id };
  const typed = typedName(name, ctx.lng);
  const checked = OrganisationSchema.safeParse(
    {
      partnerId: partner[0].id,
      nameKk: typed.nameKk ?? undefined,
      nameRu: typed.nameRu ?? undefined,
      nameEn: typed.nameEn ?? undefined,
      nameNative: typed.nameNative ?? undefined,
    },
    { errorMap: ctx.errorMap },
  );
  if (!checked.success) {
    for (const issue of checked.error.issues) errors.push({ column: "posts", message: issue.message });
    return null;
  }
  notes.push({ key: "newOrganisation", name: `${name} (${partner[0].name})` });
  const plan = {
    create: { ...checked.data, partnerId: partner[0].id },
    keys: [keyOf(partner[0].id, name), wholeNameKey(name)],
  };
  for (const key of plan.keys) pending.set(key, plan);
  return plan;
}

/** The id of a planned organisation, made (once) when it is new. */
function organisationIdOf(ctx: Context, plan: OrganisationPlan) {
  if ("id" in plan) return plan.id;
  const made = ctx.newOrganisations.get(plan.keys[0]);
  if (made) return made;
  const id = insertOrganisation(ctx.db, plan.create);
  for (const key of plan.keys) ctx.newOrganisations.set(key, id);
  return id;
}

/** The title of a post typed in the file's language goes in that language's field. */
const TITLE_FIELD = { kk: "titleKk", ru: "titleRu", en: "titleEn" } as const;

/** People on file whose whole name, in any of its spellings, is one of these: up to two. */
function peopleNamed(ctx: Context, names: string[]) {
  const keys = [...new Set(names.map(wholeNameKey).filter(Boolean))];
  if (keys.length === 0) return [];
  const exact = ctx.db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "person"), inArray(nameKeys.key, keys)))
    .limit(2)
    .all()
    .map((r) => r.id);
  if (exact.length) return exact;
  // "Нурпеисов Ж.Т.", as an office's list writes him: the one person on file he can be.
  return [...new Set(names.flatMap((name) => peopleByInitials(ctx.db, name)))].slice(0, 2);
}

/**
 * One row of people: the names (each script in its column, or one name placed by its script as
 * the person form's picker does), and the posts as the export writes them, "Title
 * (Organisation); …". Checked with the person form's schema; a person on file by any spelling is
 * matched and given the posts they do not hold yet, anyone else is added as the form adds them.
 */
function importPersonRow(
  ctx: Context,
  line: number,
  cells: Map<ColumnKey, RawCell>,
  existing: Map<number, Map<ColumnKey, string>>,
): RowReport {
  const { errors, notes, unchanged } = startRow(
    cells,
    existing,
    "imports.errors.noSuchPerson",
    "imports.errors.changedPerson",
  );
  if (unchanged) return { line, ...unchanged };

  const { names, nameColumn } = namesOfRow(ctx, cells);

  const typedPosts = listOf(cells.get("posts")).map(personOf);
  const organisationsIn: Array<OrganisationPlan | null> = [];
  const pending = new Map<string, OrganisationPlan>();
  const postsIn = typedPosts.map(({ name: title, title: organisation }) => {
    let plan: OrganisationPlan | null = null;
    if (!organisation) errors.push({ column: "posts", message: refusal("imports.errors.postOrganisation", { title }) });
    else plan = planOrganisation(ctx, organisation, pending, errors, notes);
    organisationsIn.push(plan);
    const organisationId = plan && "id" in plan && plan.id > 0 ? plan.id : Number.MAX_SAFE_INTEGER;
    return { organisationId, [TITLE_FIELD[ctx.lng]]: title };
  });
  const parsed = PersonSchema.safeParse({ ...names, posts: postsIn }, { errorMap: ctx.errorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      const column = field === "posts" ? "posts" : nameColumn(field.startsWith("name") ? field : "nameKk");
      if (column === "posts" && errors.some((e) => e.column === "posts")) continue;
      errors.push({ column, message: issue.message });
    }
  }
  if (errors.length || !parsed.success) return { line, status: "error", notes, errors };

  const person = parsed.data;
  const spelt = [person.nameKk, person.nameRu, person.nameEn, person.nameNative].filter((n): n is string => !!n);
  const ids = peopleNamed(ctx, spelt);
  if (ids.length > 1) {
    errors.push({ column: nameColumn("nameKk"), message: refusal("form.errors.severalPeopleShort") });
    return { line, status: "error", notes, errors };
  }
  const [onFile] = ids;
  const earlierInFile =
    onFile == null && !ctx.write
      ? spelt.map((name) => ctx.newPeople.get(wholeNameKey(name))).find((name) => name !== undefined)
      : undefined;
  // The organisations new to the file are made first, once, and the posts point to them.
  if (ctx.write)
    person.posts.forEach((post, i) => {
      const plan = organisationsIn[i];
      if (plan) post.organisationId = organisationIdOf(ctx, plan);
    });
  if (onFile != null) {
    notes.unshift({ key: "matchesPerson", name: personName(ctx, onFile) });
    if (ctx.write)
      for (const post of person.posts)
        recordPostHeld(ctx.db, onFile, {
          organisationId: post.organisationId,
          title: { titleKk: post.titleKk ?? null, titleRu: post.titleRu ?? null, titleEn: post.titleEn ?? null },
          on: UNKNOWN_DATE,
        });
  } else if (earlierInFile) {
    // Not "on file" yet: the row above makes them, and this one adds to them.
    notes.unshift({ key: "sameAsRow", name: earlierInFile.name, row: earlierInFile.line });
  } else {
    notes.unshift({ key: "newPerson", name: spelt[0] ?? "" });
    if (!ctx.write) for (const key of keysOfNames(...spelt)) ctx.newPeople.set(key, { name: spelt[0] ?? "", line });
    // Every post's body was found or made above (a row without one stopped there).
    const posts = person.posts.map((post) => ({ ...post, organisationId: post.organisationId ?? 0 }));
    if (ctx.write) insertPerson(ctx.db, { ...person, posts });
  }
  if (!ctx.write)
    for (const plan of organisationsIn)
      if (plan && "create" in plan) for (const key of plan.keys) ctx.newOrganisations.set(key, 0);
  return { line, status: "ready", notes, errors };
}

/**
 * A row naming a record by id: left as it is when it says what the record on file says (as the
 * export writes it), else an error (an import never changes a record on file).
 */
function checkId(
  cells: Map<ColumnKey, RawCell>,
  existing: Map<number, Map<ColumnKey, string>>,
  errors: CellError[],
  noSuch: TranslationKey,
  changed: TranslationKey,
): Pick<RowReport, "status" | "notes" | "errors"> | null {
  const idCell = cells.get("id");
  if (idCell == null || isFormula(idCell)) return null;
  const id = Number(textOf(idCell));
  const onFile = Number.isSafeInteger(id) ? existing.get(id) : undefined;
  if (!onFile) {
    errors.push({ column: "id", message: refusal(noSuch, { id: String(textOf(idCell)) }) });
    return null;
  }
  const same = [...onFile].every(([column, text]) =>
    column === "date"
      ? sameDate(cells.get("date"), text)
      : column === "time"
        ? (timeCell(cells.get("time")) ?? "") === text
        : (textOf(cells.get(column)) ?? "") === text,
  );
  if (same && errors.length === 0) return { status: "unchanged", notes: [{ key: "unchanged" }], errors };
  errors.push({ column: "id", message: refusal(changed, { id: String(id) }) });
  return null;
}

/**
 * A cell naming one of a set of values (a partner's kind, a relation's kind, a step's status) as
 * the export writes it, in any of the three languages, or by its code: undefined when empty,
 * null when it is none of them.
 */
function enumCell<V extends string>(cell: RawCell | undefined, values: readonly V[], label: (t: T, v: V) => string) {
  const text = textOf(cell);
  if (text == null) return undefined;
  const folded = fold(text);
  for (const value of values) {
    if (fold(value) === folded) return value;
    for (const lng of LANGUAGES) if (fold(label(translatorFor(lng), value)) === folded) return value;
  }
  return null;
}

const kindLabel = (t: T, v: (typeof PARTNER_KINDS)[number]) => t(`partner.kinds.${v}`);
const typeLabel = (t: T, v: (typeof RELATION_TYPES)[number]) => t(`relation.types.${v}`);
const statusLabel = (t: T, v: (typeof RELATION_STATUSES)[number]) => t(`relation.statuses.${v}`);

/** A relation's and its step's columns in the partners file; a row with none of them is a partner alone. */
const STEP_COLUMNS = PARTNER_COLUMNS.map((c) => c.key).filter((key) => !PARTNER_OWN_COLUMNS.includes(key));
/** What tells two steps of a relation on file apart, besides their status and date. */
const STEP_DETAILS = ["stepNote", "signatories", "sourceTitle", "sourceUrl", "outlet"];

/** The relation form's and the step form's fields, as the file's columns. */
const RELATION_FIELD_COLUMNS: Record<string, ColumnKey> = {
  type: "relation",
  note: "relationNote",
  status: "status",
  date: "date",
  stepNote: "stepNote",
  signatories: "signatories",
  sourceOutlet: "outlet",
  sourceTitle: "sourceTitle",
  sourceUrl: "sourceUrl",
};

/** The export's lines of a partner on file (one a step), read once per file. */
function linesOnFile(ctx: Context, id: number) {
  let lines = ctx.partnerLines.get(id);
  if (!lines) {
    const partner = getPartner(id, ctx.lng);
    lines = partner ? partnerLines(partner) : [];
    ctx.partnerLines.set(id, lines);
  }
  return lines;
}

/** What the partners a file names by id look like as the export writes them (their own columns). */
function* partnersOnFile(ctx: Context, rows: FileRows["rows"]) {
  const t = translatorFor(ctx.lng);
  const onFile = new Map<number, Map<ColumnKey, string>>();
  let looked = 0;
  for (const { cells } of rows) {
    const id = Number(textOf(cells.get("id")));
    if (!Number.isSafeInteger(id) || id <= 0 || onFile.has(id)) continue;
    if (++looked % 200 === 0) yield;
    const [line] = linesOnFile(ctx, id);
    if (!line) continue;
    const own = exportedCells(PARTNER_COLUMNS, line, t);
    for (const key of own.keys()) if (!PARTNER_OWN_COLUMNS.includes(key)) own.delete(key);
    onFile.set(id, own);
  }
  return onFile;
}

/**
 * One row of partners: a partner (by its ID, or by its name in any script; else a new partner,
 * checked with the partner form's schema) and, when the row has them, one step of one of its
 * relations (the relation by its ID, or by its kind; else a new relation with this step as its
 * first, checked with the relation form's schema; a new step with the step form's). A partner
 * with several steps is repeated on each of their rows. Nothing on file is ever changed: a row
 * that says what is on file is left as it is, one that differs is an error.
 */
function importPartnerRow(
  ctx: Context,
  line: number,
  cells: Map<ColumnKey, RawCell>,
  existing: Map<number, Map<ColumnKey, string>>,
): RowReport {
  const { errors, notes, unchanged } = startRow(
    cells,
    existing,
    "imports.errors.noSuchPartner",
    "imports.errors.changedPartner",
  );
  const t = translatorFor(ctx.lng);
  const error = (column: ColumnKey, message: Refusal | string) => {
    // Said once per column.
    if (!errors.some((e) => e.column === column)) errors.push({ column, message });
  };
  const failed = () => ({ line, status: "error" as const, notes, errors });
  if (errors.some((e) => e.column === "id")) return failed();

  // The partner.
  const { names, nameColumn } = namesOfRow(ctx, cells);
  const spelt = [names.nameKk, names.nameRu, names.nameEn, names.nameNative].filter((n): n is string => !!n);
  const kind = enumCell(cells.get("kind"), PARTNER_KINDS, kindLabel);
  if (kind === null)
    error(
      "kind",
      refusal("imports.errors.partnerKind", { kinds: PARTNER_KINDS.map((k) => kindLabel(t, k)).join(", ") }),
    );
  const countryText = textOf(cells.get("country"));
  const code = countryText ? countryCode(countryText) : undefined;
  if (countryText && !code) error("country", refusal("imports.errors.country"));
  const wikidataId = textOf(cells.get("wikidataId"));

  let onFile: number | null = unchanged ? Number(textOf(cells.get("id"))) : null;
  let earlier: FilePartner | undefined;
  let create: PartnerInput | null = null;
  let partnerName = onFile != null ? (existing.get(onFile)?.get("name") ?? "") : (spelt[0] ?? "");
  if (onFile == null) {
    earlier = spelt.map((n) => ctx.filePartners.get(wholeNameKey(n))).find(Boolean);
    if (earlier) {
      // The partner of an earlier row, by any of its names: the row may leave out what that row
      // said, never say otherwise.
      const differs =
        (kind && earlier.kind && kind !== earlier.kind) ||
        (code && earlier.countryCode && code !== earlier.countryCode) ||
        (wikidataId && earlier.wikidataId && wikidataId !== earlier.wikidataId);
      if (differs) error(nameColumn("nameKk"), refusal("imports.errors.partnerDiffers", { row: String(earlier.line) }));
    } else if (spelt.length) {
      const matches = findNameMatches("partner", names, ctx.lng);
      if (matches.length > 1)
        error(
          nameColumn("nameKk"),
          refusal("imports.errors.severalPartners", { names: matches.map((m) => m.name).join(", ") }),
        );
      else if (matches.length === 1) {
        onFile = matches[0].id;
        partnerName = matches[0].name;
        // Found by name only: a row that says it is of another kind or country, or has another
        // Wikidata id, is about another place of the name (an import never changes one on file).
        const [own] = linesOnFile(ctx, onFile);
        if (
          own &&
          ((kind && kind !== own.kind) ||
            (code && countryName(code, ctx.lng) !== own.country) ||
            (wikidataId && own.wikidataId && wikidataId !== own.wikidataId))
        )
          error(nameColumn("nameKk"), refusal("imports.errors.partnerOnFileDiffers", { name: partnerName }));
      }
    }
    if (onFile == null && !earlier) {
      const parsed = PartnerSchema.safeParse(
        { kind: kind ?? undefined, countryCode: code, ...names, wikidataId },
        { errorMap: ctx.errorMap },
      );
      if (parsed.success) create = parsed.data;
      else
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? "");
          const column =
            field === "countryCode"
              ? "country"
              : field === "kind" || field === "wikidataId"
                ? field
                : nameColumn(field.startsWith("name") ? field : "nameKk");
          if (column === "country" && !countryText) error(column, refusal("imports.errors.countryNeeded"));
          else error(column, issue.message);
        }
    }
  }
  if (onFile != null) notes.push({ key: "matchesPartner", name: partnerName });
  else notes.push({ key: "newPartner", name: partnerName });

  const partnerRef = onFile != null ? `p${onFile}` : `n${earlier?.line ?? line}`;
  const hasStep = STEP_COLUMNS.some((c) => {
    const cell = cells.get(c);
    return cell != null && (isFormula(cell) || textOf(cell) != null);
  });
  if (!hasStep) {
    if (earlier) error(nameColumn("nameKk"), refusal("imports.errors.duplicatePartner", { row: String(earlier.line) }));
    if (errors.length) return failed();
    if (onFile != null) return { line, status: "unchanged", notes: [...notes, { key: "unchanged" }], errors };
    if (create) writePartner(ctx, line, spelt, create);
    return { line, status: "ready", notes, errors };
  }

  // The relation.
  const type = enumCell(cells.get("relation"), RELATION_TYPES, typeLabel);
  if (type === null)
    error(
      "relation",
      refusal("imports.errors.relationType", { types: RELATION_TYPES.map((v) => typeLabel(t, v)).join(", ") }),
    );
  const status = enumCell(cells.get("status"), RELATION_STATUSES, statusLabel);
  // Every step has its status, as on the step form.
  if (status === undefined) error("status", refusal("form.errors.required"));
  if (status === null)
    error(
      "status",
      refusal("imports.errors.stepStatus", { statuses: RELATION_STATUSES.map((v) => statusLabel(t, v)).join(", ") }),
    );
  const date = dateCell(cells.get("date"));
  if (!date) error("date", refusal("imports.errors.date"));
  const relationNote = textOf(cells.get("relationNote"));
  const relationIdText = textOf(cells.get("relationId"));
  const lines = onFile != null ? linesOnFile(ctx, onFile) : [];

  // A relation on file (its lines), one new to the file (its key), or a new one.
  let relationOnFile: PartnerRow[] = [];
  let relationRef: string | null = null;
  if (relationIdText != null) {
    relationOnFile = lines.filter((l) => l.relation && String(l.relation.id) === relationIdText);
    if (!relationOnFile.length) error("relationId", refusal("imports.errors.noSuchRelation", { id: relationIdText }));
  } else if (type) {
    relationRef = `${partnerRef}|${type}`;
    if (!ctx.fileRelations.has(relationRef)) {
      const ids = [...new Set(lines.filter((l) => l.relation?.type === type).map((l) => l.relation!.id))];
      if (ids.length > 1) error("relation", refusal("imports.errors.severalRelations", { ids: ids.join(", ") }));
      else if (ids.length === 1) {
        relationOnFile = lines.filter((l) => l.relation?.id === ids[0]);
        relationRef = null;
      }
    }
  } else if (type === undefined) error("relation", refusal("imports.errors.relationNeeded"));
  const relation = relationOnFile[0]?.relation;
  if (relation && ((type && type !== relation.type) || (relationNote != null && relationNote !== relation.note)))
    error("relationId", refusal("imports.errors.changedRelation", { id: String(relation.id) }));
  if (errors.length || !status || !date) return failed();

  // The step: on file already, given twice in the file, or new.
  const stepKey = `${relation ? `r${relation.id}` : relationRef}|${status}|${JSON.stringify(date)}`;
  const same = relationOnFile
    .filter((l) => l.step?.status === status)
    .map((l) => ({ line: l, cells: exportedCells(PARTNER_COLUMNS, l, t) }))
    .filter((c) => sameDate(cells.get("date"), c.cells.get("date") ?? ""));
  if (same.length) {
    // Signatories are the same people by any spelling; the rest as the export writes them.
    const signatories = listOf(cells.get("signatories")).map((name) => planPerson(ctx.db, { name }));
    const sameSignatories = (l: PartnerRow) =>
      signatories.length === l.step!.signatories.length &&
      signatories.every((plan, i) => "id" in plan && plan.id === l.step!.signatories[i].id);
    if (
      same.some(
        (c) =>
          sameSignatories(c.line) &&
          STEP_DETAILS.every((k) => k === "signatories" || (textOf(cells.get(k)) ?? "") === c.cells.get(k)),
      )
    )
      return { line, status: "unchanged", notes: [...notes, { key: "unchanged" }], errors };
    error("date", refusal("imports.errors.changedStep", { id: String(relation?.id) }));
    return failed();
  }
  const twice = ctx.fileSteps.get(stepKey);
  if (twice != null) {
    error("date", refusal("imports.errors.duplicateStep", { row: String(twice) }));
    return failed();
  }

  const step = {
    status,
    date,
    signatories: listOf(cells.get("signatories")).map((name) => ({ name })),
    sourceOutlet: textOf(cells.get("outlet")),
    sourceTitle: textOf(cells.get("sourceTitle")),
    sourceUrl: textOf(cells.get("sourceUrl")),
  };
  const newRelation = !relation && (relationRef == null || !ctx.fileRelations.has(relationRef));
  const parsed = newRelation
    ? RelationSchema.safeParse(
        { ...step, type, note: relationNote, stepNote: textOf(cells.get("stepNote")) },
        { errorMap: ctx.errorMap },
      )
    : RelationStepSchema.safeParse({ ...step, note: textOf(cells.get("stepNote")) }, { errorMap: ctx.errorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      error(
        field === "note" && !newRelation ? "stepNote" : (RELATION_FIELD_COLUMNS[field] ?? "relation"),
        issue.message,
      );
    }
    return failed();
  }
  const planned = planSignatories(ctx.db, parsed.data);
  for (const list of Object.values(planned.errors)) for (const r of list) error("signatories", r);
  if (errors.length) return failed();

  const when = `${statusLabel(t, status)}, ${textOf(cells.get("date")) ?? t("imports.unknownDate")}`;
  if (newRelation) notes.push({ key: "newRelation", name: typeLabel(t, type!) });
  notes.push({ key: "newStep", name: when });
  parsed.data.signatories.forEach((s, i) => {
    const plan = planned.plans[i];
    notes.push(
      plan && "id" in plan
        ? { key: "matchesPerson", name: personName(ctx, plan.id) }
        : { key: "newPerson", name: s.name ?? "" },
    );
  });

  ctx.fileSteps.set(stepKey, line);
  if (!ctx.write) {
    if (create) rememberPartner(ctx, line, spelt, create, 0);
    if (newRelation && relationRef) ctx.fileRelations.set(relationRef, 0);
    return { line, status: "ready", notes, errors };
  }
  const partnerId = onFile ?? earlier?.id ?? writePartner(ctx, line, spelt, create!);
  if (newRelation) {
    const id = insertRelation(ctx.db, partnerId, parsed.data as RelationInput, planned.plans, ctx.lng);
    if (relationRef) ctx.fileRelations.set(relationRef, id);
  } else {
    const relationId = relation?.id ?? ctx.fileRelations.get(relationRef!)!;
    writeRelationStep(ctx.db, relationId, undefined, parsed.data as RelationStepInput, planned.plans, ctx.lng);
  }
  return { line, status: "ready", notes, errors };
}

/** A partner new to the file, under each of its names, for the rows after it. */
function rememberPartner(ctx: Context, line: number, spelt: string[], partner: PartnerInput, id: number) {
  for (const name of spelt)
    ctx.filePartners.set(wholeNameKey(name), {
      line,
      id,
      kind: partner.kind,
      countryCode: partner.countryCode,
      wikidataId: partner.wikidataId,
    });
}

/** Adds a partner new to the file (nothing in the preview) and remembers it; its id. */
function writePartner(ctx: Context, line: number, spelt: string[], partner: PartnerInput) {
  const id = ctx.write ? insertPartner(ctx.db, partner) : 0;
  rememberPartner(ctx, line, spelt, partner, id);
  return id;
}

/** What the people a file names by id look like as the export writes them, in the file's language. */
function* peopleOnFile(rows: FileRows["rows"], lng: Language) {
  const ids = [
    ...new Set(rows.map((r) => Number(textOf(r.cells.get("id")))).filter((n) => Number.isSafeInteger(n) && n > 0)),
  ];
  const t = translatorFor(lng);
  const onFile = new Map<number, Map<ColumnKey, string>>();
  for (let i = 0; i < ids.length; i += 500) {
    const page = listPeople({ lng, page: 1, pageSize: 500, ids: ids.slice(i, i + 500) });
    for (const row of page.items) onFile.set(row.id, exportedCells(PERSON_COLUMNS, row, t));
    yield;
  }
  return onFile;
}

function sameDate(cell: RawCell | undefined, exported: string) {
  const a = dateCell(cell);
  const b = dateCell(exported || undefined);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** A record's cells as its export writes them, by column (its id left out). */
function exportedCells<Row>(columns: Array<Column<Row>>, row: Row, t: ReturnType<typeof translatorFor>) {
  const cells = new Map<ColumnKey, string>();
  for (const column of columns) {
    if (column.key === "id") continue;
    const cell: Cell = column.cell(row, t);
    cells.set(column.key, cell == null ? "" : String(cell));
  }
  return cells;
}

/** What the meetings a file names by id look like as the export writes them, in the file's language. */
function* meetingsOnFile(rows: FileRows["rows"], lng: Language) {
  const ids = [
    ...new Set(rows.map((r) => Number(textOf(r.cells.get("id")))).filter((n) => Number.isSafeInteger(n) && n > 0)),
  ];
  const t = translatorFor(lng);
  const onFile = new Map<number, Map<ColumnKey, string>>();
  // 250 a page, with their participants, topics and sources: some 50 ms, what a preview holds the process for.
  for (let i = 0; i < ids.length; i += 250) {
    const page = listMeetings({ lng, page: 1, pageSize: 250, filter: { ids: ids.slice(i, i + 250) } });
    for (const row of withExportDetails(page.items, lng)) onFile.set(row.id, exportedCells(MEETING_COLUMNS, row, t));
    yield;
  }
  return onFile;
}

export type ImportPreview = {
  kind: ImportKind;
  lng: Language;
  rows: number;
  ready: number;
  errors: number;
  unchanged: number;
  // The first rows, and every row with an error (up to a bound): what the page shows.
  shown: RowReport[];
};

class Rollback extends Error {}

/**
 * What checks (and, with `write`, imports) one row of the file after another, sharing what the
 * rows before it planned (a partner or person new to the file is made once). What the file's ids
 * name on file is read first, a page at a time: the generator pauses after each page (the
 * preview answers others there) and returns the row checker.
 */
function* rowRunner(
  db: Db,
  file: FileRows,
  errorMap: z.ZodErrorMap,
  write: boolean,
): Generator<void, (row: FileRow) => RowReport> {
  const ctx: Context = {
    db,
    lng: file.lng,
    errorMap,
    write,
    newPartners: new Map(),
    personNames: new Map(),
    people: new Map(),
    partnersOnFile: new Map(),
    filePartners: new Map(),
    fileRelations: new Map(),
    fileSteps: new Map(),
    partnerLines: new Map(),
    newOrganisations: new Map(),
    fileMeetings: new Map(),
    newPeople: new Map(),
  };
  // A row is checked whole before anything of it is written; a write that still fails throws,
  // and the whole transaction (every row) is rolled back.
  if (file.kind === "people") {
    const existing = yield* peopleOnFile(file.rows, file.lng);
    return ({ line, cells }) => oneErrorAFormula(importPersonRow(ctx, line, cells, existing));
  }
  if (file.kind === "partners") {
    const existing = yield* partnersOnFile(ctx, file.rows);
    return ({ line, cells }) => oneErrorAFormula(importPartnerRow(ctx, line, cells, existing));
  }
  const existing = yield* meetingsOnFile(file.rows, file.lng);
  return ({ line, cells }) => oneErrorAFormula(importRow(ctx, line, cells, existing));
}

/**
 * A cell holding a formula says only that: what the formula stands in for ("not a date", "a
 * partner is required") is its consequence, not a second thing to fix.
 */
function oneErrorAFormula(report: RowReport): RowReport {
  const isFormulaError = (e: CellError) => typeof e.message !== "string" && e.message.key === "imports.errors.formula";
  const formulas = new Set(report.errors.filter(isFormulaError).map((e) => e.column));
  if (formulas.size === 0) return report;
  const errors = report.errors.filter((e) => !formulas.has(e.column) || isFormulaError(e));
  return { ...report, errors };
}

function summarise({ kind, lng }: FileRows, reports: RowReport[]): ImportPreview {
  const count = (status: RowReport["status"]) => reports.filter((r) => r.status === status).length;
  const errorRows = reports.filter((r) => r.status === "error");
  const first = reports.slice(0, PREVIEW_ROWS);
  const shown = [...first, ...errorRows.filter((r) => r.line > (first.at(-1)?.line ?? 0)).slice(0, PREVIEW_ERRORS)];
  return {
    kind,
    lng,
    rows: reports.length,
    ready: count("ready"),
    errors: count("error"),
    unchanged: count("unchanged"),
    shown,
  };
}

/** How long a preview checks rows, or an import writes them, before the process answers others. */
const TURN_MS = 25;

/** The row checker, once what the file's ids name is read, `between` awaited after each page of it. */
async function rowRunnerBetween(reading: ReturnType<typeof rowRunner>, between: () => Promise<void>) {
  let step = reading.next();
  for (; !step.done; step = reading.next()) await between();
  return step.value;
}

/**
 * `each` item's result, TURN_MS of items a turn, `between` awaited between turns; `inTurn` runs
 * each turn's work (the preview's, in a transaction it rolls back).
 */
async function mapInTurns<T, R>(
  items: readonly T[],
  each: (item: T) => R,
  between: () => Promise<void>,
  inTurn: (turn: () => void) => void = (turn) => turn(),
) {
  const results: R[] = [];
  while (results.length < items.length) {
    inTurn(() => {
      const until = performance.now() + TURN_MS;
      do results.push(each(items[results.length]));
      while (results.length < items.length && performance.now() < until);
    });
    if (results.length < items.length) await between();
  }
  return results;
}

/**
 * What importing the file would do, row by row, and nothing written: each row is checked and
 * matched as the import does it. A file of thousands of rows takes seconds to check, and this
 * process serves everyone: what the file's ids name is read a page at a time, the rows are
 * checked a turn at a time (TURN_MS), each turn in a read transaction of its own, rolled
 * back, and the other requests are answered between them (with no transaction open, so their
 * saves are their own). A row checked in a later turn can so see what someone saved meanwhile;
 * the import checks every row again as it writes. A person new to the file is new on each of its
 * rows here; the import makes them once and links the later rows.
 */
export async function previewImport(file: FileRows, errorMap: z.ZodErrorMap): Promise<ImportPreview> {
  const db = getDb();
  const check = await rowRunnerBetween(rowRunner(db, file, errorMap, false), nextTurn);
  const reports = await mapInTurns(file.rows, check, nextTurn, (turn) => {
    try {
      db.transaction(
        () => {
          turn();
          // Nothing was written; ending it so makes sure nothing is.
          throw new Rollback();
        },
        { behavior: "deferred" },
      );
    } catch (error) {
      if (!(error instanceof Rollback)) throw error;
    }
  });
  return summarise(file, reports);
}

/**
 * Imports the rows without errors, all in one transaction, recorded as one import. Rows with
 * errors are left out, as the preview said; if any write fails, nothing is written. A large file
 * is written a turn at a time (TURN_MS), the transaction open between turns, the process
 * answering others meanwhile: their actions wait for it to end (db/long-write.ts).
 */
export async function commitImport(file: FileRows, fileName: string, errorMap: z.ZodErrorMap, actor: Actor) {
  let historyFrom = 0;
  let reports: RowReport[] = [];
  let importId = 0;
  await writeInTurns(
    getDb(),
    actor,
    async (tx, turn) => {
      historyFrom =
        (tx
          .select({ id: sql<number>`coalesce(max(${history.id}), 0)` })
          .from(history)
          .get()?.id ?? 0) + 1;
      const write = await rowRunnerBetween(rowRunner(tx, file, errorMap, true), turn);
      reports = await mapInTurns(file.rows, write, turn);
    },
    {
      afterHistory: (tx) => {
        const ready = reports.filter((r) => r.status === "ready").length;
        const historyTo =
          tx
            .select({ id: sql<number>`coalesce(max(${history.id}), 0)` })
            .from(history)
            .get()?.id ?? 0;
        importId = tx
          .insert(imports)
          .values({ kind: file.kind, fileName, rowCount: ready, userId: actor.userId, historyFrom, historyTo })
          .returning({ id: imports.id })
          .get().id;
      },
    },
  );
  return { id: importId, ...summarise(file, reports) };
}

/** Imports, newest first, a page of them. */
export function listImports({ page = 1, pageSize = 20 }: { page?: number; pageSize?: number } = {}) {
  const db = getDb();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(imports)
      .get()?.n ?? 0;
  const items = db
    .select({
      id: imports.id,
      kind: imports.kind,
      fileName: imports.fileName,
      rowCount: imports.rowCount,
      at: imports.at,
      undoneAt: imports.undoneAt,
      who: users.name,
    })
    .from(imports)
    .leftJoin(users, eq(users.id, imports.userId))
    .orderBy(desc(imports.id))
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return pageOf(items, total, page, pageSize);
}

// Records are deleted children first: what refers to a record goes before it.
const UNDO_ORDER: AuditedRecordType[] = [
  "initiative",
  "meeting",
  "delegation",
  "relation",
  "person",
  "organisation",
  "partner",
];

export type UndoResult = { ok: true; fileName: string } | { ok: false; refusal: Refusal };

/**
 * Undoes an import as a whole, in one transaction recorded in the history: what it created is
 * deleted (into the bin), what it added to records already on file (a post) is taken back.
 * Refused while any of its records has been changed since. An import of thousands of rows is
 * undone a turn at a time (TURN_MS), as it was written (writeInTurns).
 */
export async function undoImport(id: number, actor: Actor): Promise<UndoResult> {
  try {
    return await writeInTurns(getDb(), actor, (db, turn) => undoIn(db, id, actor, turn));
  } catch (error) {
    // A record it made is now referred to by one made since (a person at a later meeting):
    // deleting it fails, and the transaction takes back everything it had undone. SQLite names
    // the failure by its message: its code is SQLITE_CONSTRAINT_TRIGGER when the delete fires
    // a trigger (every audited table's history mark does).
    if (error instanceof Error && /FOREIGN KEY constraint failed/.test(error.message))
      return { ok: false, refusal: refusal("imports.errors.undoUsed") };
    throw error;
  }
}

type ImportedRecord = { type: AuditedRecordType; id: number; first: number; created: boolean };

async function undoIn(db: Db, id: number, actor: Actor, turn: () => Promise<void>): Promise<UndoResult> {
  const row = db.select().from(imports).where(eq(imports.id, id)).get();
  if (!row) return { ok: false, refusal: refusal("form.errors.notFound") };
  if (row.undoneAt) return { ok: false, refusal: refusal("imports.errors.undoAlready") };
  const entries = db
    .select({ id: history.id, action: history.action, type: history.recordType, recordId: history.recordId })
    .from(history)
    .where(and(gte(history.id, row.historyFrom), lte(history.id, row.historyTo)))
    .orderBy(history.id)
    .all();
  const sqlite = db.$client;
  const records = new Map<string, ImportedRecord>();
  for (const e of entries) {
    const key = `${e.type}:${e.recordId}`;
    if (!records.has(key))
      records.set(key, { type: e.type, id: e.recordId, first: e.id, created: e.action === "create" });
  }
  const all = [...records.values()];
  const editedSince = await mapInTurns(all, (r) => latestEntryId(sqlite, r.type, r.id) > row.historyTo, turn);
  const changed = all.filter((_, i) => editedSince[i]);
  if (changed.length)
    return {
      ok: false,
      refusal: refusal("imports.errors.undoEdited", {
        records: changed
          .map((r) => `${r.type} ${r.id}`)
          .slice(0, 5)
          .join(", "),
      }),
    };
  for (const type of UNDO_ORDER)
    await mapInTurns(
      all.filter((r) => r.type === type),
      (r) => undoRecord(db, r),
      turn,
    );
  db.update(imports)
    .set({ undoneAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`, undoneBy: actor.userId })
    .where(eq(imports.id, id))
    .run();
  return { ok: true, fileName: row.fileName };
}

/** A record the import made is deleted; one it changed goes back to what it was just before. */
function undoRecord(db: Db, r: ImportedRecord) {
  if (r.created) return deleteCreated(db, r.type, r.id);
  const before = db
    .select({ id: history.id })
    .from(history)
    .where(and(eq(history.recordType, r.type), eq(history.recordId, r.id), sql`${history.id} < ${r.first}`))
    .orderBy(desc(history.id))
    .limit(1)
    .get();
  if (before) revertRecord(db.$client, r.type, r.id, before.id);
}

function deleteCreated(db: Db, type: AuditedRecordType, id: number) {
  switch (type) {
    case "meeting":
      removeMeeting(db, id);
      return;
    case "initiative":
      db.delete(initiativeSteps).where(eq(initiativeSteps.initiativeId, id)).run();
      db.delete(initiatives).where(eq(initiatives.id, id)).run();
      removeFromSearch(db, "initiative", id);
      return;
    case "person":
      db.delete(people).where(eq(people.id, id)).run();
      return;
    case "partner":
      db.delete(partners).where(eq(partners.id, id)).run();
      return;
    case "relation":
      // Its steps and their signatories go with it, as when the relation form deletes it.
      db.delete(relations).where(eq(relations.id, id)).run();
      return;
    case "organisation":
      db.delete(organisations).where(eq(organisations.id, id)).run();
      return;
    default:
      // No import makes delegations.
      return;
  }
}
