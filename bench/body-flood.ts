/**
 * Issue 12 item 1: what a flood of large chunked POST bodies does to the server. Starts the
 * production build on a fresh database (BENCH_PORT, loopback), sends FLOOD_POSTS (10) bodies
 * of FLOOD_MB (300) megabytes with `Transfer-Encoding: chunked` (no Content-Length to refuse
 * early), FLOOD_PARALLEL at a time, while asking /healthz every 50 ms, and prints the server
 * process's resident memory before, at its peak and after, and /healthz's latency meanwhile.
 * FLOOD_SIGNED_IN=1 sends the posts with an administrator's session cookie; FLOOD_PATH
 * chooses the form posted to (/partners/new; /sign-in reads the body of a signed-out post).
 *
 *   npm run build && BENCH_PORT=4100 node --import tsx bench/body-flood.ts
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { PORT, signIn, startServer, stopServer } from "./server";

const POSTS = Number(process.env.FLOOD_POSTS ?? 10);
const MEGABYTES = Number(process.env.FLOOD_MB ?? 300);
const PARALLEL = Number(process.env.FLOOD_PARALLEL ?? 1);
const SIGNED_IN = process.env.FLOOD_SIGNED_IN === "1";
const TARGET = process.env.FLOOD_PATH ?? "/partners/new";

const megabyte = Buffer.alloc(1024 * 1024, "A");

function rssMb(pid: number) {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

type Outcome = { status: number | string; ms: number; sentMb: number };

/** One chunked POST of MEGABYTES, written as fast as the server takes it, until it answers or hangs up. */
function floodPost(cookie: string | null): Promise<Outcome> {
  const started = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let status: number | string | undefined;
    const finish = (outcome: number | string) => {
      status ??= outcome;
      resolve({ status, ms: Math.round(performance.now() - started), sentMb: sent });
    };
    const request = http.request({
      host: "127.0.0.1",
      port: PORT,
      method: "POST",
      path: TARGET,
      headers: {
        Origin: `http://127.0.0.1:${PORT}`,
        "Content-Type": "application/x-www-form-urlencoded",
        "Transfer-Encoding": "chunked",
        ...(cookie ? { Cookie: cookie } : {}),
      },
    });
    request.on("response", (response) => {
      status = response.statusCode;
      response.resume();
      response.on("end", () => finish(status!));
      response.on("error", () => finish(status!));
    });
    request.on("error", (error: NodeJS.ErrnoException) => finish(error.code ?? error.message));
    request.write("x=");
    const write = () => {
      while (sent < MEGABYTES && status === undefined && !request.destroyed) {
        sent++;
        if (!request.write(megabyte)) return void request.once("drain", write);
      }
      if (sent >= MEGABYTES && !request.destroyed) request.end();
    };
    write();
  });
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-flood-"));
  const server = await startServer(path.join(dir, "flood.db"));
  try {
    const pid = server.pid!;
    const cookie = SIGNED_IN ? await signIn() : null;
    const healthz = async () => {
      const started = performance.now();
      await fetch(`http://127.0.0.1:${PORT}/healthz`).then((r) => r.text());
      return performance.now() - started;
    };
    // Let start-up's allocations settle before the first reading.
    const idle: number[] = [];
    for (let i = 0; i < 40; i++) idle.push(await healthz());
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = rssMb(pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 100);

    const latencies: number[] = [];
    let polling = true;
    const poller = (async () => {
      while (polling) {
        latencies.push(await healthz());
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();

    const outcomes: Outcome[] = [];
    for (let done = 0; done < POSTS; done += PARALLEL) {
      outcomes.push(
        ...(await Promise.all(Array.from({ length: Math.min(PARALLEL, POSTS - done) }, () => floodPost(cookie)))),
      );
    }
    polling = false;
    await poller;
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const after = rssMb(pid);

    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!.toFixed(1);
    latencies.sort((a, b) => a - b);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
    console.log(
      `${POSTS} chunked POSTs of ${MEGABYTES} MB to ${TARGET}, ${PARALLEL} at a time, ${SIGNED_IN ? "signed in" : "signed out"}`,
    );
    for (const [i, o] of outcomes.entries())
      console.log(`  post ${i + 1}: ${o.status} after ${o.ms} ms, ${o.sentMb} MB written`);
    console.log(
      `server RSS: before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, after ${after.toFixed(0)} MB (${(after - before).toFixed(0)} MB more)`,
    );
    console.log(`/healthz before the posts: median ${median(idle)} ms`);
    console.log(
      `/healthz meanwhile (${latencies.length} requests): median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
  } finally {
    await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
