/**
 * `npm run test:crash`: a writer logs meetings through the app's models while it is killed
 * with SIGKILL at random moments, 30 times. After each kill the database must pass
 * integrity_check and foreign_key_check, and every meeting whose save was acknowledged must be
 * there whole: its participants, its topic and source, its history entry and its search row.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 30);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-crash-"));
const file = path.join(dir, "crash.db");

// A deterministic "random" moment per round, so a failure can be replayed.
let seed = Number(process.env.CRASH_SEED ?? 7);
const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

const setup = openDatabase(file);
migrateDatabase(setup);
setup.$client.close();

const acknowledged = new Map<number, number>();
let failures = 0;

function runWriter(round: number, killAfterMs: number) {
  return new Promise<number>((resolve) => {
    const writer = spawn("node", ["--import", "tsx", "scripts/crash-writer.ts", String(round)], {
      env: { ...process.env, DATABASE_PATH: file, NODE_ENV: "production" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let buffered = "";
    let acks = 0;
    let timer: NodeJS.Timeout | undefined;
    writer.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        const [word, id, count] = line.split(" ");
        if (word !== "ack") continue;
        acknowledged.set(Number(id), Number(count));
        // The clock starts at the first save, so every round kills a writer mid-stream.
        if (acks++ === 0) timer = setTimeout(() => writer.kill("SIGKILL"), killAfterMs);
      }
    });
    writer.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") {
        console.error(`  round ${round}: the writer stopped by itself (${code})`);
        failures++;
      }
      resolve(acks);
    });
  });
}

function check(round: number) {
  const db = openDatabase(file);
  const sqlite = db.$client;
  try {
    const integrity = sqlite.pragma("integrity_check", { simple: true });
    const foreignKeys = sqlite.pragma("foreign_key_check") as unknown[];
    const participants = sqlite.prepare("SELECT count(*) FROM meeting_participants WHERE meeting_id = ?").pluck();
    const whole = sqlite.prepare(
      `SELECT (SELECT count(*) FROM meeting_topics WHERE meeting_id = @id) AS topics,
              (SELECT count(*) FROM meeting_sources WHERE meeting_id = @id) AS sources,
              (SELECT count(*) FROM history WHERE record_type = 'meeting' AND record_id = @id) AS history,
              (SELECT count(*) FROM search_rows r JOIN search_text_meeting t ON t.rowid = r.fts_rowid WHERE r.kind = 'meeting' AND r.record_id = @id) AS indexed`,
    );
    let missing = 0;
    for (const [id, count] of acknowledged) {
      const parts = whole.get({ id }) as { topics: number; sources: number; history: number; indexed: number };
      if (
        participants.get(id) !== count ||
        parts.topics !== 1 ||
        parts.sources !== 1 ||
        parts.history < 1 ||
        parts.indexed !== 1
      )
        missing++;
    }
    // No half-written meeting either: every meeting has its participants.
    const halves = sqlite
      .prepare(
        "SELECT count(*) FROM meetings m WHERE NOT EXISTS (SELECT 1 FROM meeting_participants p WHERE p.meeting_id = m.id)",
      )
      .pluck()
      .get() as number;
    const ok =
      integrity === "ok" &&
      foreignKeys.length === 0 &&
      missing === 0 &&
      halves === 0 &&
      (sqlite.prepare("SELECT count(*) FROM pending_changes").pluck().get() as number) === 0;
    console.log(
      `  round ${round}: integrity ${integrity}, ${acknowledged.size} acknowledged meetings, ${missing} missing or partial, ${halves} half-written`,
    );
    if (!ok) failures++;
  } finally {
    sqlite.close();
  }
}

console.log(`Crash test: ${ROUNDS} rounds of SIGKILL against a writer, database ${file}`);
for (let round = 1; round <= ROUNDS; round++) {
  await runWriter(round, Math.floor(50 + next() * 700));
  check(round);
}
fs.rmSync(dir, { recursive: true, force: true });
if (failures > 0) {
  console.error(`Crash test failed in ${failures} round(s)`);
  process.exit(1);
}
console.log(`Crash test passed: ${acknowledged.size} acknowledged meetings, all whole after ${ROUNDS} kills`);
