/**
 * A write that takes seconds (a spreadsheet import of thousands of rows) made a turn of the event
 * loop at a time, so that the process goes on answering everyone else meanwhile
 * (docs/decisions/0010-long-writes.md).
 *
 * Such a write is one transaction all the same (all of it or none of it), left open on the app's
 * connection between its turns. Whatever else were written on that connection meanwhile would
 * become part of it, and be taken back with it should it fail. So the server counts its actions
 * (db/durable-answers.ts): a long write starts once no other action is under way (one that has
 * read its form may be about to save), and an action that comes while a long write runs waits
 * for its end before it starts. A save made anyhow between its turns is refused rather than
 * mixed in (app/models/writes.server.ts). What is read meanwhile sees the rows written so far,
 * as a save's own rows are seen a moment before its commit (db/group-commit.ts).
 *
 * With several processes serving one database (WEB_CONCURRENCY, node:cluster), a long write holds
 * the file's write lock for all of them: a save in another process would wait for it with that
 * process's thread blocked (SQLite's busy_timeout), then fail. So the processes take turns through
 * the primary (db/cluster-long-writes.ts): one long write at a time in all of them, started once
 * the other processes' actions under way have ended, and their actions arriving meanwhile wait
 * for its end as this process's own do.
 *
 * The state lives on globalThis: server.ts and the Remix build each bundle this module.
 */
import type Database from "better-sqlite3";

type LongWrite = { client: Database.Database; ended: Promise<void>; inTurn: boolean };
type State = {
  running?: LongWrite;
  /** Actions under way (counted by the server), those of the long writes' callers among them. */
  actions: number;
  /** Long writes asked for and not yet ended: each is an action's, in the server. */
  callers: number;
  /** Long writes, and actions, waiting for the actions under way or a long write elsewhere to end. */
  waiting: Set<() => void>;
  /** Long writes running in the other processes serving the database (node:cluster): 0 or 1. */
  elsewhere: number;
  /** In a worker of several: the cluster's turn for a long write, given by the primary; resolves with its release. */
  clusterTurn?: () => Promise<() => void>;
};

declare global {
  var __kezdesuLongWrite: State | undefined;
}

const state = (): State =>
  (globalThis.__kezdesuLongWrite ??= { actions: 0, callers: 0, waiting: new Set(), elsewhere: 0 });

/** Each waiting long write looks again whether it may start. */
function wake(s: State) {
  // Called as every action ends: nearly always nobody waits.
  if (s.waiting.size === 0) return;
  const waiting = [...s.waiting];
  s.waiting.clear();
  for (const resolve of waiting) resolve();
}

/** Whether a long write's transaction is open, here or in another process: what an action then waits for. */
export function longWriteRunning() {
  const s = state();
  return s.running !== undefined || s.elsewhere > 0;
}

/**
 * Whether a long write's transaction is open on `client` and the code running is not its own:
 * what were written on the connection now would become part of it.
 */
export function betweenLongWriteTurns(client: Database.Database) {
  const running = state().running;
  return running !== undefined && running.client === client && !running.inTurn;
}

/** Resolves once no long write runs here or elsewhere: at once, or when the one running (and any after it) has ended. */
export async function longWriteEnded(): Promise<void> {
  const s = state();
  while (s.running || s.elsewhere > 0)
    await (s.running ? s.running.ended : new Promise<void>((resolve) => s.waiting.add(resolve)));
}

/**
 * Counts an action as under way until the returned function is called. The caller starts it once
 * no long write runs (`longWriteEnded`), with no await between.
 */
export function actionUnderWay(): () => void {
  const s = state();
  s.actions++;
  return () => {
    s.actions--;
    wake(s);
  };
}

/**
 * Runs `write` as the process's one long write on `client`: once no other runs and no action but
 * those of the long writes asked for is under way. `write` awaits `turn()` between its parts to
 * let the process answer others.
 */
export async function asLongWrite<T>(
  client: Database.Database,
  write: (turn: () => Promise<void>) => Promise<T>,
): Promise<T> {
  const s = state();
  s.callers++;
  // Another long write's caller, waiting for this one's action to end, may now start.
  wake(s);
  let running: LongWrite | undefined;
  let end = () => {};
  let endTurn: (() => void) | undefined;
  try {
    // Not awaited when alone: a long write asked for with nothing in its way is marked running at once.
    if (s.clusterTurn) endTurn = await s.clusterTurn();
    while (s.running || s.actions > s.callers) await new Promise<void>((resolve) => s.waiting.add(resolve));
    // Marked before it starts: its first turn runs before `write` returns.
    running = { client, ended: new Promise<void>((resolve) => (end = resolve)), inTurn: true };
    s.running = running;
    const turn = async () => {
      running!.inTurn = false;
      try {
        await nextTurn();
      } finally {
        running!.inTurn = true;
      }
    };
    return await write(turn);
  } finally {
    if (running) s.running = undefined;
    s.callers--;
    end();
    endTurn?.();
    wake(s);
  }
}

/**
 * In a worker of several (server.ts): takes part in the primary's turns (db/cluster-long-writes.ts)
 * over the worker's IPC channel. This process's long writes ask for their turn; while another
 * process's runs, this one's actions wait, and its actions under way are let end first.
 */
export function takeTurnsWithOtherProcesses(channel: NodeJS.Process) {
  const s = state();
  const granted: Array<() => void> = [];
  const send = (step: LongWriteStep) => channel.send?.({ kezdesu: LONG_WRITE_MESSAGE, step });
  s.clusterTurn = () =>
    new Promise<() => void>((resolve) => {
      granted.push(() => resolve(() => send("done")));
      send("ask");
    });
  channel.on("message", (message: unknown) => {
    const step = longWriteStep(message);
    if (step === "granted") granted.shift()?.();
    else if (step === "hold") {
      s.elsewhere++;
      void quiet(s).then(() => send("quiet"));
    } else if (step === "release") {
      s.elsewhere = Math.max(0, s.elsewhere - 1);
      wake(s);
    }
  });
}

/** Resolves once no action but those of long writes waiting for their turn is under way. */
async function quiet(s: State) {
  while (s.actions > s.callers) await new Promise<void>((resolve) => s.waiting.add(resolve));
}

/** The messages of the turns, between the primary and its workers. */
export const LONG_WRITE_MESSAGE = "long-write";
export type LongWriteStep = "ask" | "granted" | "hold" | "quiet" | "release" | "done";
const STEPS = new Set<string>(["ask", "granted", "hold", "quiet", "release", "done"]);

export function longWriteStep(message: unknown): LongWriteStep | undefined {
  if (typeof message !== "object" || message === null) return undefined;
  const { kezdesu, step } = message as { kezdesu?: unknown; step?: unknown };
  return kezdesu === LONG_WRITE_MESSAGE && typeof step === "string" && STEPS.has(step)
    ? (step as LongWriteStep)
    : undefined;
}

/** The next turn of the event loop: after the I/O and the requests already waiting. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
