import { openDatabase, type Db } from "~db/client";
import { getEnv } from "./env.server";

declare global {
  // Survives the dev server's module reloads, so one connection serves the process.
  var __kezdesuDb: Db | undefined;
  /** Set by server.ts, which answers no action before its writes are on disk (db/durable-answers.ts). */
  var __kezdesuAnswersAfterTheDisk: boolean | undefined;
}

export function getDb(): Db {
  globalThis.__kezdesuDb ??= openDatabase(getEnv().DATABASE_PATH, {
    syncEachCommit: !globalThis.__kezdesuAnswersAfterTheDisk,
  });
  return globalThis.__kezdesuDb;
}
