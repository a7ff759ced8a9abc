import { processConnection, type Db } from "~db/client";
import { getEnv } from "./env.server";

/** The process's one connection to the app's database (db/client.ts, processConnection). */
export function getDb(): Db {
  return processConnection(getEnv().DATABASE_PATH);
}
