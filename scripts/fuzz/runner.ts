/**
 * The run's checks: every target gets FUZZ_RUNS hostile bodies, then a body far over the limit in
 * each framing. Every answer must be below 500 without a stack trace or an SQLite error; a request
 * the app refused (4xx) must not have written a row; the editor's session must survive.
 */
import http from "node:http";
import type Database from "better-sqlite3";
import { BASE_URL, REQUEST_TIMEOUT_MS, RUNS, SEED, TRACE } from "./config";
import { FORM_CONTENT_TYPE, generateBody, type FieldPool, type FuzzBody } from "./generators";
import { hashSeed, Random } from "./random";
import { isRunning, logTail, post, ServerGone, type Server } from "./server";
import type { Target } from "./targets";

/** Tables that legitimately change when a request is refused (they record refusals and sign-ins). */
const UNCOUNTED_TABLES = new Set(["security_log", "sessions", "sign_in_failures"]);
/** The FTS5 indexes' shadow tables: SQLite's own bookkeeping, counted through each index itself. */
const FTS_SHADOW = /^search_text_\w+_(data|idx|content|docsize|config)$/;

const STACK_TRACE_PATTERNS = [
  /\n\s+at [^\n]+\(/,
  /at Object\.|at async|node_modules|\.tsx?:\d+:\d+/,
  /SqliteError|SQLITE_/,
];

export type Fingerprint = Map<string, number>;

export function fingerprinter(db: Database.Database): () => Fingerprint {
  const tables = (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as Array<{
      name: string;
    }>
  )
    .map((row) => row.name)
    .filter((name) => !UNCOUNTED_TABLES.has(name) && !FTS_SHADOW.test(name));
  const counts = tables.map((name) => [name, db.prepare(`SELECT count(*) AS n FROM "${name}"`)] as const);
  return () => new Map(counts.map(([name, statement]) => [name, (statement.get() as { n: number }).n]));
}

function differences(before: Fingerprint, after: Fingerprint): string[] {
  const changed: string[] = [];
  for (const [table, count] of after) {
    const delta = count - (before.get(table) ?? 0);
    if (delta !== 0) changed.push(`${table} ${delta > 0 ? "+" : ""}${delta}`);
  }
  return changed;
}

export type Rule =
  "5xx" | "stack trace" | "row written" | "no answer" | "session lost" | "body not cut" | "slow health";

export type Failure = { target: string; request: number; rule: Rule; status: string; body: FuzzBody; detail: string };

export type TargetStats = {
  target: string;
  requests: number;
  rejected: number;
  accepted: number;
  serverErrors: number;
  stackTraces: number;
  rowsWritten: number;
  noAnswer: number;
  seconds: number;
};

export type Run = {
  editorCookie: string;
  fingerprint: () => Fingerprint;
  server: Server;
  failures: Failure[];
  /** Every field of every form: what the generators add to a body. */
  pool: FieldPool;
};

/**
 * server.ts refuses a signed-out body past this at once with 413, and drops what more comes
 * until twice as much has come, then closes the connection under a client still writing.
 */
const SIGNED_OUT_MAX_BODY_BYTES = 64 * 1024;

/** fetch says only "fetch failed"; the socket error that explains it is the cause. */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause =
    error.cause instanceof Error
      ? ` (${error.cause.name}: ${error.cause.message}${"code" in error.cause ? ` ${String(error.cause.code)}` : ""})`
      : "";
  return `${error.name}: ${error.message}${cause}`;
}

function leakedTrace(text: string): string | null {
  for (const pattern of STACK_TRACE_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return text.slice(Math.max(0, match.index - 60), match.index + match[0].length + 60);
  }
  return null;
}

type Answer = { status: number; location: string | null; text: string };

async function answerTo(target: Target, body: FuzzBody, editorCookie: string): Promise<Answer> {
  const response = await post(target.path, body.payload, body.contentType, target.signedIn ? editorCookie : null);
  return { status: response.status, location: response.headers.get("Location"), text: await response.text() };
}

/** The rules any answer must keep, whatever was sent: the ones this answer broke. */
function brokenRules(target: Target, answer: Answer): Array<{ rule: Rule; detail: string }> {
  const broken: Array<{ rule: Rule; detail: string }> = [];
  if (answer.status >= 500) broken.push({ rule: "5xx", detail: answer.text.slice(0, 300) });
  const trace = leakedTrace(answer.text);
  if (trace !== null)
    broken.push({
      rule: "stack trace",
      detail: `${answer.text.slice(0, 300)}\n      … matched: ${JSON.stringify(trace)}`,
    });
  const redirect = answer.status >= 300 && answer.status < 400;
  if (redirect && target.expectsSession && answer.location?.startsWith("/sign-in")) {
    broken.push({ rule: "session lost", detail: `redirected to ${answer.location}` });
  }
  return broken;
}

const isRejected = (status: number) => status >= 400 && status < 500;

export async function fuzzTarget(target: Target, run: Run): Promise<TargetStats> {
  const started = performance.now();
  const stats: TargetStats = {
    target: target.path,
    requests: 0,
    rejected: 0,
    accepted: 0,
    serverErrors: 0,
    stackTraces: 0,
    rowsWritten: 0,
    noAnswer: 0,
    seconds: 0,
  };
  const rng = new Random(hashSeed(`${SEED}:${target.pattern}`));
  let baseline = run.fingerprint();
  // A reset can be the previous request's doing (on the same keep-alive connection): it is reported too.
  let previous = "(none)";

  for (let request = 0; request < RUNS; request++) {
    const body = generateBody(rng, target, run.pool);
    const fail = (rule: Rule, status: string, detail: string) =>
      run.failures.push({ target: target.path, request, rule, status, body, detail });
    if (TRACE)
      console.log(`  ${target.path} #${request}: ${body.label} (Content-Type ${JSON.stringify(body.contentType)})`);
    const sent = performance.now();
    stats.requests++;

    let answer: Answer;
    try {
      answer = await answerTo(target, body, run.editorCookie);
    } catch (error) {
      // A signed-out post over twice the signed-out limit (server.ts) may have its connection
      // closed under a client still writing, after its 413: a cut, not a silence. Any other post
      // gets its answer, read or not.
      if (
        !target.signedIn &&
        Buffer.byteLength(body.payload) > 2 * SIGNED_OUT_MAX_BODY_BYTES &&
        /ECONNRESET|EPIPE/.test(describeError(error))
      ) {
        stats.rejected++;
        previous = body.label;
        continue;
      }
      stats.noAnswer++;
      fail("no answer", "—", `${describeError(error)}; the request before it: ${previous}`);
      if (!isRunning(run.server.child))
        throw new ServerGone(`The server stopped during ${target.path}:\n${logTail(run.server)}`);
      previous = body.label;
      baseline = run.fingerprint();
      continue;
    }
    if (TRACE) console.log(`    → ${answer.status} in ${Math.round(performance.now() - sent)} ms`);
    previous = body.label;

    if (isRejected(answer.status)) stats.rejected++;
    else if (answer.status < 400) stats.accepted++;
    for (const { rule, detail } of brokenRules(target, answer)) {
      if (rule === "5xx") stats.serverErrors++;
      if (rule === "stack trace") stats.stackTraces++;
      fail(rule, String(answer.status), detail);
    }

    // An accepted request may write; a refused one must not (deleting is what a delete URL does).
    const now = run.fingerprint();
    const written = differences(baseline, now);
    if (!target.deletes && isRejected(answer.status) && written.length > 0) {
      stats.rowsWritten++;
      fail("row written", String(answer.status), `${written.join(", ")}; answer: ${answer.text.slice(0, 300)}`);
    }
    baseline = now;
  }

  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

/** Far over server.ts's 8 MB limit, and far more than the socket buffers hold. */
const OVERSIZED_MB = 64;
const HEALTH_WITHIN_MS = 2_000;
const megabyte = Buffer.alloc(1024 * 1024, "A");

type Cut = { status: number | null; error: string | null; writtenMb: number };

/** One oversized form post, written as fast as the server takes it until it answers or hangs up. */
function oversizedPost(pathname: string, cookie: string | null, framing: "chunked" | "declared"): Promise<Cut> {
  return new Promise((resolve) => {
    const cut: Cut = { status: null, error: null, writtenMb: 0 };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      resolve(cut);
    };
    const timer = setTimeout(() => {
      cut.error = `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
      settle();
    }, REQUEST_TIMEOUT_MS);
    const request = http.request(`${BASE_URL}${pathname}`, {
      method: "POST",
      headers: {
        "Content-Type": FORM_CONTENT_TYPE,
        "Sec-Fetch-Site": "same-origin",
        ...(framing === "chunked"
          ? { "Transfer-Encoding": "chunked" }
          : { "Content-Length": String(2 + OVERSIZED_MB * megabyte.length) }),
        ...(cookie ? { Cookie: cookie } : {}),
      },
    });
    request.on("response", (response) => {
      cut.status = response.statusCode ?? null;
      response.resume();
      response.on("end", settle);
      response.on("error", settle);
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      cut.error = error.code ?? error.message;
      settle();
    });
    request.write("x=");
    const write = () => {
      while (cut.writtenMb < OVERSIZED_MB && cut.status === null && !request.destroyed) {
        cut.writtenMb++;
        if (!request.write(megabyte)) return void request.once("drain", write);
      }
      if (cut.writtenMb >= OVERSIZED_MB && !request.destroyed) request.end();
    };
    write();
  });
}

/** Every target, signed out and signed in, chunked and declared: never 5xx, never read whole. */
export async function fuzzOversizedBodies(targets: readonly Target[], run: Run): Promise<TargetStats> {
  const started = performance.now();
  const stats: TargetStats = {
    target: "bodies over the limit",
    requests: 0,
    rejected: 0,
    accepted: 0,
    serverErrors: 0,
    stackTraces: 0,
    rowsWritten: 0,
    noAnswer: 0,
    seconds: 0,
  };
  let request = 0;
  for (const target of targets) {
    for (const cookie of [null, run.editorCookie]) {
      for (const framing of ["chunked", "declared"] as const) {
        const label = `${OVERSIZED_MB} MB ${framing}, ${cookie ? "signed in" : "signed out"}`;
        const body: FuzzBody = { kind: "oversized", label, contentType: FORM_CONTENT_TYPE, payload: "" };
        const fail = (rule: Rule, status: string, detail: string) =>
          run.failures.push({ target: target.path, request, rule, status, body, detail });
        if (TRACE) console.log(`  ${target.path}: ${label}`);
        const cut = await oversizedPost(target.path, cookie, framing);
        stats.requests++;
        request++;
        if (cut.status !== null && cut.status >= 500) {
          stats.serverErrors++;
          fail("5xx", String(cut.status), label);
        } else if (cut.status !== null && cut.status >= 400) stats.rejected++;
        else if (cut.status !== null) stats.accepted++;
        // A closed connection is a refusal too; a client that gave up waiting is not.
        if (cut.status === null && !/^(ECONNRESET|EPIPE)$/.test(cut.error ?? "")) {
          stats.noAnswer++;
          fail("no answer", "—", `${label}: ${cut.error}`);
        }
        if (cut.writtenMb >= OVERSIZED_MB)
          fail("body not cut", String(cut.status ?? cut.error), `${label}: the server took all ${OVERSIZED_MB} MB`);
        if (!isRunning(run.server.child))
          throw new ServerGone(`The server stopped during ${target.path} (${label}):\n${logTail(run.server)}`);
        const asked = performance.now();
        try {
          const health = await fetch(`${BASE_URL}/healthz`, { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
          await health.body?.cancel();
          const ms = performance.now() - asked;
          if (health.status !== 200 || ms > HEALTH_WITHIN_MS)
            fail("slow health", String(health.status), `/healthz took ${Math.round(ms)} ms after ${label}`);
        } catch (error) {
          fail("slow health", "—", `/healthz after ${label}: ${describeError(error)}`);
        }
      }
    }
  }
  stats.seconds = (performance.now() - started) / 1000;
  return stats;
}

/** After everything: the server still answers a plain page (no poisoned prototype, no dead worker). */
export async function assertStillHealthy(run: Run) {
  const body: FuzzBody = { kind: "health", label: "GET /sign-in after the run", contentType: null, payload: "" };
  try {
    const response = await fetch(`${BASE_URL}/sign-in`, {
      redirect: "manual",
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status === 200) return;
    run.failures.push({
      target: "GET /sign-in",
      request: 0,
      rule: "5xx",
      status: String(response.status),
      body,
      detail: "the server no longer serves the sign-in page",
    });
  } catch (error) {
    run.failures.push({
      target: "GET /sign-in",
      request: 0,
      rule: "no answer",
      status: "—",
      body,
      detail: describeError(error),
    });
  }
}
