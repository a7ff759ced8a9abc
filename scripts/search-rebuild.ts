/** `npm run search:rebuild`: rebuilds the name keys and the full-text index from the records. */
import { sql } from "drizzle-orm";
import { openDatabase } from "~db/client";
import { migrateDatabase, writeTransaction } from "~/models/writes.server";
import { SYSTEM } from "~db/history";
import { backfillNameKeys } from "~db/name-keys";
import { rebuildSearchText } from "~/models/search-index.server";

const file = process.env.DATABASE_PATH || "./data/kezdesu.db";
const db = openDatabase(file);
try {
  migrateDatabase(db);
  const counts = writeTransaction(db, SYSTEM, (tx) => {
    tx.run(sql`delete from name_keys`);
    return { names: backfillNameKeys(tx), texts: rebuildSearchText(tx) };
  });
  console.log(
    `Rebuilt the search index of ${file}: ${counts.names} named records, ${counts.texts} meetings and initiatives`,
  );
} finally {
  db.$client.close();
}
