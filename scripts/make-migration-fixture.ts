/**
 * Writes tests/fixtures/populated-<latest migration>.db: a database migrated to the newest
 * migration and filled with the demo history, kept so that every later migration is tested on
 * real data (tests/migrations.test.ts). Run it after generating a migration whose tables hold
 * data worth protecting; never rewrite an existing fixture.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrationsFolder, openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import { seedDemoData } from "~/models/demo-data.server";

const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder(), "meta/_journal.json"), "utf8")) as {
  entries: Array<{ tag: string }>;
};
const latest = journal.entries.at(-1)?.tag;
if (!latest) throw new Error("No migrations to build a fixture from");

const target = path.resolve("tests/fixtures", `populated-${latest}.db`);
if (fs.existsSync(target)) {
  console.log(`${target} exists already: fixtures are never rewritten.`);
  process.exit(0);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-fixture-"));
const db = openDatabase(path.join(dir, "fixture.db"));
migrateDatabase(db);
seedDemoData(db);
fs.mkdirSync(path.dirname(target), { recursive: true });
db.$client.prepare("vacuum into ?").run(target);
db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`Wrote ${target}`);
