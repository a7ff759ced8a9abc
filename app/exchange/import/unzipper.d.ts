// The part of unzipper (exceljs's own streaming unzip) the import uses; it ships no types.
declare module "unzipper" {
  import type { Readable, Transform } from "node:stream";
  export type Entry = Readable & { path: string; autodrain(): { promise(): Promise<void> } };
  export function Parse(options?: { forceStream?: boolean }): Transform & AsyncIterable<Entry>;
}
