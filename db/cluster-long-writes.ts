/**
 * In the primary of several processes serving one database (WEB_CONCURRENCY, node:cluster): one
 * long write at a time across the workers (db/long-write.ts). A worker asks for a turn; the
 * primary tells every other worker to hold (their new actions wait, and each says when its
 * actions under way have ended), then grants the turn; when it is done, the others are released
 * and the next asker is served. A worker that dies holding the turn gives it up; one started while
 * a turn is held holds once it listens.
 */
import type { Cluster, Worker } from "node:cluster";
import { LONG_WRITE_MESSAGE, longWriteStep, type LongWriteStep } from "./long-write";

export function arbitrateLongWrites(cluster: Cluster) {
  const asking: Worker[] = [];
  let turn: { holder: Worker; held: Set<Worker>; unquiet: Set<Worker> } | undefined;
  const send = (worker: Worker, step: LongWriteStep) => {
    if (worker.isConnected()) worker.send({ kezdesu: LONG_WRITE_MESSAGE, step });
  };
  const workers = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

  function next() {
    if (turn) return;
    const holder = asking.shift();
    if (!holder) return;
    const held = new Set(workers().filter((w) => w !== holder && w.isConnected()));
    turn = { holder, held, unquiet: new Set(held) };
    for (const worker of held) send(worker, "hold");
    grantWhenQuiet();
  }

  function grantWhenQuiet() {
    if (turn && turn.unquiet.size === 0) send(turn.holder, "granted");
  }

  function end() {
    if (!turn) return;
    for (const worker of turn.held) send(worker, "release");
    turn = undefined;
    next();
  }

  cluster.on("message", (worker, message) => {
    const step = longWriteStep(message);
    if (step === "ask") {
      asking.push(worker);
      next();
    } else if (step === "quiet" && turn?.unquiet.delete(worker)) grantWhenQuiet();
    else if (step === "done" && turn?.holder === worker) end();
  });

  // A worker forked while a turn is held (one replacing a worker that died) starts holding: told
  // once it listens, when it has set up its side of the turns (a message before is lost).
  cluster.on("listening", (worker) => {
    if (!turn || worker === turn.holder || turn.held.has(worker)) return;
    turn.held.add(worker);
    send(worker, "hold");
  });

  cluster.on("exit", (worker) => {
    for (let i = asking.indexOf(worker); i >= 0; i = asking.indexOf(worker)) asking.splice(i, 1);
    if (!turn) return;
    if (turn.holder === worker) return end();
    turn.held.delete(worker);
    if (turn.unquiet.delete(worker)) grantWhenQuiet();
  });
}
