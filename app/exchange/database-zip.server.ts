/**
 * The whole database as one ZIP for administrators (issue 16.2): a CSV per table (UTF-8 with a
 * BOM, RFC 4180, cells a spreadsheet would run neutralised as in every export) and the
 * documents' files under files/<sha256> (documents.csv names them). Streamed: each table is
 * read row by row from its own read-only connection, inside one read transaction (every table
 * the same moment of the file), and each file from disk, as the client takes the bytes.
 *
 * Never exported: password hashes, invitation and calendar-feed token hashes, sessions, failed
 * sign-ins, and what is rebuilt from the records (search index, name keys, pending marks).
 */
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import archiver from "archiver";
import Database from "better-sqlite3";
import { filesDirOf, neededHashes } from "~db/files";
import { neutralise } from "./export.server";

const LEFT_OUT_TABLES = new Set(["sessions", "sign_in_failures", "pending_changes", "search_rows", "name_keys"]);
const isLeftOutTable = (name: string) =>
  LEFT_OUT_TABLES.has(name) || name.startsWith("search_text") || name.startsWith("sqlite_") || name.startsWith("__");
/** Secrets, or what stands for them (their hashes): never in an export. */
const SECRET_COLUMN = /password|token|secret/i;

const csvField = (value: unknown) => {
  const text = value == null ? "" : String(neutralise(typeof value === "string" ? value : String(value)));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function exportedTables(sqlite: Database.Database) {
  const tables = sqlite
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
    .pluck()
    .all() as string[];
  return tables
    .filter((name) => !isLeftOutTable(name))
    .map((name) => ({
      name,
      columns: (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).filter(
        (column) => !SECRET_COLUMN.test(column),
      ),
    }));
}

function* tableCsv(sqlite: Database.Database, table: string, columns: string[]) {
  yield `\uFEFF${columns.map(csvField).join(",")}\r\n`;
  const rows = sqlite
    .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(", ")} FROM "${table}" ORDER BY rowid`)
    .raw()
    .iterate() as Iterable<unknown[]>;
  let chunk = "";
  for (const row of rows) {
    chunk += `${row.map(csvField).join(",")}\r\n`;
    if (chunk.length > 64 * 1024) {
      yield chunk;
      chunk = "";
    }
  }
  if (chunk) yield chunk;
}

/** The ZIP as a stream; the read connection closes when it ends, fails or is abandoned. */
export function databaseZip(databasePath: string) {
  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true });
  sqlite.pragma("busy_timeout = 5000");
  sqlite.exec("BEGIN");
  const archive = archiver("zip", { zlib: { level: 1 } });
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    sqlite.close();
  };
  archive.on("end", close);
  archive.on("close", close);
  archive.on("error", close);
  try {
    for (const { name, columns } of exportedTables(sqlite))
      archive.append(Readable.from(tableCsv(sqlite, name, columns)), { name: `tables/${name}.csv` });
    const dir = filesDirOf(databasePath);
    for (const hash of [...neededHashes(sqlite)].sort()) {
      const file = path.join(dir, hash);
      if (fs.existsSync(file)) archive.file(file, { name: `files/${hash}` });
    }
  } catch (error) {
    close();
    throw error;
  }
  void archive.finalize().catch(() => close());
  return archive;
}
