/**
 * The writer thread's own module (db/writer.ts starts it; compiled to build/writer.js): the
 * app's database opened as the server's thread opens it, its saves grouped into commits and each
 * answered once on disk, as server.ts does for its actions.
 */
import { parentPort } from "node:worker_threads";
import { writerSaves, type WriterSave } from "~/models/writer-saves.server";
import { durableSaves } from "~db/durable-answers";
import { thrownOnWriter, type WriterAnswer, type WriterRequest } from "~db/writer";

// The connection saves as the server's thread does; each answer waits for the disk.
const { group, onDisk } = durableSaves();
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
    await onDisk(since);
    reply = { id, value };
  } catch (error) {
    reply = { id, error: thrownOnWriter(error) };
  }
  port.postMessage(reply);
}
