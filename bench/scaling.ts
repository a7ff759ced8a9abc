/**
 * `npm run bench:scaling`: one process against two (bench/two-processes.ts) for the app's meeting
 * page, the bare framework (bench/floor) and bench/node-only-server.ts, a server of node:http
 * alone doing pure JavaScript of about the app's CPU a request: what this machine gives a second
 * Node process whatever the framework, beside what it gives the app's. About 5 minutes a round.
 *
 *   BENCH_PORT=4451 BENCH_ROUNDS=3 BENCH_SCALING_TURNS=8 BENCH_SCALING_TURN=5 BENCH_SCALING_WARMUP=20 npm run bench:scaling
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { isCurrentDataset } from "./generate";
import { checkWrk } from "./load";
import { pagesFor } from "./pages";
import { buildFloor } from "./server";
import {
  appSubject,
  floorSubject,
  measureScaling,
  nodeOnlySubject,
  SCALING_HEADER,
  SCALING_TURN,
  SCALING_TURNS,
  SCALING_WARMUP,
  scalingRow,
} from "./two-processes";

const PORT = Number(process.env.BENCH_PORT ?? 4451);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 1);

const source = path.resolve("bench/.data/national.db");
if (!isCurrentDataset(source)) throw new Error(`No ${source} keyed by this version: run npm run bench first`);
if (!fs.existsSync("build/server.js")) throw new Error("No build/: run npm run build first");
checkWrk();

const work = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-scaling-"));
try {
  const files = { 1: path.join(work, "one.db"), 2: path.join(work, "two.db") };
  for (const file of Object.values(files)) fs.copyFileSync(source, file);
  const meetingPage = pagesFor(files[1]).find((page) => page.name === "meeting page")!;
  await buildFloor();
  const rows: string[] = [];
  for (let round = 1; round <= ROUNDS; round++)
    for (const subject of [appSubject(meetingPage, files), floorSubject(files[1]), nodeOnlySubject]) {
      rows.push(scalingRow(`${subject.name}, round ${round}`, await measureScaling(subject, PORT)));
      console.log(rows.at(-1));
    }
  console.log(
    `\nOne process against two, wrk (one thread) with 10 connections, ${SCALING_WARMUP} s warm-up each, ${SCALING_TURNS} turns of ${SCALING_TURN} s, ${os.cpus().length} vCPUs, the national dataset:\n`,
  );
  console.log([...SCALING_HEADER, ...rows].join("\n"));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
