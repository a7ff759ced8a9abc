import type { Refusal } from "~/models/refusals";

/** A file that cannot be read as a spreadsheet: nothing of it is used. */
export class FileRefused extends Error {
  /** `cause`: the reader's own error, kept for the log and a failing test, never shown. */
  constructor(
    readonly refusal: Refusal,
    cause?: unknown,
  ) {
    super(refusal.key, { cause });
  }
}
