/**
 * The third e2e server's database (playwright.config.ts): more partners than a form's select
 * offers (SELECT_LIMIT), so its forms ask for a partner by name. Run before that server starts,
 * on the file it is given in DATABASE_PATH.
 */
import { openDatabase } from "~db/client";
import { SYSTEM } from "~db/history";
import { ensureHomeCity } from "~db/home";
import { migrateDatabase, writeTransaction } from "~/models/writes.server";
import { insertPartner } from "~/models/partners/write.server";
import { SELECT_LIMIT } from "~/models/record-refs.server";

const db = openDatabase(process.env.DATABASE_PATH!);
migrateDatabase(db);
writeTransaction(db, SYSTEM, (tx) => {
  ensureHomeCity(tx);
  insertPartner(tx, { kind: "city", countryCode: "CN", nameKk: "Цинчжоу", nameRu: "Цинчжоу", nameEn: "Qingzhou" });
  for (let i = 1; i <= SELECT_LIMIT; i++)
    insertPartner(tx, { kind: "city", countryCode: "DE", nameEn: `Partnerstadt ${String(i).padStart(3, "0")}` });
});
db.$client.close();
