/**
 * Every test file gets its own fresh SQLite file with all migrations applied: the real engine,
 * the real schema, nothing shared between files.
 */
import path from "node:path";
import { afterAll } from "vitest";
import { openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import { removeTemporaryDirectories, temporaryDirectory } from "../support/temporary-directory";

const file = path.join(temporaryDirectory("test"), "test.db");
process.env.DATABASE_PATH = file;
const db = openDatabase(file);
migrateDatabase(db);
globalThis.__kezdesuDb = db;

afterAll(() => {
  db.$client.close();
  globalThis.__kezdesuDb = undefined;
  // This file's database with the rest the test file made.
  removeTemporaryDirectories();
});
