/**
 * `npm run bench:profile`: the server time of each benchmarked page, one request at a time (no
 * concurrency, so the time is the page's own cost), on the national dataset. A quick check
 * between full `npm run bench` runs; the numbers in bench/RESULTS.md come from that.
 *
 *   BENCH_SIZE=national BENCH_REPEAT=20 npm run bench:profile
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pagesFor, requestHeaders } from "./pages";
import { PORT, signIn, startServer, stopServer } from "./server";
import type { SizeName } from "./generate";

const SIZE = (process.env.BENCH_SIZE ?? "national") as SizeName;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);

const source = path.resolve(`bench/.data/${SIZE}.db`);
if (!fs.existsSync(source)) throw new Error(`No ${source}: run npm run bench first (it generates the datasets)`);
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-profile-")), `${SIZE}.db`);
fs.copyFileSync(source, file);
const server = await startServer(file);
try {
  const cookie = await signIn();
  for (const page of pagesFor(file)) {
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < REPEAT + 3; i++) {
      const started = performance.now();
      const response = await fetch(`http://localhost:${PORT}${page.path}`, {
        method: page.method ?? "GET",
        body: page.body,
        redirect: "manual",
        headers: requestHeaders(page, cookie),
      });
      bytes = (await response.arrayBuffer()).byteLength;
      if (i >= 3) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`${median.toFixed(1).padStart(7)} ms  ${(bytes / 1024).toFixed(0).padStart(5)} KB  ${page.name}`);
  }
} finally {
  await stopServer(server);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
