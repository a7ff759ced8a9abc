/**
 * Saves made close together share one commit (issue 17).
 *
 * A COMMIT writes every page its transaction changed into the WAL, two system calls a page, and
 * logging a meeting changes some 35 (its row and indexes, its participants', the search index's,
 * the history's): BEGIN and COMMIT were a third of a save's CPU in-process. Saves made in the
 * same turn of the event loop change many of the same pages (the ends of the history and its
 * indexes, the search index's newest segment, the page that counts ids), so the server opens one
 * write transaction at the first save of a turn, each save runs inside it as a savepoint
 * (better-sqlite3 nests a transaction so), and the turn ends with one COMMIT: in-process, two
 * saves a commit cost a fifth less each, four a third less.
 *
 * Each save is still all or nothing: one that fails rolls back to its savepoint and leaves the
 * others. An action is answered only once the commit holding its save is made and fsynced
 * (db/durable-answers.ts), so nobody is told "saved" of a save a failed commit took back: every
 * action that waited for that commit fails with its error. Until the turn ends, another request
 * on this connection can read a save not yet committed, as it could already read one committed
 * but not yet on disk.
 *
 * A large write (an import of thousands of rows) goes alone, after `commitNow()`: inside a
 * savepoint SQLite keeps in memory a copy of every page it first changes, in case it must roll
 * back to it (200,000 rows updated: 48 MB, a quarter slower).
 */
import type Database from "better-sqlite3";

export type CommitGroup = {
  /** Opens the turn's transaction on `client` unless one is open; committed when the turn ends. */
  join(client: Database.Database): void;
  /** Commits the open group now: before a large write that goes alone, or before the process exits. */
  commitNow(): void;
  /** The point an action starts from, for `settled`. */
  mark(): number;
  /**
   * Resolves once every save made since `mark` is committed: at once, or when the open group
   * is; rejects with the error of a commit since `mark` that failed.
   */
  settled(since: number): Promise<void>;
  /** How many commits have been made (what the tests read). */
  readonly commits: number;
};

type Group = { client: Database.Database; done: Promise<void>; resolve(): void; reject(error: unknown): void };

export function commitGroup(): CommitGroup {
  let open: Group | undefined;
  let commits = 0;
  // How many groups have ended, and the last that failed: what settled() answers for a mark.
  let ended = 0;
  let failed: { at: number; error: unknown } | undefined;

  function flush() {
    const group = open;
    if (!group) return;
    open = undefined;
    ended++;
    try {
      // Something closed the connection: the group's transaction went with it, never committed.
      if (!group.client.open) throw new Error("The database connection closed before the saves were committed");
      if (group.client.inTransaction) group.client.exec("COMMIT");
      commits++;
      group.resolve();
    } catch (error) {
      if (group.client.open && group.client.inTransaction) group.client.exec("ROLLBACK");
      failed = { at: ended, error };
      group.reject(error);
    }
  }

  return {
    join(client) {
      // Inside a transaction already (the group's own, or a caller's): the save nests in it.
      if (open || client.inTransaction) return;
      client.exec("BEGIN IMMEDIATE");
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const done = new Promise<void>((yes, no) => ((resolve = yes), (reject = no)));
      // Nobody may wait for it (a save outside an action): its failure is then no unhandled one.
      done.catch(() => undefined);
      open = { client, done, resolve, reject };
      // After this turn's I/O callbacks, whose saves all join it.
      setImmediate(flush);
    },
    commitNow: flush,
    mark: () => ended,
    settled(since) {
      if (failed && failed.at > since) return Promise.reject(failed.error);
      return open?.done ?? Promise.resolve();
    },
    get commits() {
      return commits;
    },
  };
}
