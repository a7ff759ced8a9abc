/**
 * The real production server (server.ts over the built app, `npm run build` first) as a child
 * process on a port of its own, on a fresh database, for the tests that need HTTP itself:
 * chunked bodies, connections, headers.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ADMIN = { email: "security@kezdesu.local", password: "Қауіпсіздік-тексеру-2026" };

export type TestServer = {
  origin: string;
  port: number;
  process: ChildProcess;
  databasePath: string;
  log: () => string;
  stop: () => Promise<void>;
};

export async function startServer(port: number, env: Record<string, string> = {}): Promise<TestServer> {
  if (!fs.existsSync("build/index.js")) throw new Error("No build: run `npm run build` first");
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-security-"));
  const databasePath = path.join(dir, "kezdesu.db");
  const child = spawn("node", ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      DATABASE_PATH: databasePath,
      DEMO_DATA: "skip",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    child.kill("SIGTERM");
    await exited;
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (let tries = 0; tries < 120; tries++) {
    if (child.exitCode !== null) throw new Error(`The server stopped:\n${log}`);
    try {
      if ((await fetch(`${origin}/healthz`)).ok)
        return { origin, port, process: child, databasePath, log: () => log, stop };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error(`The server did not start within a minute:\n${log}`);
}

/** The administrator's session cookie, signed in as a browser would. */
export async function signIn(server: TestServer) {
  const response = await fetch(`${server.origin}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password, redirectTo: "/" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed: ${response.status}`);
  return cookie;
}

/** The server process's resident memory, in megabytes. */
export function residentMb(server: TestServer) {
  const status = fs.readFileSync(`/proc/${server.process.pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}
