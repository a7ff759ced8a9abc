/**
 * Prints every route's first-load JavaScript, gzipped, from the last `npm run build`
 * (`npm run bench:js`), largest first, and exits with 1 when one is over the issue 17 target.
 * `--json` prints the figures as JSON, to compare two builds.
 */
import path from "node:path";
import { FIRST_LOAD_LIMIT, firstLoadJs } from "../bench/first-load-js";

const sizes = [...firstLoadJs(path.resolve("public"))].sort((a, b) => b[1] - a[1]);
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(Object.fromEntries(sizes), null, 2));
} else {
  const width = Math.max(...sizes.map(([id]) => id.length));
  for (const [id, bytes] of sizes) {
    const over = bytes > FIRST_LOAD_LIMIT ? "  over 100 KB" : "";
    console.log(`${id.padEnd(width)}  ${(bytes / 1024).toFixed(1).padStart(6)} KB${over}`);
  }
}
if (sizes.some(([, bytes]) => bytes > FIRST_LOAD_LIMIT)) process.exitCode = 1;
