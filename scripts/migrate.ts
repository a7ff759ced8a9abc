/** `npm run db:migrate`: applies the committed migrations (the server also does at start-up). */
import { openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";

const file = process.env.DATABASE_PATH || "./data/kezdesu.db";
const db = openDatabase(file);
try {
  migrateDatabase(db);
  console.log(`${file} is up to date with the migrations`);
} finally {
  db.$client.close();
}
