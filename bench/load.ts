/**
 * Load for the benchmark, from wrk (a load generator written in C, Debian's package `wrk`).
 *
 * It replaced autocannon here because the generator runs on the same two vCPUs as the servers it
 * measures: autocannon (Node) took 0.3-0.4 of them at these rates, and more the larger the
 * answer, so it took from the pages and from a second process what it left to the floor; wrk
 * takes 0.03-0.13 (bench/RESULTS.md, the nineteenth stop's reading). The soak keeps autocannon:
 * it asks for a fixed rate and a mix of requests, which wrk cannot, and its figures are not ratios.
 */
import { execFile, execFileSync } from "node:child_process";
import path from "node:path";
import { type Page, requestHeaders } from "./pages";

export type Load = {
  url: string;
  connections: number;
  /** Seconds. */
  duration: number;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
};

export type LoadResult = {
  requests: number;
  rps: number;
  /** Latency percentiles in ms, to a tenth. */
  p50: number;
  p97_5: number;
  p99: number;
  /** Connections refused, reset or timed out (10 s). */
  errors: number;
  /** Answers with a status of 400 or more. */
  failed: number;
};

const WRK = process.env.WRK_PATH ?? "wrk";
const SCRIPT = path.resolve("bench/wrk.lua");

/** Says how to get wrk, instead of a stack trace half way through a run, when it is missing. */
export function checkWrk() {
  try {
    execFileSync(WRK, ["--version"], { stdio: "ignore" });
  } catch (error) {
    // wrk --version prints its usage and exits 1: only a missing binary is a failure.
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") return;
    throw new Error(
      [
        `No wrk (${WRK}): the benchmark's load generator.`,
        "  On Debian or Ubuntu:  sudo apt-get install -y wrk",
        "  Or point WRK_PATH at one.",
      ].join("\n"),
    );
  }
}

const ms = (us: number) => Math.round(us / 100) / 10;

/** One thread (it keeps up with ten connections at thousands of answers a second), keep-alive. */
export function load({ url, connections, duration, method = "GET", body, headers = {} }: Load): Promise<LoadResult> {
  const args = ["-t", "1", "-c", String(connections), "-d", `${duration}s`, "--timeout", "10s", "-s", SCRIPT];
  for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
  args.push(url);
  const env = { ...process.env, KEZDESU_METHOD: method, KEZDESU_BODY: body ?? "" };
  return new Promise((resolve, reject) => {
    execFile(WRK, args, { env, maxBuffer: 1 << 20 }, (error, stdout, stderr) => {
      const line = /^KEZDESU_WRK (.*)$/m.exec(stdout)?.[1];
      if (error || !line) {
        reject(new Error(`wrk failed on ${url}: ${error?.message ?? "no summary"}\n${stdout}${stderr}`));
        return;
      }
      const r = JSON.parse(line) as Record<string, number>;
      resolve({
        requests: r.requests,
        rps: r.requests / (r.durationUs / 1e6),
        p50: ms(r.p50),
        p97_5: ms(r.p97_5),
        p99: ms(r.p99),
        errors: r.connect + r.read + r.write + r.timeout,
        failed: r.status,
      });
    });
  });
}

/** wrk's load on one of the benchmark's pages, signed in with `cookie`, as the page asks. */
export function loadPage(page: Page, port: number, cookie: string, options: { connections: number; duration: number }) {
  return load({
    url: `http://localhost:${port}${page.path}`,
    ...options,
    method: page.method,
    body: page.body,
    headers: requestHeaders(page, cookie),
  });
}
