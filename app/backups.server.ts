// The backup functions, for routes: a .server module, so they never reach the browser bundle.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import archiver from "archiver";
import Database from "better-sqlite3";
import { backupFilesDir, BackupVerificationError } from "~db/backup";
import { neededHashes } from "~db/files";

export { listBackups, takeBackup } from "~db/backup";

/** A file's SHA-256, read as a stream (never whole into memory, never blocking the server). */
async function sha256Of(file: string) {
  const hash = crypto.createHash("sha256");
  await pipeline(fs.createReadStream(file), hash);
  return hash.digest("hex");
}

export type BackupManifest = {
  format: "kezdesu-backup/1";
  database: { name: string; size: number; sha256: string };
  files: Array<{ name: string; size: number; sha256: string }>;
  restore: string;
};

/**
 * A backup as the administrator downloads it: everything a restore needs, in one ZIP laid out as
 * `npm run backup` leaves it on disk, so that unzipping it anywhere and running
 * `npm run restore -- <folder>/<name>.db` restores it: the database (`<name>.db`), the document
 * files it names (`files/<sha256>`, the same as data/backups/files/) and `manifest.json` with
 * every entry's size and SHA-256. Every file is hashed (streamed) before the answer starts: a
 * missing or altered document file refuses the download (BackupVerificationError), as it
 * refuses a restore. The ZIP is then streamed from disk as the client takes it.
 */
export async function backupArchive(backup: { name: string; file: string }) {
  const copy = new Database(backup.file, { readonly: true, fileMustExist: true });
  let hashes: string[];
  try {
    hashes = [...neededHashes(copy)].sort();
  } finally {
    copy.close();
  }
  const dir = backupFilesDir(backup.file);
  const files: BackupManifest["files"] = [];
  for (const hash of hashes) {
    const file = path.join(dir, hash);
    if (!fs.existsSync(file)) throw new BackupVerificationError(`the document file ${hash} is missing from ${dir}`);
    if ((await sha256Of(file)) !== hash)
      throw new BackupVerificationError(`the document file ${file} does not match its SHA-256: it was altered`);
    files.push({ name: `files/${hash}`, size: fs.statSync(file).size, sha256: hash });
  }
  const manifest: BackupManifest = {
    format: "kezdesu-backup/1",
    database: { name: backup.name, size: fs.statSync(backup.file).size, sha256: await sha256Of(backup.file) },
    files,
    restore: `Unzip into a folder, stop the server, then: npm run restore -- <folder>/${backup.name}`,
  };
  const archive = archiver("zip", { zlib: { level: 1 } });
  archive.append(`${JSON.stringify(manifest, null, 2)}\n`, { name: "manifest.json" });
  archive.file(backup.file, { name: backup.name });
  for (const entry of files) archive.file(path.join(dir, entry.sha256), { name: entry.name });
  void archive.finalize().catch(() => undefined);
  return { archive, manifest };
}
