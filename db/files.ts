/**
 * The attached documents' files: `<folder of the database>/files/<sha256>`, private as the
 * database (folder 0700, files 0600), one copy of a content however often it is attached. A
 * file is needed while a row of `documents` or any history entry of a document names its hash
 * (a deleted document in the bin, an earlier version): only files no row and no entry names
 * may go (`removeUnneededFiles`, run by the hourly housekeeping).
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type Database from "better-sqlite3";

export const SHA256 = /^[0-9a-f]{64}$/;

export const filesDirOf = (databasePath: string) => path.join(path.dirname(path.resolve(databasePath)), "files");

/** Makes the folder (0700) if missing, and makes it private if another tool made it. */
export function ensureFilesDir(dir: string) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  if ((fs.statSync(dir).mode & 0o077) !== 0) fs.chmodSync(dir, 0o700);
  return dir;
}

/** Every hash a document row or a document's history entry names: the files that must be kept. */
export function neededHashes(sqlite: Database.Database): Set<string> {
  const hasTable = sqlite.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'documents'").get();
  if (!hasTable) return new Set();
  const hashes = sqlite
    .prepare(
      `SELECT sha256 FROM documents
       UNION SELECT json_extract(before, '$.row.sha256') FROM history WHERE record_type = 'document'
       UNION SELECT json_extract(after, '$.row.sha256') FROM history WHERE record_type = 'document'`,
    )
    .pluck()
    .all() as Array<string | null>;
  return new Set(hashes.filter((hash): hash is string => typeof hash === "string" && SHA256.test(hash)));
}

/** The SHA-256 of a file, read as a stream (a document may be tens of megabytes). */
export async function hashFile(file: string) {
  const hash = crypto.createHash("sha256");
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest("hex");
}

/** The same, read in chunks without leaving the thread: for the backup and restore scripts. */
export function hashFileSync(file: string) {
  const hash = crypto.createHash("sha256");
  const buffer = Buffer.alloc(1024 * 1024);
  const fd = fs.openSync(file, "r");
  try {
    for (let read: number; (read = fs.readSync(fd, buffer, 0, buffer.length, null)) > 0;)
      hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest("hex");
}

/** Copies a file in as `target` whole or not at all: 0600, flushed, then renamed into place. */
export function copyInto(source: string, target: string) {
  const partial = `${target}.partial`;
  fs.copyFileSync(source, partial);
  fs.chmodSync(partial, 0o600);
  fsyncPath(partial);
  fs.renameSync(partial, target);
}

export function fsyncPath(target: string) {
  const fd = fs.openSync(target, "r");
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** A temporary file's name in the files folder: never a hash, so never taken for a document. */
export const TEMPORARY = /^\.upload-[0-9a-f]{32}$/;
export const temporaryName = () => `.upload-${crypto.randomBytes(16).toString("hex")}`;

/**
 * Removes the files no row and no history entry needs, and uploads abandoned half-way (a
 * process killed mid-upload), once they are older than `graceMs`: a file just put in place
 * by an upload whose row is not committed yet is younger than that.
 */
export function removeUnneededFiles(sqlite: Database.Database, dir: string, now = Date.now(), graceMs = 3_600_000) {
  if (!fs.existsSync(dir)) return 0;
  const needed = neededHashes(sqlite);
  let removed = 0;
  for (const name of fs.readdirSync(dir)) {
    if (!(SHA256.test(name) && !needed.has(name)) && !TEMPORARY.test(name)) continue;
    const file = path.join(dir, name);
    if (now - fs.statSync(file).mtimeMs < graceMs) continue;
    fs.rmSync(file, { force: true });
    removed++;
  }
  return removed;
}
