/**
 * The server's writer thread: logging a meeting runs there, on a connection of its own, while the
 * server's own thread goes on answering (issue 17).
 *
 * A meeting's save (its row, participants, history, search index, and its share of a commit)
 * was half of the CPU a post of the meeting form cost the server's thread: with the save taken
 * out, the post cost 0.51 of it (`npm run bench:compare`, national size). SQLite lets one
 * connection write at a time whichever thread it is on, and a save on this thread waits for
 * nothing the server's thread does: that thread parses the form and answers, this one writes,
 * each on a core of its own.
 *
 * The thread (app/writer-thread.server.ts) runs a save, by its name in
 * app/models/writer-saves.server.ts, as the server's thread would: saves that arrive in one turn
 * of its event loop share a commit, each in its savepoint (db/group-commit.ts), and each is
 * answered once its commit is made and the WAL fsynced (db/durable-answers.ts), so whoever is
 * told "saved" has it on disk. What the save refuses comes
 * back as its result; what it throws is thrown on the server's thread, SQLite's errors as
 * SqliteError (a busy database then gets the form back as typed, not a 500). Should the thread
 * stop, the saves it had are failed and the next save starts another.
 *
 * The other saves stay on the server's thread; both connections take SQLite's write lock in turn
 * (a save holds it for a millisecond or two). Actions wait for an import as before: the action
 * waiting for its save here is under way all that time (db/long-write.ts).
 */
import { Worker } from "node:worker_threads";
import Database from "better-sqlite3";

export type Writer = {
  /** Runs `name` with `args` on the thread: resolves once it is committed and on disk. */
  run(name: string, args: unknown[]): Promise<unknown>;
  /** Checkpoints the WAL from the thread's commits, as SQLite does, past `pages`: when the checkpointer fails. */
  checkpointPast(pages: number): void;
  /** Stops the thread; saves not yet answered fail. */
  close(): Promise<void>;
  /** The thread while it runs: what the tests stop, as a crash would. */
  readonly thread: Worker | undefined;
};

export type WriterRequest = { id: number; name: string; args: unknown[] } | { checkpointPages: number };
export type WriterAnswer = { id: number; value: unknown } | { id: number; error: ThrownOnWriter };
export type ThrownOnWriter = { name: string; message: string; stack?: string; code?: string };

declare global {
  /** Set by server.ts: the thread logging meetings (db/writer.ts). */
  var __kezdesuWriter: Writer | undefined;
}

/**
 * Starts the thread from `entry`: app/writer-thread.server.ts compiled (build/writer.js), or the
 * source itself, compiled as it loads by tsx, for a server run from its source.
 */
export function startWriter(entry: URL): Writer {
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: unknown): void }>();
  let ids = 0;
  let closing = false;
  let checkpointPages: number | undefined;
  let thread: Worker | undefined;

  function failAll(error: Error) {
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
  }

  function started(): Worker {
    if (thread) return thread;
    const worker = entry.pathname.endsWith(".ts") ? fromSource(entry) : new Worker(entry);
    worker.on("message", (answer: WriterAnswer) => {
      const waiting = pending.get(answer.id);
      if (!waiting) return;
      pending.delete(answer.id);
      if (!pending.size) worker.unref();
      if ("error" in answer) waiting.reject(rethrown(answer.error));
      else waiting.resolve(answer.value);
    });
    worker.on("error", (error) => {
      console.error("The writer thread failed", error);
      failAll(error);
    });
    worker.on("exit", (code) => {
      thread = undefined;
      failAll(new Error(`The writer thread stopped (${code}) before answering`));
    });
    // The thread keeps the process alive while it owes an answer, and only then.
    worker.unref();
    if (checkpointPages !== undefined) worker.postMessage({ checkpointPages } satisfies WriterRequest);
    return (thread = worker);
  }

  // Started with the server, so that the first save does not wait for the thread to load.
  started();
  return {
    run(name, args) {
      if (closing) return Promise.reject(new Error("The writer thread is closing"));
      const id = ++ids;
      const answered = new Promise((resolve, reject) => pending.set(id, { resolve, reject }));
      const worker = started();
      try {
        worker.postMessage({ id, name, args } satisfies WriterRequest);
      } catch (error) {
        // What a message cannot carry (a function, say): refused here, nothing sent.
        pending.delete(id);
        return Promise.reject(error);
      }
      worker.ref();
      return answered;
    },
    checkpointPast(pages) {
      checkpointPages = pages;
      thread?.postMessage({ checkpointPages: pages } satisfies WriterRequest);
    },
    async close() {
      closing = true;
      await thread?.terminate();
    },
    get thread() {
      return thread;
    },
  };
}

/** The thread's module run from its TypeScript source: tsx compiles it, as it does the server's. */
function fromSource(entry: URL): Worker {
  // Resolved here: a module made from a data: URL has no folder to resolve a package from.
  const tsx = import.meta.resolve("tsx/esm/api");
  const boot = `const { tsImport } = await import(${JSON.stringify(tsx)}); await tsImport(${JSON.stringify(entry.href)}, ${JSON.stringify(entry.href)});`;
  return new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
}

/** An error thrown on the thread, made again here: SQLite's as the SqliteError it was. */
function rethrown(thrown: ThrownOnWriter): Error {
  const error =
    thrown.name === "SqliteError" && thrown.code
      ? new Database.SqliteError(thrown.message, thrown.code)
      : Object.assign(new Error(thrown.message), { name: thrown.name });
  error.stack = `${error.name}: ${error.message}\n    (on the writer thread)\n${thrown.stack ?? ""}`;
  return error;
}

/** What a thrown value is, as a message can carry it. */
export function thrownOnWriter(error: unknown): ThrownOnWriter {
  if (!(error instanceof Error)) return { name: "Error", message: String(error) };
  const code = (error as { code?: unknown }).code;
  return {
    name: error.name,
    message: error.message,
    stack: error.stack,
    code: typeof code === "string" ? code : undefined,
  };
}
