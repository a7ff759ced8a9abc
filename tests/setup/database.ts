/**
 * Every test file gets its own fresh SQLite file with all migrations applied: the real engine,
 * the real schema, nothing shared between files.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";
import { openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import { removeTemporaryDirectories } from "../support/temporary-directory";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-test-"));
const file = path.join(dir, "test.db");
process.env.DATABASE_PATH = file;
const db = openDatabase(file);
migrateDatabase(db);
globalThis.__kezdesuDb = db;

afterAll(() => {
  db.$client.close();
  globalThis.__kezdesuDb = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
  removeTemporaryDirectories();
});
