/**
 * Issue 12.5: a second server started on the same database fails and leaves the first one's
 * guard standing; `npm run restore` refuses while a server has the database open, with its pid
 * file or without, and works once it is stopped, or after it was killed outright.
 *
 * The real server (node --import tsx server.ts, the production build) and the real restore
 * script, as child processes.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { takeBackup } from "~db/backup";
import { databaseInUse, pidFile } from "~db/guard";
import { temporaryDirectory } from "../support/temporary-directory";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

beforeAll(() => {
  // `npm test` builds before it runs the unit tests.
  if (!fs.existsSync(path.join(root, "build/index.js"))) throw new Error("No build: run `npm run build` first");
});

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const probe = net.createServer().listen(0, () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
    probe.on("error", reject);
  });
}

type Server = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startServer(database: string, port: number): Server {
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_PATH: database,
      PORT: String(port),
      DEMO_DATA: "skip",
      SESSION_SECRET: "a-test-secret-of-at-least-thirty-two-characters",
      ADMIN_EMAIL: "admin@example.test",
      ADMIN_PASSWORD: "correct horse battery staple",
      WEB_CONCURRENCY: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function until(what: string, condition: () => boolean, server?: Server) {
  const deadline = Date.now() + 60_000;
  while (!condition()) {
    if (Date.now() > deadline)
      throw new Error(`Timed out waiting for ${what}.${server ? `\nServer output:\n${server.output()}` : ""}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const pidInFile = (database: string) => {
  try {
    return (JSON.parse(fs.readFileSync(pidFile(database), "utf8")) as { pid: number }).pid;
  } catch {
    return null;
  }
};

async function serving(database: string, port: number) {
  const server = startServer(database, port);
  await until("the server to listen and claim its pid file", () => pidInFile(database) === server.child.pid, server);
  return server;
}

function restore(database: string, backup: string) {
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/restore.ts", backup], {
    cwd: root,
    env: { ...process.env, DATABASE_PATH: database },
    encoding: "utf8",
  });
}

async function stop(server: Server, signal: NodeJS.Signals = "SIGTERM") {
  server.child.kill(signal);
  await server.exited;
}

describe("the restore guard", () => {
  test("a second server on the same port and database fails, and the first one's guard stands", async () => {
    const database = path.join(temporaryDirectory("guard"), "kezdesu.db");
    const port = await freePort();
    const first = await serving(database, port);
    try {
      const { file: backup } = await takeBackup(database);

      const second = startServer(database, port);
      expect(await second.exited).not.toBe(0);
      expect(second.output()).toMatch(/already serving/);
      expect(pidInFile(database)).toBe(first.child.pid);
      const refused = restore(database, backup);
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain(`pid ${first.child.pid}`);

      // Even with its pid file gone (as a failed start used to remove it), the first server
      // still has the database open: a start that gets past the pid file fails on the port,
      // and restore still refuses.
      fs.rmSync(pidFile(database));
      const third = startServer(database, port);
      expect(await third.exited).not.toBe(0);
      expect(third.output()).toMatch(/EADDRINUSE/);
      expect(fs.existsSync(pidFile(database))).toBe(false);
      expect(databaseInUse(database)).toBe(true);
      const refusedAgain = restore(database, backup);
      expect(refusedAgain.status).toBe(1);
      expect(refusedAgain.stderr).toMatch(/has .* open: stop it first/);
      expect(fs.readdirSync(path.dirname(database)).filter((name) => name.includes("before-restore"))).toEqual([]);

      await stop(first);
      const restored = restore(database, backup);
      expect(restored.stderr).toBe("");
      expect(restored.status).toBe(0);
      expect(fs.readdirSync(path.dirname(database)).filter((name) => name.includes("before-restore"))).toHaveLength(1);
    } finally {
      first.child.kill("SIGKILL");
    }
  }, 120_000);

  test("the pid file of a server killed outright blocks neither a restore nor the next start", async () => {
    const database = path.join(temporaryDirectory("guard"), "kezdesu.db");
    const killed = await serving(database, await freePort());
    const { file: backup } = await takeBackup(database);
    await stop(killed, "SIGKILL");
    expect(pidInFile(database)).toBe(killed.child.pid);

    const restored = restore(database, backup);
    expect(restored.stderr).toBe("");
    expect(restored.status).toBe(0);

    const next = await serving(database, await freePort());
    await stop(next);
    expect(fs.existsSync(pidFile(database))).toBe(false);
  }, 120_000);
});
