/** `npm run restore FILE`: puts a verified backup in place of the database; refuses while the server runs. */
import { restoreBackup } from "~db/backup";

const database = process.env.DATABASE_PATH || "./data/kezdesu.db";
const backup = process.argv[2];
if (!backup) {
  console.error("Usage: npm run restore -- data/backups/kezdesu-<time>.db");
  process.exit(2);
}
try {
  const { kept } = restoreBackup(database, backup);
  console.log(`Restored ${backup} into ${database}.${kept ? ` The database it replaced is kept as ${kept}.` : ""}`);
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
