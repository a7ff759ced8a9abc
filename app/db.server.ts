import { openDatabase, type Db } from "~db/client";
import { getEnv } from "./env.server";

declare global {
  // Survives the dev server's module reloads, so one connection serves the process.
  var __kezdesuDb: Db | undefined;
}

export function getDb(): Db {
  globalThis.__kezdesuDb ??= openDatabase(getEnv().DATABASE_PATH);
  return globalThis.__kezdesuDb;
}
