/**
 * Issue 16.1: the backup an administrator downloads is everything a restore needs: a ZIP of the
 * database, the document files it names and a manifest of their SHA-256, private, admin only.
 */
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import JSZip from "jszip";
import { expect, test } from "vitest";
import { backupFilesDir, backupsDir, restoreBackup, takeBackup } from "~db/backup";
import { filesDirOf } from "~db/files";
import { loader } from "~/routes/admin.backups.$name";
import { loader as listLoader } from "~/routes/admin.backups._index";
import type { BackupManifest } from "~/backups.server";
import { translatorFor } from "~/i18n/i18n.server";
import { cookieFor } from "./support/accounts";
import { aDocumentId, aPdf, PNG } from "./support/documents";
import { aMeeting } from "./support/factories";
import { temporaryDirectory } from "./support/temporary-directory";

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

async function download(name: string, role: "admin" | "editor" = "admin") {
  const request = new Request(`http://localhost/admin/backups/${name}`, { headers: { Cookie: await cookieFor(role) } });
  return loader({ request, params: { name }, context: {} }).catch((thrown: unknown) => thrown as Response);
}

test("the download is a ZIP of the database and every document, their hashes in its manifest, and it restores", async () => {
  const meetingId = aMeeting({ purpose: "Signed in the backup" });
  const documents = [aPdf("backup one"), aPdf("backup two"), PNG];
  for (const [i, bytes] of documents.entries()) await aDocumentId("meeting", meetingId, bytes, `doc-${i}`);
  const backup = await takeBackup(process.env.DATABASE_PATH!);

  const response = await download(backup.name);
  expect(response.status).toBe(200);
  expect(response.headers.get("Content-Type")).toBe("application/zip");
  expect(response.headers.get("Cache-Control")).toBe("private, no-store");
  expect(response.headers.get("Content-Disposition")).toBe(
    `attachment; filename="${backup.name.replace(/\.db$/, ".zip")}"`,
  );
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));

  const manifest = JSON.parse(await zip.file("manifest.json")!.async("string")) as BackupManifest;
  const database = Buffer.from(await zip.file(backup.name)!.async("uint8array"));
  expect(database).toEqual(fs.readFileSync(backup.file));
  expect(manifest.database).toEqual({ name: backup.name, size: database.length, sha256: sha256(database) });
  // Every document of the backup is in it, under its hash, and hashes to it.
  const named = new Database(backup.file, { readonly: true });
  const hashes = named.prepare("select distinct sha256 from documents").pluck().all() as string[];
  named.close();
  for (const bytes of documents) expect(hashes).toContain(sha256(bytes));
  expect(manifest.files.map((f) => f.sha256).sort()).toEqual(expect.arrayContaining(hashes.sort()));
  for (const entry of manifest.files) {
    const bytes = await zip.file(entry.name)!.async("uint8array");
    expect(entry.name).toBe(`files/${entry.sha256}`);
    expect(sha256(bytes)).toBe(entry.sha256);
    expect(bytes.length).toBe(entry.size);
  }

  // Unzipped anywhere, it is a backup `npm run restore` takes, documents and all.
  const folder = temporaryDirectory("unzipped");
  for (const [name, entry] of Object.entries(zip.files)) {
    if (entry.dir) continue;
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), await entry.async("uint8array"));
  }
  const target = path.join(temporaryDirectory("restored"), "kezdesu.db");
  restoreBackup(target, path.join(folder, backup.name));
  for (const bytes of documents)
    expect(fs.readFileSync(path.join(filesDirOf(target), sha256(bytes)))).toEqual(Buffer.from(bytes));
  const restored = new Database(target, { readonly: true });
  expect(restored.prepare("select count(*) from meetings where purpose = 'Signed in the backup'").pluck().get()).toBe(
    1,
  );
  restored.close();
}, 30_000);

test("a backup whose document file was altered is not handed out as if whole", async () => {
  const meetingId = aMeeting({ purpose: "To spoil" });
  const bytes = aPdf("spoiled in the backup");
  await aDocumentId("meeting", meetingId, bytes, "spoil.pdf");
  const backup = await takeBackup(process.env.DATABASE_PATH!, { now: new Date(Date.now() + 60_000) });
  const stored = path.join(backupFilesDir(backup.file), sha256(bytes));
  fs.appendFileSync(stored, "altered");
  try {
    const refused = await download(backup.name);
    expect(refused.status).toBe(302);
    expect(refused.headers.get("Location")).toBe("/admin/backups");
    expect(refused.headers.get("Content-Type")).not.toBe("application/zip");
  } finally {
    fs.rmSync(stored);
  }
});

test("only administrators get it; a name the list does not hold is a 404", async () => {
  const backup = await takeBackup(process.env.DATABASE_PATH!, { now: new Date(Date.now() + 120_000) });
  expect((await download(backup.name, "editor")).status).toBe(403);
  expect((await download("../kezdesu.db")).status).toBe(404);
});

test("the list gives each backup's size in megabytes, written as the reader's language writes numbers", async () => {
  const backup = await takeBackup(process.env.DATABASE_PATH!);
  const request = new Request("http://localhost/admin/backups", {
    headers: { Cookie: await cookieFor("admin"), "Accept-Language": "kk" },
  });
  const listed = (await listLoader({ request, params: {}, context: {} })).backups.find((b) => b.name === backup.name);
  const bytes = fs.statSync(path.join(backupsDir(process.env.DATABASE_PATH!), backup.name)).size;
  expect(listed?.megabytes).toBe(Math.round(bytes / 1e5) / 10);
  expect(translatorFor("kk")("admin.backups.size", { size: 1234.5 })).toBe("1\u00a0234,5 МБ");
  expect(translatorFor("ru")("admin.backups.size", { size: 0.3 })).toBe("0,3 МБ");
  expect(translatorFor("en")("admin.backups.size", { size: 1234.5 })).toBe("1,234.5 MB");
});
