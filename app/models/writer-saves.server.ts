/**
 * The saves the server runs on its writer thread (db/writer.ts), by name: each takes and returns
 * plain data, as a message between threads carries it, and writes in a transaction of its own.
 */
import { logMeeting } from "./meetings/write.server";

export const writerSaves = { logMeeting };

export type WriterSaves = typeof writerSaves;
export type WriterSave = keyof WriterSaves;
