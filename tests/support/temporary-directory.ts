import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const made: string[] = [];

/**
 * A new directory under the system's temporary one, removed with everything in it when the test
 * file ends (tests/setup/database.ts): each run of the suite left some fifty behind, 3 MB apiece.
 */
export function temporaryDirectory(prefix: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `kezdesu-${prefix}-`));
  made.push(dir);
  return dir;
}

/** Removes the directories this test file made. */
export function removeTemporaryDirectories() {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}
