/**
 * `npm run bench`: builds the production server and the framework's floor (bench/floor: one
 * route, twenty rows, the same packages), measures every page with wrk (bench/load.ts) at the
 * national size (bench/generate.ts) right after the floor, then at 1% and national side by side
 * for the growth, and writes bench/RESULTS.md.
 *
 *   BENCH_PORT=4201 BENCH_DURATION=10 BENCH_SIZES=small,national BENCH_ROUNDS=1 npm run bench
 *   (every page against the floor at the last size; the growth from 1% to national side by side,
 *   BENCH_GROWTH_TURNS=8 turns of BENCH_GROWTH_TURN=2 s each)
 *   BENCH_REWRITE=1 npm run bench   # the tables again from bench/.data/last-run.json, nothing measured
 */
import { execSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { firstLoadJs } from "./first-load-js";
import { generate, isCurrentDataset, SIZES, type SizeName } from "./generate";
import { checkWrk, loadPage } from "./load";
import { FLOOR, pagesFor, type Page, requestHeaders } from "./pages";
import { buildFloor, cpuTimeMs, FLOOR_PORT, PORT, signIn, startFloor, startServer, stopServer } from "./server";
import {
  appSubject,
  floorSubject,
  measureScaling,
  ratioOf,
  type Scaling,
  SCALING_HEADER,
  SCALING_ORDER,
  SCALING_TURN,
  SCALING_WARMUP,
  scalingRow,
} from "./two-processes";
import { inTurns, turnOrder } from "./turns";

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
// Each round measures every page again: on the shared machine one round of three has put a
// page 15 points below its other two, so the targets are read on the median of the rounds.
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);
const CONNECTIONS = 10;
const SIZE_NAMES = (process.env.BENCH_SIZES ?? "small,national").split(",") as SizeName[];
for (const name of SIZE_NAMES)
  if (!(name in SIZES)) throw new Error(`BENCH_SIZES: no dataset "${name}" (${Object.keys(SIZES).join(", ")})`);
/** The size every page is measured at against the floor: the national one, unless only 1% is asked for. */
const AGAINST_FLOOR: SizeName = SIZE_NAMES.includes("national") ? "national" : SIZE_NAMES[0];
/** The growth from 1% to the national size is measured when both are asked for. */
const GROWTH = SIZE_NAMES.includes("small") && SIZE_NAMES.includes("national");
/** Seconds of each of a page's turns in the growth's side-by-side reading. */
const GROWTH_TURN = Number(process.env.BENCH_GROWTH_TURN ?? 2);
/** The growth's turns of both sizes, 1% first, in turnOrder (bench/turns.ts): eight unless said, ABBA BAAB. */
const GROWTH_TURNS = Number(process.env.BENCH_GROWTH_TURNS ?? 8);
/** The growth's second app server and second floor, beside PORT and FLOOR_PORT. */
const GROWTH_PORTS = { app: PORT + 2, floor: PORT + 3 };
const DATA = path.resolve("bench/.data");

// Issue 17's targets, each read against the floor measured in the same run.
const SHELL_TARGET = 0.5;
const PAGE_TARGET = 0.35;
const P99_TIMES_FLOOR = 3;
const GROWTH_TARGET = 1.3;
const TWO_PROCESSES_TARGET = 1.7;
const JS_TARGET = 100 * 1024;

type Measure = {
  rps: number;
  p50: number;
  p97_5: number;
  p99: number;
  errors: number;
  non2xx: number;
  cpuMs: number;
};
/** A page's reading and the floor's, measured just before it. */
type Reading = Measure & { floor: Measure };
/** A page at both sizes in one round, each in its GROWTH_TURNS. */
type Growth = { small: Measure[]; national: Measure[] };
type Server = { port: number; pid: number | undefined };

function sh(command: string) {
  execSync(command, { stdio: "inherit" });
}

/**
 * One request first, as the load will send it: a page must answer 200 and the form a redirect
 * (saved, not sent to sign in), or the run would measure a sign-in page or a refusal. wrk
 * counts answers of 400 and above as failures, but not a redirect: a lost session would pass.
 */
async function expectSuccess(page: Page, server: Server, cookie: string) {
  const response = await fetch(`http://localhost:${server.port}${page.path}`, {
    method: page.method ?? "GET",
    body: page.body,
    redirect: "manual",
    headers: requestHeaders(page, cookie),
  });
  await response.arrayBuffer();
  const location = response.headers.get("location") ?? "";
  const saved = response.status >= 300 && response.status < 400 && !location.startsWith("/sign-in");
  if (page.method === "POST" ? !saved : response.status !== 200)
    throw new Error(`${page.name} (${page.path}) answered ${response.status} ${location}: nothing to measure`);
}

async function measure(page: Page, server: Server, cookie: string, duration: number): Promise<Measure> {
  await expectSuccess(page, server, cookie);
  const cpuBefore = cpuTimeMs(server.pid);
  const result = await loadPage(page, server.port, cookie, { connections: CONNECTIONS, duration });
  // The server's CPU time per request: what a page costs, whatever else the machine is doing.
  const cpuMs = (cpuTimeMs(server.pid) - cpuBefore) / Math.max(1, result.requests);
  return {
    rps: result.rps,
    p50: result.p50,
    p97_5: result.p97_5,
    p99: result.p99,
    errors: result.errors,
    non2xx: result.failed,
    cpuMs,
  };
}

/**
 * Every page, the shell first, each right after the floor: the machine's speed drifts (two
 * shared vCPUs: one page read 150 to 300 req/s in runs an hour apart), so a page is compared
 * with the floor measured just before it, not with one from minutes earlier.
 */
async function measureAll(pages: Page[], app: Server, floor: Server, cookie: string) {
  const results = new Map<string, Reading>();
  for (const page of pages) {
    await measure(FLOOR, floor, cookie, WARMUP);
    const floorReading = await measure(FLOOR, floor, cookie, DURATION / 2);
    await measure(page, app, cookie, WARMUP);
    const result = await measure(page, app, cookie, DURATION);
    results.set(page.name, { ...result, floor: floorReading });
    console.log(
      `  ${page.name}: ${result.rps.toFixed(0)} req/s (floor just before: ${floorReading.rps.toFixed(0)}, ${pct(result.rps / floorReading.rps)}), ${result.cpuMs.toFixed(1)} ms CPU (floor ${floorReading.cpuMs.toFixed(1)}), p50 ${result.p50} ms, p99 ${result.p99} ms (floor ${floorReading.p99}), ${result.non2xx + result.errors} failed`,
    );
  }
  return results;
}

/**
 * A copy of a dataset (generated once and kept in bench/.data), so that the meetings logged in
 * one round do not grow the next one's data. The last round's write-ahead log goes first: left
 * beside a fresh copy, SQLite would replay it into that copy and find the database malformed.
 */
function freshCopy(size: SizeName, work: string, name: string = size) {
  const source = path.join(DATA, `${size}.db`);
  if (!isCurrentDataset(source)) {
    console.log(`Generating the ${size} dataset (once a version of the name keys; kept in bench/.data)`);
    generate(size, source);
  }
  const file = path.join(work, `${name}.db`);
  for (const suffix of ["-wal", "-shm"]) fs.rmSync(`${file}${suffix}`, { force: true });
  fs.copyFileSync(source, file);
  return file;
}

/**
 * The cost growth from 1% to the national size: two servers, one on each dataset, serve at once,
 * and each page is measured on them in turns of a few seconds (GROWTH_TURNS) after warming both,
 * so that the machine's drift falls on the two sizes alike. Read minutes apart, as the rounds
 * against the floor read the sizes until the thirtieth stop, the floor's own p50 (the same twenty
 * rows at both sizes) moved by 0.75x-1.90x between them. The floor is measured the same way
 * first, as the reading's control: its ratio is what the method's noise alone gives.
 */
async function measureGrowth(work: string, round: number) {
  const files = { small: freshCopy("small", work), national: freshCopy("national", work) };
  const pagesAt = { small: pagesFor(files.small), national: pagesFor(files.national) };
  console.log(
    `Round ${round + 1} of ${ROUNDS}, growth: every page at 1% and at the national size side by side, ${GROWTH_TURN} s a turn`,
  );
  const started: ChildProcess[] = [];
  try {
    const start = async (size: "small" | "national", which: "app" | "floor") => {
      const port = size === "small" ? (which === "app" ? PORT : FLOOR_PORT) : GROWTH_PORTS[which];
      const child =
        which === "app" ? await startServer(files[size], 1, [], { port }) : await startFloor(files[size], 1, port);
      started.push(child);
      return { port, pid: child.pid };
    };
    const floors = { small: await start("small", "floor"), national: await start("national", "floor") };
    const apps = { small: await start("small", "app"), national: await start("national", "app") };
    const cookies = { small: await signIn(apps.small.port), national: await signIn(apps.national.port) };
    const results = new Map<string, Growth>();
    const sideBySide = async (
      at: Record<"small" | "national", Page>,
      servers: Record<"small" | "national", Server>,
    ) => {
      for (const size of ["small", "national"] as const) await measure(at[size], servers[size], cookies[size], WARMUP);
      const turns = await inTurns<"small" | "national", Measure>("small", "national", GROWTH_TURNS, (size) =>
        measure(at[size], servers[size], cookies[size], GROWTH_TURN),
      );
      const reading: Growth = { small: turns.a, national: turns.b };
      results.set(at.national.name, reading);
      console.log(
        `  ${at.national.name}: ${growthOf(reading, "p50").toFixed(2)} by p50, ${growthOf(reading, "cpuMs").toFixed(2)} by CPU`,
      );
    };
    await sideBySide({ small: FLOOR, national: FLOOR }, floors);
    for (const [i, page] of pagesAt.national.entries())
      await sideBySide({ small: pagesAt.small[i], national: page }, apps);
    return results;
  } finally {
    for (const child of started) await stopServer(child);
  }
}

/** One round's growth: the mean of the national turns over the mean of those at 1%. */
function growthOf(reading: Growth, key: "p50" | "cpuMs") {
  const mean = (turns: Measure[]) => turns.reduce((sum, turn) => sum + turn[key], 0) / turns.length;
  return mean(reading.national) / Math.max(mean(reading.small), 0.01);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const pct = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
const mark = (ok: boolean) => (ok ? "yes" : "**no**");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** One process against two, by round: the app's meeting page and the floor. */
type TwoProcesses = { app: Scaling[]; floor: Scaling[] };

async function main() {
  const started = Date.now();
  checkWrk();
  console.log("Building the production server and the floor");
  sh("npm run build");
  await buildFloor();
  fs.mkdirSync(DATA, { recursive: true });
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-bench-"));
  // rounds[round][size]: the readings of one pass over every page, against the floor, at one size.
  const rounds: Map<SizeName, Map<string, Reading>>[] = [];
  // growths[round]: every page's readings at both sizes, side by side.
  const growths: Map<string, Growth>[] = [];
  let pages: Page[] = [];
  let cluster: TwoProcesses | null = null;

  for (let round = 0; round < ROUNDS; round++) {
    const bySize = new Map<SizeName, Map<string, Reading>>();
    rounds.push(bySize);
    const file = freshCopy(AGAINST_FLOOR, work);
    pages = pagesFor(file);
    console.log(
      `Round ${round + 1} of ${ROUNDS}, the ${AGAINST_FLOOR} dataset (${SIZES[AGAINST_FLOOR].meetings} meetings): ${DURATION} s per page after ${WARMUP} s of warm-up, the floor ${DURATION / 2} s before each`,
    );
    const floorServer = await startFloor(file);
    const floor = { port: FLOOR_PORT, pid: floorServer.pid };
    let server: ChildProcess | undefined;
    let running = false;
    try {
      server = await startServer(file);
      running = true;
      const cookie = await signIn();
      bySize.set(AGAINST_FLOOR, await measureAll(pages, { port: PORT, pid: server.pid }, floor, cookie));

      if (round === 0) {
        // Reads on two processes against one: the meeting page, the most common read, and the
        // floor as the control, what this machine gives a second process at all (the load
        // generator on the same vCPUs); three rounds (bench/two-processes.ts).
        await stopServer(server);
        running = false;
        await stopServer(floorServer);
        const files = { 1: file, 2: freshCopy(AGAINST_FLOOR, work, "second") };
        const meetingPage = pages.find((p) => p.name === "meeting page")!;
        cluster = { app: [], floor: [] };
        for (let i = 0; i < 3; i++) {
          cluster.app.push(await measureScaling(appSubject(meetingPage, files), PORT));
          cluster.floor.push(await measureScaling(floorSubject(file), PORT));
          console.log(
            `  two processes: ${ratioOf(cluster.app[i]!).toFixed(2)}x; the floor ${ratioOf(cluster.floor[i]!).toFixed(2)}x`,
          );
        }
      }
    } finally {
      if (running && server) await stopServer(server);
      await stopServer(floorServer);
    }
    if (GROWTH) growths.push(await measureGrowth(work, round));
  }
  fs.rmSync(work, { recursive: true, force: true });
  const routes = [...new Set(pages.map((p) => p.route))];
  const js = firstLoadJs(path.resolve("public"), routes);
  const floorJs = firstLoadJs(path.resolve("bench/floor/public"), [FLOOR.route]).get(FLOOR.route)!;
  const minutes = (Date.now() - started) / 60_000;
  // The readings themselves, so that a failure in writing the tables does not lose the run.
  fs.writeFileSync(
    path.join(DATA, "last-run.json"),
    JSON.stringify({
      rounds: rounds.map((r) => Object.fromEntries([...r].map(([k, v]) => [k, Object.fromEntries(v)]))),
      growths: growths.map((g) => Object.fromEntries(g)),
      cluster,
      minutes,
      date: today(),
    }),
  );
  writeResults(pages, rounds, growths, js, floorJs, cluster, minutes, today());
  console.log(`Done in ${minutes.toFixed(1)} minutes`);
}

function writeResults(
  pages: Page[],
  rounds: Map<SizeName, Map<string, Reading>>[],
  growths: Map<string, Growth>[],
  js: Map<string, number>,
  floorJs: number,
  cluster: TwoProcesses | null,
  minutes: number,
  date: string,
) {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  const shell = pages[0];
  const lines = [
    "# Benchmark results",
    "",
    `Measured by \`npm run bench\` (bench/run.ts, ${minutes.toFixed(0)} minutes) on ${date}: ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, ${os.type()} ${os.release()}, Node ${process.version}.`,
    `wrk (one thread), ${CONNECTIONS} connections, keep-alive, compression asked (\`Accept-Encoding: gzip, deflate, br\`), ${WARMUP} s warm-up then ${DURATION} s per page, signed in as an administrator, interface in Kazakh. The production build, one process unless said; ${rounds.length} round${rounds.length > 1 ? "s" : ""}.`,
    "",
    "**The floor** is bench/floor: a bare Remix app on the same packages and the same classic compiler (one route that reads 20 rows through better-sqlite3, Express and @remix-run/express, no compression, no session), built and served beside Kezdesu in the same run. **The shell** is Kezdesu's `/healthz` signed in: a page that shows nothing, inside the session lookup, language, flash, header, security headers and compression every page has.",
    "",
    `Each page is measured right after the floor (${DURATION / 2} s), and "vs floor" is against that reading: the machine is shared with other engineers, so absolute figures move by a factor of two within an hour while the ratios move far less. "vs shell" is the page's ratio to the floor over the shell's ratio to the floor: what the page costs beyond the shell. "CPU ms/req" is the server's CPU time per request (from /proc); "by CPU" is the floor's over the page's: the throughput ratio a CPU-bound server would show with the drift divided out.`,
    "",
    `Targets (issue 17), at the national size: the shell >= ${pct(SHELL_TARGET)} of the floor's throughput; every page >= ${pct(PAGE_TARGET)} and its p99 <= ${P99_TIMES_FLOOR}x the floor's p99 in the same run; p50 growth from the 1% to the national dataset <= ${GROWTH_TARGET} (the two sizes side by side, median of the rounds); two processes >= ${TWO_PROCESSES_TARGET}x one (median of three rounds); first-load JS <= 100 KB gzipped on every page.`,
    "",
  ];
  const last = rounds[rounds.length - 1];
  for (const [size, results] of last) {
    lines.push(
      `## ${size === "national" ? "National" : "Small (1%)"} dataset: ${SIZES[size].meetings.toLocaleString("en")} meetings${rounds.length > 1 ? ` (round ${rounds.length})` : ""}`,
      "",
      "| page | req/s | p50 ms | p99 ms | failed | floor req/s | vs floor | by CPU | vs shell | target | p99 / floor's | <= 3x | CPU ms/req |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | ---: |",
    );
    const shellReading = results.get(shell.name)!;
    const shellRatio = shellReading.rps / shellReading.floor.rps;
    const floors = [...results.values()].map((r) => r.floor);
    lines.push(
      `| ${FLOOR.name}, mean of its ${floors.length} readings | ${(floors.reduce((s, f) => s + f.rps, 0) / floors.length).toFixed(0)} | ${median(floors.map((f) => f.p50))} | ${median(floors.map((f) => f.p99))} | ${floors.reduce((n, f) => n + f.non2xx + f.errors, 0)} | | 100% | 100% | | | | | ${(floors.reduce((s, f) => s + f.cpuMs, 0) / floors.length).toFixed(1)} |`,
    );
    for (const page of pages) {
      const r = results.get(page.name)!;
      const ratio = r.rps / r.floor.rps;
      const byCpu = r.floor.cpuMs / r.cpuMs;
      const target = page === shell ? SHELL_TARGET : PAGE_TARGET;
      const p99Ratio = r.p99 / Math.max(1, r.floor.p99);
      lines.push(
        `| ${page.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx + r.errors} | ${r.floor.rps.toFixed(0)} | ${pct(ratio)} | ${pct(byCpu)} | ${page === shell ? "" : pct(ratio / shellRatio)} | >= ${pct(target)}: ${mark(ratio >= target)} | ${p99Ratio.toFixed(1)}x | ${mark(p99Ratio <= P99_TIMES_FLOOR)} | ${r.cpuMs.toFixed(1)} |`,
      );
    }
    lines.push("");
  }
  if (rounds.length > 1) lines.push(...roundByRound(pages, rounds), "");
  if (growths.length > 0) lines.push(...growthTable(pages, growths), "");
  lines.push(
    "## First-load JavaScript, gzipped",
    "",
    "| page | JS | <= 100 KB |",
    "| --- | ---: | --- |",
    `| ${FLOOR.name} | ${kb(floorJs)} | ${mark(floorJs <= JS_TARGET)} |`,
  );
  const seen = new Set<string>();
  for (const page of pages) {
    if (seen.has(page.route)) continue;
    seen.add(page.route);
    const bytes = js.get(page.route)!;
    lines.push(`| ${page.name} (${page.route}) | ${kb(bytes)} | ${mark(bytes <= JS_TARGET)} |`);
  }
  lines.push("");
  // A run saved before one process and two were alternated (bench/two-processes.ts) has no rounds to show.
  if (cluster?.app?.length) {
    const ratio = median(cluster.app.map(ratioOf));
    const floorRatio = median(cluster.floor.map(ratioOf));
    lines.push(
      "## Two processes",
      "",
      `The meeting page, one process and two (WEB_CONCURRENCY=2) serving at once, each warmed ${SCALING_WARMUP} s, then loaded in turns of ${SCALING_TURN} s (${SCALING_ORDER}), ${cluster.app.length} rounds; the floor the same way after it in each round, as the control. The CPU a request counts every process of the server; idle CPUs are the machine's (${os.cpus().length} vCPUs, wrk on them too) during the turns.`,
      "",
      ...SCALING_HEADER,
      ...cluster.app.flatMap((app, i) => [
        scalingRow(`Kezdesu, meeting page, round ${i + 1}`, app),
        scalingRow(`floor, round ${i + 1}`, cluster.floor[i]!),
      ]),
      "",
      `Median of the rounds: ${ratio.toFixed(2)}x (goal >= ${TWO_PROCESSES_TARGET}: ${mark(ratio >= TWO_PROCESSES_TARGET)}); the floor ${floorRatio.toFixed(2)}x.`,
      "",
    );
  }
  // Kept from the last file: the reading of the numbers (written by hand, dated) and the soak
  // (bench/soak.ts writes it).
  const previous = fs.existsSync("bench/RESULTS.md") ? fs.readFileSync("bench/RESULTS.md", "utf8") : "";
  const reading = /\n## Reading these numbers[\s\S]*?(?=\n## Soak\n|$)/.exec(previous)?.[0];
  const soak = /\n## Soak\n[\s\S]*$/.exec(previous)?.[0];
  fs.writeFileSync("bench/RESULTS.md", `${lines.join("\n")}\n${reading ?? ""}${soak ?? ""}`);
  console.log("Wrote bench/RESULTS.md");
}

/** The growth from 1% to the national size, each round's and the target read on their median. */
function growthTable(pages: Page[], growths: Map<string, Growth>[]) {
  const lines = [
    `## Cost growth: p50 at the national size over p50 at 1%, side by side${growths.length > 1 ? `, median of ${growths.length} rounds` : ", one round"}`,
    "",
    `Two servers, one on each dataset, serve at once, and each page is measured on them in turns of ${GROWTH_TURN} s (${turnOrder("1%", "national", GROWTH_TURNS).join(", ")}) after ${WARMUP} s of warm-up on each, so that the machine's drift falls on both sizes alike. A round's ratio is the mean of its p50s at the national size over the mean of those at 1%. The floor, the same twenty rows at both sizes, is measured so first: its ratio is the method's noise. "CPU" is the server's CPU time a request, every thread, in the same turns.`,
    "",
    "| page | 1% p50 ms | national p50 ms | by p50, per round | median | <= 1.3 | by CPU, per round | median |",
    "| --- | --- | --- | --- | ---: | --- | --- | ---: |",
  ];
  const list = (values: number[]) => values.map((x) => x.toFixed(2)).join(", ");
  const p50s = (turns: Measure[]) => turns.map((turn) => turn.p50).join(", ");
  for (const page of [FLOOR, ...pages]) {
    const readings = growths.map((round) => round.get(page.name)).filter((reading) => reading !== undefined);
    if (readings.length === 0) continue;
    const byP50 = readings.map((reading) => growthOf(reading, "p50"));
    const byCpu = readings.map((reading) => growthOf(reading, "cpuMs"));
    const name = page === FLOOR ? `${page.name}, the control` : page.name;
    lines.push(
      `| ${name} | ${readings.map((r) => p50s(r.small)).join("; ")} | ${readings.map((r) => p50s(r.national)).join("; ")} | ${list(byP50)} | ${median(byP50).toFixed(2)} | ${page === FLOOR ? "" : mark(median(byP50) <= GROWTH_TARGET)} | ${list(byCpu)} | ${median(byCpu).toFixed(2)} |`,
    );
  }
  return lines;
}

/**
 * Each page's throughput against the floor at the national size in every round, and the target
 * read on their median, as the growth and the two processes are: the tables above show one round,
 * and on this shared machine one round of three has put a page 15 points below its other two.
 */
function roundByRound(pages: Page[], rounds: Map<SizeName, Map<string, Reading>>[]) {
  const national = rounds.map((round) => round.get("national")).filter((round) => round !== undefined);
  if (national.length < 2) return [];
  const lines = [
    `## Against the floor at the national size, round by round`,
    "",
    `Each page's throughput over the floor's just before it, in each of the ${national.length} rounds, and the target read on their median.`,
    "",
    "| page | vs floor, per round | median | lowest | target (median) |",
    "| --- | --- | ---: | ---: | --- |",
  ];
  for (const page of pages) {
    const ratios = national.map((round) => {
      const r = round.get(page.name)!;
      return r.rps / r.floor.rps;
    });
    const target = page === pages[0] ? SHELL_TARGET : PAGE_TARGET;
    // Of an even count, the mean of the middle two: `median` takes the higher, which would flatter.
    const sorted = [...ratios].sort((a, b) => a - b);
    const half = sorted.length / 2;
    const middle = Number.isInteger(half) ? (sorted[half - 1] + sorted[half]) / 2 : sorted[Math.floor(half)];
    lines.push(
      `| ${page.name} | ${ratios.map(pct).join(", ")} | ${pct(middle)} | ${pct(sorted[0])} | >= ${pct(target)}: ${mark(middle >= target)} |`,
    );
  }
  return lines;
}

const today = () => new Date().toISOString().slice(0, 10);

/**
 * BENCH_REWRITE=1: the tables written again from the last run's readings (bench/.data/last-run.json),
 * for a change to how they are read, without measuring again.
 */
function rewrite() {
  const saved = JSON.parse(fs.readFileSync(path.join(DATA, "last-run.json"), "utf8")) as {
    rounds: Record<SizeName, Record<string, Reading>>[];
    growths?: Record<string, Growth>[];
    cluster: TwoProcesses | null;
    minutes?: number;
    date?: string;
  };
  const rounds = saved.rounds.map(
    (round) =>
      new Map(
        (Object.entries(round) as [SizeName, Record<string, Reading>][]).map(([size, readings]) => [
          size,
          new Map(Object.entries(readings)),
        ]),
      ),
  );
  const pages = pagesFor(path.join(DATA, `${AGAINST_FLOOR}.db`));
  const js = firstLoadJs(path.resolve("public"), [...new Set(pages.map((p) => p.route))]);
  const floorJs = firstLoadJs(path.resolve("bench/floor/public"), [FLOOR.route]).get(FLOOR.route)!;
  // A run saved before its date was: the date the tables it wrote give.
  const written = /\) on (\d{4}-\d\d-\d\d):/.exec(fs.readFileSync("bench/RESULTS.md", "utf8"))?.[1];
  const growths = (saved.growths ?? []).map((round) => new Map(Object.entries(round)));
  writeResults(
    pages,
    rounds,
    growths,
    js,
    floorJs,
    saved.cluster,
    saved.minutes ?? NaN,
    saved.date ?? written ?? "an unknown date",
  );
}

if (process.argv[1]?.endsWith("bench/run.ts") && process.env.BENCH_REWRITE) rewrite();
else if (process.argv[1]?.endsWith("bench/run.ts")) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
