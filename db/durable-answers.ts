/**
 * Saves that are on disk before they are answered, without the event loop waiting for the disk.
 *
 * With `synchronous = FULL` every COMMIT waits for its fsync of the WAL on the one thread that
 * serves every request: 1.3 of logging a meeting's 2.9 ms in-process (issue 17), during which no
 * other request moves. The server's app connection commits with `synchronous = NORMAL` instead
 * (SQLite's WAL stays as safe from corruption; only the last commits' durability is at stake), and
 * an action is answered only once the WAL holding its commit has been fsynced off the thread
 * (libuv's pool), one fsync for all the commits made while another was under way. So whoever is
 * told "saved" has it on disk, as before; the change is that another request may read a commit a
 * millisecond before it is on disk. Writes made outside actions (a session's use) are fsynced
 * within a second by server.ts's timer.
 */
import fs from "node:fs";
import type Database from "better-sqlite3";
import type { ServerBuild } from "@remix-run/node";
import { isBusy } from "./busy";
import { BACKSTOP_PAGES } from "./checkpointer";
import { commitGroup, type CommitGroup } from "./group-commit";
import { actionUnderWay, longWriteEnded, longWriteRunning } from "./long-write";

export type WalSyncer = {
  /** Resolves once every commit made so far on the connection is on disk. */
  sync(): Promise<void>;
  /** How many fsyncs have completed (what the tests read). */
  readonly fsyncs: number;
};

/**
 * Fsyncs the WAL of the connection `connection()` returns (none yet: nothing to do), when it has
 * changed rows since the last fsync began; calls made while one runs share the next.
 */
export function walSyncer(connection: () => Database.Database | undefined): WalSyncer {
  let running: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  let fsyncs = 0;
  // Per connection: its count of changed rows, and that count when its last fsync began.
  const seen = new WeakMap<Database.Database, { changes: Database.Statement; synced: number }>();

  async function syncOnce(client: Database.Database) {
    let mine = seen.get(client);
    if (!mine) seen.set(client, (mine = { changes: client.prepare("SELECT total_changes()").pluck(), synced: -1 }));
    const changes = mine.changes.get() as number;
    if (changes === mine.synced) return;
    // Some of the changes counted may be a transaction's not yet committed (the saves of this turn
    // of the event loop, db/group-commit.ts): this fsync cannot cover them, so the next one must.
    const committed = !client.inTransaction;
    const wal = await fs.promises.open(`${client.name}-wal`, "r");
    try {
      await wal.sync();
    } finally {
      await wal.close();
    }
    mine.synced = committed ? changes : -1;
    fsyncs++;
  }

  function sync(): Promise<void> {
    const client = connection();
    if (!client || client.memory) return Promise.resolve();
    if (!running) {
      running = syncOnce(client).finally(() => (running = undefined));
      return running;
    }
    // A commit made while an fsync runs may have come after it began: one more, for all of them.
    queued ??= running
      .catch(() => undefined)
      .then(() => {
        queued = undefined;
        return sync();
      });
    return queued;
  }

  return {
    sync,
    get fsyncs() {
      return fsyncs;
    },
  };
}

/**
 * A thread's app connection set to save as the server saves (server.ts, and the writer thread,
 * app/writer-thread.server.ts): committing without waiting for the disk, the saves of one turn
 * sharing a commit, the WAL checkpointed by the checkpointer's thread (BACKSTOP_PAGES should it
 * fall behind). `onDisk(since)` resolves once every save since `group.mark()` is committed and
 * fsynced: what an answer waits for. Called before the connection is opened.
 */
export function durableSaves(): { group: CommitGroup; wal: WalSyncer; onDisk(since: number): Promise<void> } {
  globalThis.__kezdesuAnswersAfterTheDisk = true;
  globalThis.__kezdesuCheckpointPages = BACKSTOP_PAGES;
  const group = (globalThis.__kezdesuCommitGroup = commitGroup());
  const wal = walSyncer(() => globalThis.__kezdesuDb?.$client);
  return {
    group,
    wal,
    async onDisk(since) {
      await group.settled(since);
      await wal.sync();
    },
  };
}

/**
 * The build with every route's action answered only once its writes are on disk: `start` is
 * called as the action starts and gives what the answer then waits for (the commit holding its
 * writes, db/group-commit.ts, and the WAL's fsync). An action starts once no long write (an
 * import's) runs, and is counted as under way until it returns: a long write waits for those
 * (db/long-write.ts).
 */
export function answersAfterTheDisk(build: ServerBuild, start: () => () => Promise<void>): ServerBuild {
  // The form an action parsed, again with what was typed, when the database was busy for its save.
  const { busyAnswer } = (build.entry?.module ?? {}) as { busyAnswer?: (request: Request) => unknown };
  const routes: ServerBuild["routes"] = {};
  for (const [id, route] of Object.entries(build.routes)) {
    const action = route.module.action;
    routes[id] = !action
      ? route
      : {
          ...route,
          module: {
            ...route.module,
            // A redirect is thrown as often as returned: the disk comes first either way.
            action: async (args) => {
              if (longWriteRunning()) await longWriteEnded();
              const ended = actionUnderWay();
              const onDisk = start();
              try {
                return await action(args);
              } catch (error) {
                // The write lock held past busy_timeout by another program: nothing was written
                // (a save takes the lock before it writes), and the person is told so: beside
                // their form, kept as typed, or (no form) on the busy page.
                if (!isBusy(error)) throw error;
                const answer = busyAnswer?.(args.request);
                if (answer) return answer;
                throw new Response(null, { status: 503, headers: { "Retry-After": "10" } });
              } finally {
                ended();
                await onDisk();
              }
            },
          },
        };
  }
  return { ...build, routes };
}
