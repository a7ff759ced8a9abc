/**
 * `npm run bench:profile`: the server time of the floor (bench/floor), the shell and each
 * benchmarked page, one request at a time (no concurrency, so the time is the page's own cost),
 * on the national dataset. A quick check between full `npm run bench` runs.
 *
 * With BENCH_CPU_PROFILE=<path> (e.g. /healthz), the server then runs under `node --cpu-prof`
 * while wrk (bench/load.ts) loads that path for BENCH_CPU_SECONDS, and the profile's self time is
 * printed by function and by package (the .cpuprofile is kept for Chrome's DevTools).
 *
 *   BENCH_PORT=4201 BENCH_SIZE=national BENCH_REPEAT=20 BENCH_CPU_PROFILE=/healthz npm run bench:profile
 *
 * With BENCH_CPU_PAGES=all (or a comma-separated list of paths), each page (and the floor just
 * before it) is loaded in turn for BENCH_CPU_SECONDS without the profiler, and the server's CPU
 * ms a request is printed for each: every page's own cost, measured in one run.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkWrk, loadPage } from "./load";
import { FLOOR, pagesFor, requestHeaders, type Page } from "./pages";
import { buildFloor, cpuTimeMs, FLOOR_PORT, PORT, signIn, startFloor, startServer, stopServer } from "./server";
import { isCurrentDataset, type SizeName } from "./generate";

const SIZE = (process.env.BENCH_SIZE ?? "national") as SizeName;
const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const PROFILE_PATH = process.env.BENCH_CPU_PROFILE;
const PROFILE_SECONDS = Number(process.env.BENCH_CPU_SECONDS ?? 10);
// BENCH_PROFILER=off: the same load, without the profiler's own cost (CPU ms per request comparable to the floor's).
const PROFILER = process.env.BENCH_PROFILER !== "off";
const CPU_PAGES = process.env.BENCH_CPU_PAGES;

const source = path.resolve(`bench/.data/${SIZE}.db`);
if (!isCurrentDataset(source))
  throw new Error(`No ${source} keyed by this version: run npm run bench first (it generates the datasets)`);
if (!fs.existsSync("build/index.js")) throw new Error("No build/: run npm run build first");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-profile-"));
const file = path.join(dir, `${SIZE}.db`);
fs.copyFileSync(source, file);

/** The median time of one request at a time, and the answer's size as sent (compressed if it was). */
async function time(page: Page, port: number, cookie: string) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REPEAT + 3; i++) {
    const started = performance.now();
    const response = await fetch(`http://localhost:${port}${page.path}`, {
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

type ProfileNode = { id: number; callFrame: { functionName: string; url: string; lineNumber: number } };
type Profile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; endTime: number };

/**
 * Self time by function and by package, as shares of the samples that were not idle, counting
 * only the samples of the load (`from` and `to`: ms before the process ended), not the start-up.
 */
function summarise(profileFile: string, from: number, to: number) {
  const profile = JSON.parse(fs.readFileSync(profileFile, "utf8")) as Profile;
  const hits = new Map<number, number>();
  let at = profile.endTime - profile.timeDeltas.reduce((sum, d) => sum + d, 0);
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i];
    const msBeforeEnd = (profile.endTime - at) / 1000;
    if (msBeforeEnd <= from && msBeforeEnd >= to) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  const byFunction = new Map<string, number>();
  const byArea = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    const hitCount = hits.get(node.id) ?? 0;
    if (functionName === "(idle)" || hitCount === 0) continue;
    total += hitCount;
    const where = url.replace(/^file:\/\//, "").replace(process.cwd() + "/", "");
    const area =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(where)?.[1] ??
      (where.startsWith("build/")
        ? "the app's server build"
        : where.startsWith("node:")
          ? "node"
          : where || functionName);
    const name = `${functionName || "(anonymous)"} ${where}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + hitCount);
    byArea.set(area, (byArea.get(area) ?? 0) + hitCount);
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, hits]) => `  ${((hits / total) * 100).toFixed(1).padStart(5)}%  ${name}`)
      .join("\n");
  console.log(`\nSelf time by package (${total} samples, idle left out):\n${top(byArea, 15)}`);
  console.log(`\nSelf time by function:\n${top(byFunction, 30)}`);
}

/** wrk's load on one page: 10 connections for BENCH_CPU_SECONDS. */
const LOAD = { connections: 10, duration: PROFILE_SECONDS };

/** The server's CPU ms a request while wrk loads one page. */
async function cpuUnderLoad(page: Page, port: number, pid: number | undefined, cookie: string) {
  const before = cpuTimeMs(pid);
  const result = await loadPage(page, port, cookie, LOAD);
  return (cpuTimeMs(pid) - before) / Math.max(1, result.requests);
}

checkWrk();
await buildFloor();
const floor = await startFloor(file);
const profileDir = path.join(dir, "cpu");
const server = await startServer(
  file,
  1,
  PROFILE_PATH && PROFILER ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : [],
);
const loadTimes = { start: 0, end: 0, exit: 0 };
try {
  const cookie = await signIn();
  await time(FLOOR, FLOOR_PORT, cookie);
  const pages = pagesFor(file);
  for (const page of pages) await time(page, PORT, cookie);
  if (CPU_PAGES) {
    const chosen = CPU_PAGES === "all" ? pages : pages.filter((p) => CPU_PAGES.split(",").includes(p.path));
    const rows: string[] = [];
    for (const page of chosen) {
      const floorMs = await cpuUnderLoad(FLOOR, FLOOR_PORT, floor.pid, cookie);
      const pageMs = await cpuUnderLoad(page, PORT, server.pid, cookie);
      rows.push(
        `${pageMs.toFixed(2).padStart(7)} ms  ${floorMs.toFixed(2).padStart(5)} ms  ${(pageMs / floorMs).toFixed(1).padStart(5)}x  ${page.name}`,
      );
    }
    console.log(
      `\nCPU a request under load (10 connections, ${PROFILE_SECONDS} s each): page, the floor just before, ratio\n${rows.join("\n")}`,
    );
  }
  if (PROFILE_PATH) {
    const page = pages.find((p) => p.path === PROFILE_PATH) ?? { name: PROFILE_PATH, path: PROFILE_PATH, route: "" };
    // The floor under the same load just before, so the reading can be put as a ratio.
    const floorCpu = cpuTimeMs(floor.pid);
    const floorLoad = await loadPage(FLOOR, FLOOR_PORT, cookie, LOAD);
    const floorMs = (cpuTimeMs(floor.pid) - floorCpu) / Math.max(1, floorLoad.requests);
    const serverCpu = cpuTimeMs(server.pid);
    loadTimes.start = performance.now();
    const result = await loadPage(page, PORT, cookie, LOAD);
    loadTimes.end = performance.now();
    const serverMs = (cpuTimeMs(server.pid) - serverCpu) / Math.max(1, result.requests);
    console.log(
      `\nUnder load (10 connections, ${PROFILE_SECONDS} s): ${page.path} ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms; the floor just before ${floorLoad.rps.toFixed(0)} req/s, p99 ${floorLoad.p99} ms: ${((result.rps / floorLoad.rps) * 100).toFixed(0)}% of the floor; CPU ${serverMs.toFixed(2)} ms a request${PROFILER ? " (profiled)" : ""}, the floor's ${floorMs.toFixed(2)} ms`,
    );
  }
} finally {
  await stopServer(server);
  loadTimes.exit = performance.now();
  await stopServer(floor);
}
if (PROFILE_PATH && PROFILER) {
  const [profile] = fs.readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
  const kept = path.resolve("bench/.data/last.cpuprofile");
  fs.copyFileSync(path.join(profileDir, profile), kept);
  summarise(kept, loadTimes.exit - loadTimes.start, loadTimes.exit - loadTimes.end);
  console.log(`\nThe profile: ${kept} (open it in Chrome's DevTools, Performance)`);
}
fs.rmSync(dir, { recursive: true, force: true });
