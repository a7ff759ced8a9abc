/**
 * `npm run bench:compare`: the server CPU a request of this build against another commit's, for
 * a change too small for `npm run bench` to see (its runs are minutes apart, and this shared
 * machine's speed moves by a tenth between them).
 *
 * Both servers run at once, each on its own copy of the dataset; wrk loads one page on each in
 * short bursts, A B B A B A A B ... (bench/turns.ts), and each server's CPU is summed over its
 * bursts from /proc. A drift of the machine falls on both alike, so their ratio holds where the
 * figures do not: the same build against itself read 0.99-1.01 (bench/RESULTS.md, the
 * twenty-sixth stop).
 *
 *   npm run build && BENCH_BASE=main~1 npm run bench:compare
 *   BENCH_BASE=<ref> BENCH_PAGE=/healthz BENCH_BURSTS=12 BENCH_SIZE=national npm run bench:compare
 *
 * The base is built in a git worktree under the system's temporary folder, with this
 * checkout's node_modules (a change of packages is not what this compares), and kept there by
 * commit for the next comparison. BENCH_PAGE is a path of bench/pages.ts; the POST by default.
 * BENCH_FLAGS gives this build's server node flags of its own (space-separated), to weigh a flag
 * against the same code without it: `BENCH_BASE=HEAD BENCH_FLAGS=--single-threaded-gc`.
 */
import { execFileSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isCurrentDataset, type SizeName } from "./generate";
import { checkWrk, loadPage } from "./load";
import { pagesFor, type Page } from "./pages";
import { cpuTimeMs, signIn, startServer, stopServer } from "./server";
import { inTurns } from "./turns";

const BASE = process.env.BENCH_BASE;
const SIZE = (process.env.BENCH_SIZE ?? "small") as SizeName;
const BURSTS = Number(process.env.BENCH_BURSTS ?? 12);
const BURST_SECONDS = Number(process.env.BENCH_BURST_SECONDS ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 4311);
const FLAGS = (process.env.BENCH_FLAGS ?? "").split(" ").filter(Boolean);

if (!BASE) throw new Error("Say which commit to compare with: BENCH_BASE=<ref> npm run bench:compare");
const source = path.resolve(`bench/.data/${SIZE}.db`);
if (!isCurrentDataset(source)) throw new Error(`No ${source} keyed by this version: run npm run bench first`);
if (!fs.existsSync("build/server.js")) throw new Error("No build/: run npm run build first");
checkWrk();

/** The base commit built in its own worktree (kept by commit: a second comparison reuses it). */
function buildBase(ref: string) {
  const commit = execFileSync("git", ["rev-parse", "--verify", `${ref}^{commit}`], { encoding: "utf8" }).trim();
  const dir = path.join(os.tmpdir(), `kezdesu-compare-${commit.slice(0, 12)}`);
  if (fs.existsSync(path.join(dir, "build/server.js"))) return { commit, dir };
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync("git", ["worktree", "prune"]);
  execFileSync("git", ["worktree", "add", "--detach", dir, commit], { stdio: "inherit" });
  fs.symlinkSync(path.resolve("node_modules"), path.join(dir, "node_modules"));
  execFileSync("npm", ["run", "build"], { cwd: dir, stdio: "inherit" });
  return { commit, dir };
}

/** A server's CPU ms, the whole process and its main thread (whose id is the process's). */
function cpuOf(pid: number) {
  return { all: cpuTimeMs(pid), main: cpuTimeMs(pid, pid) };
}

type Served = { name: string; port: number; file: string; server: ChildProcess; cookie: string; page: Page };

async function serve(name: string, dir: string, port: number, flags: string[] = []): Promise<Served> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-compare-data-")), `${SIZE}.db`);
  fs.copyFileSync(source, file);
  const server = await startServer(file, 1, flags, { port, cwd: dir });
  const cookie = await signIn(port);
  const pages = pagesFor(file);
  const wanted = process.env.BENCH_PAGE;
  const page = wanted ? pages.find((p) => p.path === wanted) : pages.find((p) => p.method === "POST");
  if (!page) throw new Error(`No page ${wanted} in bench/pages.ts`);
  return { name, port, file, server, cookie, page };
}

async function stop(served: Served) {
  await stopServer(served.server);
  fs.rmSync(path.dirname(served.file), { recursive: true, force: true });
}

const base = buildBase(BASE);
const servers = [
  await serve(`base (${base.commit.slice(0, 7)})`, base.dir, PORT),
  await serve(FLAGS.length ? `this build ${FLAGS.join(" ")}` : "this build", ".", PORT + 10, FLAGS),
];
try {
  for (const served of servers)
    await loadPage(served.page, served.port, served.cookie, { connections: 10, duration: 4 });
  // Bursts of each in turnOrder, A B B A B A A B ... (bench/turns.ts): neither always goes first.
  const turns = await inTurns(servers[0], servers[1], BURSTS * 2, async (served) => {
    const before = cpuOf(served.server.pid!);
    const result = await loadPage(served.page, served.port, served.cookie, {
      connections: 10,
      duration: BURST_SECONDS,
    });
    const after = cpuOf(served.server.pid!);
    if (result.failed || result.errors) throw new Error(`${served.name}: ${result.failed + result.errors} failed`);
    return { all: after.all - before.all, main: after.main - before.main, requests: result.requests };
  });
  const totals = [turns.a, turns.b].map((bursts) => {
    const sum = (key: "all" | "main" | "requests") => bursts.reduce((total, burst) => total + burst[key], 0);
    return { all: sum("all"), main: sum("main"), requests: sum("requests") };
  });
  const perRequest = totals.map((t) => ({ all: t.all / t.requests, main: t.main / t.requests }));
  console.log(`\n${servers[0].page.name}, ${SIZE} dataset, ${BURSTS} bursts of ${BURST_SECONDS} s each:`);
  servers.forEach((served, i) =>
    console.log(
      `  ${served.name.padEnd(20)} ${perRequest[i].all.toFixed(3)} ms CPU a request (main thread ${perRequest[i].main.toFixed(3)}), ${totals[i].requests} requests`,
    ),
  );
  console.log(
    `  this build over the base: ${(perRequest[1].all / perRequest[0].all).toFixed(3)} (main thread ${(perRequest[1].main / perRequest[0].main).toFixed(3)})`,
  );
} finally {
  for (const served of servers) await stop(served);
}
