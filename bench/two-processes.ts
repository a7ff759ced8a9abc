/**
 * One process against two (issue 17: two processes >= 1.7x one), read the same way by `npm run
 * bench` (the app and the floor) and `npm run bench:scaling` (with a server of Node alone too).
 *
 * A server runs as one process and as two at once, on ports of their own (a server not loaded is
 * idle), both warmed until settled; then wrk loads them in eight turns, one, two, two, one, two,
 * one, one, two (ABBA BAAB, bench/turns.ts), so a drift of the machine falls on both alike. Read
 * before in turn, each freshly started, a second process was measured less settled than the
 * first (each of two has half the requests to warm on) and minutes apart on a machine whose
 * speed drifts by a fifth: the meeting page read 1.55x (median of three rounds) where,
 * alternated, it read 1.67x and 1.70x.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import { load, loadPage, type LoadResult } from "./load";
import { FLOOR, type Page } from "./pages";
import { cpuTimeMs, servingFlags, signIn, startFloor, startServer, stopServer, waitFor } from "./server";
import { inTurns, turnOrder } from "./turns";

/** Seconds of load on each before the turns: a fresh process settles over its first 5,000-7,000 requests. */
export const SCALING_WARMUP = Number(process.env.BENCH_SCALING_WARMUP ?? 20);
export const SCALING_TURN = Number(process.env.BENCH_SCALING_TURN ?? 5);
/** Turns of both, one process and two in turnOrder (bench/turns.ts): eight unless said, ABBA BAAB. */
export const SCALING_TURNS = Number(process.env.BENCH_SCALING_TURNS ?? 8);
/** The turns as the tables name them: "one, two, two, one, ...". */
export const SCALING_ORDER = turnOrder("one", "two", SCALING_TURNS).join(", ");
const CONNECTIONS = 10;

export type Workers = 1 | 2;
export type Subject = {
  name: string;
  start: (workers: Workers, port: number) => Promise<ChildProcess>;
  load: (port: number, cookie: string, seconds: number) => Promise<LoadResult>;
  signedIn: boolean;
};
/** Requests a second, the servers' CPU a request (every process of the server) and the machine's idle CPUs. */
export type ScalingReading = { rps: number; cpuMsPerRequest: number; idleCpus: number };
export type Scaling = { one: ScalingReading; two: ScalingReading };
/** One turn's load: its requests a second and count, the server's CPU ms and the machine's idle ticks. */
type Turn = { rps: number; requests: number; cpu: number; idle: number };

/** The app serving `page`; `files` are two copies of a dataset (the app serves a database alone). */
export function appSubject(page: Page, files: Record<Workers, string>): Subject {
  return {
    name: `Kezdesu, ${page.name}`,
    start: (workers, port) => startServer(files[workers], workers, [], { port }),
    load: (port, cookie, seconds) => loadPage(page, port, cookie, { connections: CONNECTIONS, duration: seconds }),
    signedIn: true,
  };
}

export function floorSubject(file: string): Subject {
  return {
    name: FLOOR.name,
    start: (workers, port) => startFloor(file, workers, port),
    load: (port, cookie, seconds) => loadPage(FLOOR, port, cookie, { connections: CONNECTIONS, duration: seconds }),
    signedIn: false,
  };
}

/** bench/node-only-server.ts: what the machine gives a second Node process with no framework in the request. */
export const nodeOnlySubject: Subject = {
  name: "Node alone: node:http, no framework (bench/node-only-server.ts)",
  async start(workers, port) {
    const server = spawn("node", [...servingFlags(), "--import", "tsx", "bench/node-only-server.ts"], {
      env: { ...process.env, NODE_ENV: "production", PORT: String(port), WEB_CONCURRENCY: String(workers) },
      stdio: ["ignore", "inherit", "inherit"],
    });
    return waitFor(server, `http://localhost:${port}/`);
  },
  load: (port, _cookie, seconds) =>
    load({ url: `http://localhost:${port}/`, connections: CONNECTIONS, duration: seconds }),
  signedIn: false,
};

/** A server's CPU ms: its process and, under node:cluster, the workers it started. */
function serverCpuMs(pid: number) {
  let total = cpuTimeMs(pid);
  for (const entry of fs.readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    try {
      const parent = Number(
        fs
          .readFileSync(`/proc/${entry}/stat`, "utf8")
          .replace(/^.*\) /, "")
          .split(" ")[1],
      );
      if (parent === pid) total += cpuTimeMs(Number(entry));
    } catch {
      // Gone between the listing and the read.
    }
  }
  return total;
}

/** The machine's idle time in clock ticks (100 a second a CPU), from /proc/stat. */
const idleTicks = () => Number(fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.split(/\s+/)[4]);

/** One process against two of `subject`, on `port` and `port + 1`. */
export async function measureScaling(subject: Subject, port: number): Promise<Scaling> {
  const ports = { 1: port, 2: port + 1 };
  const servers: Partial<Record<Workers, ChildProcess>> = {};
  try {
    for (const workers of [1, 2] as const) servers[workers] = await subject.start(workers, ports[workers]);
    const cookies = {
      1: subject.signedIn ? await signIn(ports[1]) : "",
      2: subject.signedIn ? await signIn(ports[2]) : "",
    };
    for (const workers of [1, 2] as const) await subject.load(ports[workers], cookies[workers], SCALING_WARMUP);
    const turns = await inTurns<Workers, Turn>(1, 2, SCALING_TURNS, async (workers) => {
      const pid = servers[workers]!.pid!;
      const [cpu, idle] = [serverCpuMs(pid), idleTicks()];
      const result = await subject.load(ports[workers], cookies[workers], SCALING_TURN);
      if (result.errors || result.failed)
        throw new Error(`${subject.name}: ${result.errors + result.failed} requests failed`);
      return { rps: result.rps, requests: result.requests, cpu: serverCpuMs(pid) - cpu, idle: idleTicks() - idle };
    });
    const sum = (list: Turn[], key: keyof Turn) => list.reduce((total, turn) => total + turn[key], 0);
    const reading = (list: Turn[]): ScalingReading => ({
      rps: sum(list, "rps") / list.length,
      cpuMsPerRequest: sum(list, "cpu") / sum(list, "requests"),
      idleCpus: sum(list, "idle") / (list.length * SCALING_TURN * 100),
    });
    return { one: reading(turns.a), two: reading(turns.b) };
  } finally {
    for (const server of Object.values(servers)) await stopServer(server);
  }
}

export const ratioOf = (scaling: Scaling) => scaling.two.rps / scaling.one.rps;

/** A table row: one process, two, the ratio, the CPU a request and the idle CPUs of each. */
export function scalingRow(name: string, s: Scaling) {
  return `| ${name} | ${s.one.rps.toFixed(0)} | ${s.two.rps.toFixed(0)} | ${ratioOf(s).toFixed(2)}x | ${s.one.cpuMsPerRequest.toFixed(2)} ms | ${s.two.cpuMsPerRequest.toFixed(2)} ms | ${s.one.idleCpus.toFixed(2)} | ${s.two.idleCpus.toFixed(2)} |`;
}

export const SCALING_HEADER = [
  "| server, round | one process (req/s) | two | two / one | CPU a request, one | two | idle CPUs, one | two |",
  "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
];
