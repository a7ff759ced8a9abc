import { writerSaves, type WriterSave, type WriterSaves } from "./writer-saves.server";

/**
 * Runs a save on the server's writer thread (db/writer.ts), answered once it is committed and on
 * disk; where there is none (scripts, the tests that call actions in-process), on this thread.
 */
export async function onWriter<Name extends WriterSave>(
  name: Name,
  ...args: Parameters<WriterSaves[Name]>
): Promise<ReturnType<WriterSaves[Name]>> {
  const writer = globalThis.__kezdesuWriter;
  if (writer) return (await writer.run(name, args)) as ReturnType<WriterSaves[Name]>;
  const save = writerSaves[name] as (...given: unknown[]) => unknown;
  return save(...args) as ReturnType<WriterSaves[Name]>;
}
