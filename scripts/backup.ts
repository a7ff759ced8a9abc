/**
 * `npm run backup`: a verified online backup into data/backups/, with the document files it
 * names in data/backups/files/, keeping the last BACKUP_KEEP (7).
 */
import { takeBackup } from "~db/backup";

const database = process.env.DATABASE_PATH || "./data/kezdesu.db";
const keep = Number(process.env.BACKUP_KEEP ?? 7);
const result = await takeBackup(database, { keep });
const rows = Object.values(result.counts).reduce((a, b) => a + b, 0);
console.log(
  `Backed up ${database} to ${result.file} (${(result.size / 1e6).toFixed(1)} MB, ${rows} rows, ${result.files} document files, verified)`,
);
if (result.removed.length) console.log(`Removed older backups: ${result.removed.join(", ")}`);
