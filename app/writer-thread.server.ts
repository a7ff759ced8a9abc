/**
 * The writer thread's own module (db/writer.ts starts it; compiled to build/writer.js): the
 * app's database opened as the server's thread opens it, its saves grouped into commits and each
 * answered once on disk, as server.ts does for its actions.
 */
import { parentPort } from "node:worker_threads";
import { writerSaves, type WriterSave } from "~/models/writer-saves.server";
import { BACKSTOP_PAGES } from "~db/checkpointer";
import { walSyncer } from "~db/durable-answers";
import { commitGroup } from "~db/group-commit";
import { thrownOnWriter, type WriterAnswer, type WriterRequest } from "~db/writer";

// The connection commits without waiting for the disk; each answer waits for it instead. The
// server's checkpointer thread checkpoints the WAL (BACKSTOP_PAGES: should it fall behind).
globalThis.__kezdesuAnswersAfterTheDisk = true;
globalThis.__kezdesuCheckpointPages = BACKSTOP_PAGES;
const group = (globalThis.__kezdesuCommitGroup = commitGroup());
const wal = walSyncer(() => globalThis.__kezdesuDb?.$client);
const port = parentPort!;

port.on("message", (request: WriterRequest) => {
  if ("checkpointPages" in request) {
    globalThis.__kezdesuCheckpointPages = request.checkpointPages;
    globalThis.__kezdesuDb?.$client.pragma(`wal_autocheckpoint = ${Math.trunc(request.checkpointPages)}`);
    return;
  }
  void answer(request);
});

async function answer({ id, name, args }: Extract<WriterRequest, { id: number }>) {
  const since = group.mark();
  let reply: WriterAnswer;
  try {
    const save = writerSaves[name as WriterSave] as (...given: unknown[]) => unknown;
    const value = save(...args);
    await group.settled(since);
    await wal.sync();
    reply = { id, value };
  } catch (error) {
    reply = { id, error: thrownOnWriter(error) };
  }
  port.postMessage(reply);
}
