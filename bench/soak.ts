/**
 * `npm run soak`: five minutes of mixed reads and writes at a fixed rate against the production
 * server on the 1% dataset; every answer must be a success and the server's memory must stay
 * flat. Adds its lines to bench/RESULTS.md.
 *
 * "Flat": a server's memory first grows to its working size (V8's heap, SQLite's page cache,
 * the kept reads), so the same mix runs for a warm-up first; after that, the resident size at
 * the end must be within 10% of its size one minute in. Run it alone: another load on the
 * machine keeps the asked rate from being reached.
 *
 *   SOAK_SECONDS=300 SOAK_RATE=100 SOAK_WARMUP=30 npm run soak
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { generate } from "./generate";
import { pagesFor, requestHeaders } from "./pages";
import { PORT, signIn, startServer, stopServer } from "./server";

const SECONDS = Number(process.env.SOAK_SECONDS ?? 300);
const RATE = Number(process.env.SOAK_RATE ?? 100);
const WARMUP = Number(process.env.SOAK_WARMUP ?? 30);

const rss = (pid: number) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
};

const source = path.resolve("bench/.data/small.db");
if (!fs.existsSync(source)) generate("small", source);
const work = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-soak-"));
const file = path.join(work, "soak.db");
fs.copyFileSync(source, file);

const server = await startServer(file);
const cookie = await signIn();
const pages = pagesFor(file);
// Every page in turn: eleven reads to one write (logging a meeting with ten participants).
const requests = pages;
const mix = (duration: number) =>
  autocannon({
    url: `http://localhost:${PORT}`,
    connections: 10,
    duration,
    overallRate: RATE,
    requests: requests.map((page) => ({
      method: page.method ?? "GET",
      path: page.path,
      body: page.body,
      headers: requestHeaders(page, cookie),
    })),
  });
const cold = rss(server.pid!);
await mix(WARMUP);
const start = rss(server.pid!);
const samples: number[] = [];
const sampler = setInterval(() => samples.push(rss(server.pid!)), 10_000);
console.log(
  `Soak: ${SECONDS} s at ${RATE} requests/s after ${WARMUP} s of warm-up, ${requests.length} request kinds; RSS ${cold.toFixed(0)} MB before the warm-up, ${start.toFixed(0)} MB after`,
);
const result = await mix(SECONDS);
clearInterval(sampler);
const end = rss(server.pid!);
await stopServer(server);
fs.rmSync(work, { recursive: true, force: true });

const failures = result["4xx"] + result["5xx"] + result.errors + result.timeouts;
const peak = Math.max(start, end, ...samples);
const minuteIn = samples[5] ?? start;
const flat = end <= minuteIn * 1.1;
const perMinute = samples.filter((_, i) => i % 6 === 5).map((mb) => mb.toFixed(0));
const achieved = result.requests.total / SECONDS;
const line = [
  `Soak (${new Date().toISOString().slice(0, 10)}): ${SECONDS} s of mixed reads and writes (one write in twelve) asked at ${RATE} requests/s on the 1% dataset, after ${WARMUP} s of warm-up with the same mix.`,
  `${result.requests.total} requests (${achieved.toFixed(0)}/s achieved), ${failures} failed (4xx ${result["4xx"]}, 5xx ${result["5xx"]}, errors ${result.errors}, timeouts ${result.timeouts}); p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms.`,
  `Server RSS: ${cold.toFixed(0)} MB before the warm-up, ${start.toFixed(0)} MB after it, then each minute ${perMinute.join(", ")} MB, ${end.toFixed(0)} MB at the end, ${peak.toFixed(0)} MB at most: ${flat ? "flat (the end within 10% of the first minute)" : "**not flat** (the end more than 10% above the first minute)"}.`,
].join(" ");
console.log(line);
const results = "bench/RESULTS.md";
const existing = fs.existsSync(results)
  ? fs.readFileSync(results, "utf8").replace(/\n## Soak\n[\s\S]*$/, "\n")
  : "# Benchmark results\n";
fs.writeFileSync(results, `${existing.trimEnd()}\n\n## Soak\n\n${line}\n`);
if (failures > 0 || !flat) process.exit(1);
