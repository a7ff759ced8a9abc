/** Starting, signing in to and stopping the production server and the floor, for the benchmark and the soak. */
import { execSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildServer } from "../scripts/build-server";

export const PORT = Number(process.env.BENCH_PORT ?? 3400);
/** The framework's floor (bench/floor), served beside the app in the same run. */
export const FLOOR_PORT = Number(process.env.BENCH_FLOOR_PORT ?? PORT + 1);
const FLOOR_DIR = path.resolve("bench/floor");
const ADMIN = { email: "bench@kezdesu.local", password: "bench-password-2026" };

/** CPU time (user + system) a process, or one of its threads, has used, in ms, from /proc (Linux). */
export function cpuTimeMs(pid: number | undefined, thread?: number): number {
  const stat = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  if (!pid || !fs.existsSync(stat)) return NaN;
  // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100/s).
  const fields = fs
    .readFileSync(stat, "utf8")
    .replace(/^.*\) /, "")
    .split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Refuses to start where something already answers: a server left by a run that stopped half
 * way would answer for the new one, which cannot listen, and its CPU could not be read.
 */
async function ensureFree(url: string) {
  const answered = await fetch(url).then(
    () => true,
    () => false,
  );
  if (answered) throw new Error(`Something already answers on ${new URL(url).host}: stop it first`);
}

/** Waits until `server` answers 200 at `url`; fails if it exits first or does not answer within 2 minutes. */
export async function waitFor(server: ChildProcess, url: string) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`The server for ${url} stopped (${server.exitCode})`);
    try {
      if ((await fetch(url)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill("SIGKILL");
  throw new Error(`${url} did not answer within 2 minutes`);
}

/**
 * The runtime flags `npm run serve` gives node (package.json): the benchmark serves the app as it
 * is deployed, and the floor on the same runtime, so the flags are not counted as the app's gain.
 */
export function servingFlags(): string[] {
  const serve = (JSON.parse(fs.readFileSync("package.json", "utf8")) as { scripts: { serve: string } }).scripts.serve;
  const flags = /\bnode (.*)build\/server\.js/.exec(serve)?.[1];
  if (flags === undefined) throw new Error(`package.json's serve script does not run build/server.js: ${serve}`);
  return flags.split(" ").filter(Boolean);
}

/**
 * The app's production server; `nodeArgs` e.g. --cpu-prof for a CPU profile; `cwd` another
 * checkout's build (bench/compare.ts).
 */
export async function startServer(
  file: string,
  workers = 1,
  nodeArgs: string[] = [],
  { port = PORT, cwd = "." }: { port?: number; cwd?: string } = {},
): Promise<ChildProcess> {
  await ensureFree(`http://localhost:${port}/healthz`);
  const server = spawn("node", [...servingFlags(), ...nodeArgs, "build/server.js"], {
    cwd,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: file,
      DEMO_DATA: "skip",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WEB_CONCURRENCY: String(workers),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return waitFor(server, `http://localhost:${port}/healthz`);
}

/** Builds the floor app (bench/floor) with the root's packages, its server compiled as the app's is: a few seconds. */
export async function buildFloor() {
  execSync(`${path.resolve("node_modules/.bin/remix")} build`, {
    cwd: FLOOR_DIR,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", VITE_CJS_IGNORE_WARNING: "true" },
  });
  await buildServer(path.join(FLOOR_DIR, "server.ts"), path.join(FLOOR_DIR, "build/server.js"));
}

/** The floor's server, reading the same dataset (read only) as the app. */
export async function startFloor(file: string, workers = 1, port = FLOOR_PORT): Promise<ChildProcess> {
  await ensureFree(`http://localhost:${port}/`);
  const server = spawn("node", [...servingFlags(), "build/server.js"], {
    cwd: FLOOR_DIR,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: file,
      WEB_CONCURRENCY: String(workers),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  return waitFor(server, `http://localhost:${port}/`);
}

export async function stopServer(server: ChildProcess) {
  // Stopped already (a signal leaves exitCode null): its exit has been and will not come again.
  if (server.exitCode !== null || server.signalCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

export async function signIn(port = PORT) {
  const response = await fetch(`http://localhost:${port}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password, redirectTo: "/" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed: ${response.status}`);
  return cookie;
}
