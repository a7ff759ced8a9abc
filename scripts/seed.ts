/** `npm run db:seed`: loads the demo history into an empty database; never touches one with data. */
import { openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import { seedDemoData } from "~/models/demo-data.server";

const file = process.env.DATABASE_PATH || "./data/kezdesu.db";
const db = openDatabase(file);
try {
  migrateDatabase(db);
  const { loaded } = seedDemoData(db);
  console.log(
    loaded
      ? `Loaded the demo history into ${file}`
      : `${file} already holds data: the demo history was not loaded (it never touches a database with data).`,
  );
} finally {
  db.$client.close();
}
