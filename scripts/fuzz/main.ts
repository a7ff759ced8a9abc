/**
 * `npm run test:fuzz`: hostile input against the real production server.
 *
 * Starts `server.ts` (NODE_ENV=production) on a fresh database with the demo history, signs in
 * as the administrator, invites an editor the way the app does it, and then, as that editor,
 * posts FUZZ_RUNS bad bodies (default 1000, from a seeded PRNG: FUZZ_SEED, default 1) to every
 * route with an action, found in the build (scripts/fuzz/targets.ts). Every answer must be below
 * 500 and must not leak a stack trace or an SQLite error; a request the app rejected (4xx) must
 * not have written a row.
 *
 * Needs `npm run build` first. FUZZ_PORT (default 3310) chooses the port; FUZZ_ONLY=<text> fuzzes
 * only the targets whose path contains it; FUZZ_TRACE=1 prints every request before it is sent,
 * then its status and time (to find the one a hang or crash follows).
 *
 * Then every target gets a body far over the server's limit, signed out and signed in, chunked
 * (no length to refuse early) and with its length declared (issue 12.1): each must be answered
 * 413 (or the sign-in redirect, or 403, unread) or its connection closed, never 5xx, before the
 * body was taken whole; and /healthz must still answer within two seconds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { BASE_URL, FAILURES_PRINTED, ONLY, PORT, ROOT, RUNS, SEED } from "./config";
import { fieldPool } from "./generators";
import { describeFailure, printTable, saveFailures } from "./report";
import {
  assertStillHealthy,
  fingerprinter,
  fuzzOversizedBodies,
  fuzzTarget,
  type Failure,
  type Run,
  type TargetStats,
} from "./runner";
import {
  assertBuilt,
  assertPortFree,
  attachADocument,
  ServerGone,
  startServer,
  stopServer,
  signInAsNewEditor,
  waitUntilReady,
} from "./server";
import { readRecords, target, targetPlans, type AppRoute } from "./targets";

/** The routes the server serves, as Remix built them: ids, URL paths, and each module's exports. */
async function builtRoutes(): Promise<Record<string, AppRoute>> {
  const build = (await import(pathToFileURL(path.join(ROOT, "build/index.js")).href)) as {
    routes: Record<string, AppRoute>;
  };
  return build.routes;
}

async function main(): Promise<number> {
  assertBuilt();
  await assertPortFree(PORT);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-fuzz-"));
  console.log(
    `Fuzzing with FUZZ_RUNS=${RUNS} FUZZ_SEED=${SEED} on ${BASE_URL} (database and server log in ${workDir})`,
  );

  const server = startServer(workDir);
  const stopOnSignal = () => void stopServer(server).finally(() => process.exit(130));
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  const failures: Failure[] = [];
  const stats: TargetStats[] = [];
  const started = performance.now();
  let db: Database.Database | null = null;
  try {
    await waitUntilReady(server);
    const { editorCookie, openInvitation } = await signInAsNewEditor();
    db = new Database(path.join(workDir, "fuzz.db"), { readonly: true });
    await attachADocument(editorCookie, db.prepare("SELECT min(id) FROM meetings").pluck().get() as number);
    const plans = targetPlans(await builtRoutes());
    const records = readRecords(db, openInvitation);
    const targets = plans.map((plan) => target(plan, records)).filter(({ path }) => path.includes(ONLY));
    const pool = fieldPool(plans.flatMap((plan) => plan.fields));
    const run: Run = { editorCookie, fingerprint: fingerprinter(db), server, failures, pool };

    for (const [index, target] of targets.entries()) {
      const result = await fuzzTarget(target, run);
      stats.push(result);
      const bad = result.serverErrors + result.stackTraces + result.rowsWritten + result.noAnswer;
      console.log(
        `[${String(index + 1).padStart(2)}/${targets.length}] ${target.path.padEnd(38)} ${result.requests} requests: ` +
          `${result.rejected} 4xx, ${result.accepted} 2xx/3xx, ${bad} bad, ${result.seconds.toFixed(1)} s`,
      );
    }
    const oversized = await fuzzOversizedBodies(targets, run);
    stats.push(oversized);
    console.log(
      `${oversized.target}: ${oversized.requests} requests, ${oversized.rejected} 4xx, ${oversized.accepted} 2xx/3xx, ${oversized.seconds.toFixed(1)} s`,
    );
    await assertStillHealthy(run);
  } catch (error) {
    if (!(error instanceof ServerGone)) throw error;
    failures.push({
      target: "server",
      request: 0,
      rule: "no answer",
      status: "—",
      body: { kind: "—", label: "—", contentType: null, payload: "" },
      detail: error.message,
    });
  } finally {
    db?.close();
    await stopServer(server);
  }

  console.log(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
  printTable(stats);
  if (failures.length === 0) {
    fs.rmSync(workDir, { recursive: true, force: true });
    console.log("\nNo failures: every answer was below 500, no stack traces, no rows written by a rejected request.");
    return 0;
  }
  console.log(`\n${failures.length} failure(s):\n`);
  for (const failure of failures.slice(0, FAILURES_PRINTED)) console.log(`${describeFailure(failure)}\n`);
  if (failures.length > FAILURES_PRINTED) console.log(`… and ${failures.length - FAILURES_PRINTED} more.`);
  console.log(
    `All failures: ${saveFailures(failures, workDir)} (bodies in ${path.join(workDir, "failures")}; server log ${server.logFile}).`,
  );
  return 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
