import { openDatabase, type Db } from "~db/client";
import type { CommitGroup } from "~db/group-commit";
import { getEnv } from "./env.server";

declare global {
  // Survives the dev server's module reloads, so one connection serves the process.
  var __kezdesuDb: Db | undefined;
  /** Set by server.ts, which answers no action before its writes are on disk (db/durable-answers.ts). */
  var __kezdesuAnswersAfterTheDisk: boolean | undefined;
  /** Set by server.ts, whose own thread checkpoints the WAL (db/checkpointer.ts): the WAL size past which the app's commits checkpoint anyway. */
  var __kezdesuCheckpointPages: number | undefined;
  /** Set by server.ts: the app connection's saves made in one turn of the event loop share a commit (db/group-commit.ts). */
  var __kezdesuCommitGroup: CommitGroup | undefined;
}

export function getDb(): Db {
  globalThis.__kezdesuDb ??= openDatabase(getEnv().DATABASE_PATH, {
    syncEachCommit: !globalThis.__kezdesuAnswersAfterTheDisk,
    checkpointPages: globalThis.__kezdesuCheckpointPages,
  });
  return globalThis.__kezdesuDb;
}
