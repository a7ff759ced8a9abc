/**
 * The WAL's checkpoints, made on a thread of their own (issue 17).
 *
 * SQLite checkpoints on the connection that commits, once the WAL passes 1,000 pages: logging a
 * meeting writes some 34 pages, so one save in thirty copied 4 MB into the database file and
 * fsynced both files on the thread that serves every request (synchronous = NORMAL syncs at each
 * checkpoint): a fifth of the saves' wall time in-process, and the stalls behind their p99. The
 * server's app connection checkpoints only past a far larger WAL (a backstop, should this
 * thread stop), and this thread's own connection copies what was committed, shortly after each
 * save. A PASSIVE checkpoint takes no lock that readers or the writer wait for, and a writer
 * starts the WAL again from its beginning once it has all been copied.
 */
import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** What the app connection checkpoints past while this thread serves it: about 40 MB of WAL. */
export const BACKSTOP_PAGES = 10_000;
// A burst of saves shares one checkpoint, made this long after the first of them.
const SOON_MS = 100;

export type Checkpoint = { busy: number; log: number; checkpointed: number };

export type Checkpointer = {
  /** A checkpoint within SOON_MS, shared by everything asked before it starts. */
  soon(): void;
  /** A checkpoint now, resolved with SQLite's counts (what the tests read). */
  now(): Promise<Checkpoint>;
  close(): Promise<void>;
  /** How many checkpoints have been made (what the tests read). */
  readonly made: number;
};

// Run as the thread's whole program (eval), so it needs no file of its own beside the build.
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
parentPort.on("message", () => {
  try {
    const [counts] = db.pragma("wal_checkpoint(PASSIVE)");
    parentPort.postMessage({ counts });
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
});
`;

/**
 * A checkpointing thread for the database `file`. `onFailure` is told if the thread cannot
 * checkpoint (the app connection should then checkpoint as before).
 */
export function walCheckpointer(file: string, onFailure: (error: Error) => void): Checkpointer {
  const sqlite = createRequire(import.meta.url).resolve("better-sqlite3");
  const worker = new Worker(THREAD, { eval: true, workerData: { file, sqlite } });
  // Never what keeps the process alive.
  worker.unref();
  const waiting: Array<{ resolve: (counts: Checkpoint) => void; reject: (error: Error) => void }> = [];
  let timer: NodeJS.Timeout | undefined;
  let failed: Error | undefined;
  let made = 0;

  const fail = (error: Error) => {
    if (failed) return;
    failed = error;
    for (const { reject } of waiting.splice(0)) reject(error);
    onFailure(error);
  };
  worker.on("message", (message: { counts?: Checkpoint; error?: string }) => {
    const asked = waiting.shift();
    if (message.error) {
      const error = new Error(`The WAL could not be checkpointed: ${message.error}`);
      asked?.reject(error);
      // Busy (another process's checkpoint running) is no failure: the next one copies it.
      if (!/busy|locked/i.test(message.error)) fail(error);
    } else if (message.counts) {
      made++;
      asked?.resolve(message.counts);
    }
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`The checkpointing thread stopped (${code})`)));

  const now = () =>
    new Promise<Checkpoint>((resolve, reject) => {
      if (failed) return reject(failed);
      waiting.push({ resolve, reject });
      worker.postMessage(null);
    });

  return {
    soon() {
      if (timer || failed) return;
      timer = setTimeout(() => {
        timer = undefined;
        now().catch(() => undefined);
      }, SOON_MS);
      timer.unref();
    },
    now,
    async close() {
      clearTimeout(timer);
      worker.removeAllListeners("exit");
      await worker.terminate();
    },
    get made() {
      return made;
    },
  };
}
