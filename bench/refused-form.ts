/**
 * Issue 12 item 4: how long the server takes to refuse the largest form it accepts. Starts the
 * production build on a fresh database (BENCH_PORT), signs in, and posts a meeting form with
 * every list at its limit (read from the schema, as the server reads it) and every row invalid,
 * as a browser without JavaScript would: the answer is the whole form rendered back with a
 * message beside each row. Prints the answer's status and size, the median and worst time, and
 * the server's CPU time per post (from /proc, steadier than wall time on a shared machine).
 *
 * It runs on the national dataset (bench/generate.ts, made once into bench/.data like `npm run
 * bench`): a form's choices grow with what is on file, and a row that repeated every organisation
 * on file in a select was the refused form's largest cost there (REFUSED_DATASET=empty for a
 * database with nothing on file, small for the 1% one).
 *
 *   npm run build && npm run bench:refused     (REFUSED_PROFILE=/tmp/profile for a CPU profile)
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MeetingSchema } from "~/forms/meeting";
import { listLimits } from "~/forms/shape";
import { generate, SIZES, type SizeName } from "./generate";
import { PORT, signIn, startServer, stopServer } from "./server";

const POSTS = Number(process.env.REFUSED_POSTS ?? 10);
const DATASET = process.env.REFUSED_DATASET ?? "national";

/** A copy of the dataset to post to (a fresh, empty database for "empty"). */
function databaseIn(dir: string) {
  const file = path.join(dir, "refused.db");
  if (DATASET === "empty") return file;
  if (!(DATASET in SIZES)) throw new Error(`REFUSED_DATASET must be empty or one of ${Object.keys(SIZES).join(", ")}`);
  const source = path.resolve("bench/.data", `${DATASET}.db`);
  if (!fs.existsSync(source)) {
    console.log(`Generating the ${DATASET} dataset (once; kept in bench/.data)`);
    generate(DATASET as SizeName, source);
  }
  fs.copyFileSync(source, file);
  return file;
}

/** Every list at its limit, every row refused: a participant with no one named, a link that is not one. */
function largestRefusedForm() {
  const limits = listLimits(MeetingSchema);
  const form = new URLSearchParams({ language: "en", "date.unknown": "on", purpose: "x" });
  for (let i = 0; i < limits.get("participants")!; i++) form.append(`participants[${i}].side`, "sideways");
  for (let i = 0; i < limits.get("topics")!; i++) form.append(`topics[${i}]`, "t".repeat(300));
  for (let i = 0; i < limits.get("sources")!; i++) form.append(`sources[${i}].url`, "not a link");
  for (let i = 0; i < limits.get("initiatives")!; i++) form.append(`initiatives[${i}].kind`, "none");
  return { body: form.toString(), limits };
}

/** The process's user and system time in ms (/proc/PID/stat fields 14 and 15, in 1/100 s ticks). */
const cpuMs = (pid: number, thread?: number) => {
  const stat = thread === undefined ? `/proc/${pid}/stat` : `/proc/${pid}/task/${thread}/stat`;
  const fields = fs.readFileSync(stat, "utf8").split(") ")[1].split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
};

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-refused-"));
  // REFUSED_PROFILE=<folder> writes the server's CPU profile there (open it in Chrome's DevTools).
  const profile = process.env.REFUSED_PROFILE;
  const server = await startServer(databaseIn(dir), 1, profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`] : []);
  try {
    const cookie = await signIn();
    const { body, limits } = largestRefusedForm();
    const post = async () => {
      const started = performance.now();
      const response = await fetch(`http://localhost:${PORT}/meetings/new`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "Sec-Fetch-Site": "same-origin",
          Cookie: cookie,
        },
        body,
      });
      const buffer = await response.arrayBuffer();
      if (process.env.REFUSED_DUMP) fs.writeFileSync(process.env.REFUSED_DUMP, Buffer.from(buffer));
      const size = buffer.byteLength;
      return { status: response.status, size, ms: performance.now() - started };
    };
    await post(); // warm-up: the first render compiles the form's code paths
    const cpuBefore = cpuMs(server.pid!);
    // The main thread alone (its task id is the process's): JavaScript and rendering, without the
    // collector's helper threads and compression on the thread pool.
    const mainBefore = cpuMs(server.pid!, server.pid!);
    const results = [];
    for (let i = 0; i < POSTS; i++) results.push(await post());
    const cpuPerPost = (cpuMs(server.pid!) - cpuBefore) / POSTS;
    const mainPerPost = (cpuMs(server.pid!, server.pid!) - mainBefore) / POSTS;
    const times = results.map((r) => r.ms).sort((a, b) => a - b);
    console.log(
      `the ${DATASET} dataset; lists at their limits: ${[...limits].map(([name, max]) => `${max} ${name}`).join(", ")}`,
    );
    console.log(
      `body ${(body.length / 1024).toFixed(0)} KB; answer ${results[0].status}, ${(results[0].size / 1024).toFixed(0)} KB`,
    );
    console.log(
      `${POSTS} posts: median ${times[Math.floor(POSTS / 2)].toFixed(0)} ms, worst ${times.at(-1)!.toFixed(0)} ms; ` +
        `server CPU ${cpuPerPost.toFixed(0)} ms per post (main thread ${mainPerPost.toFixed(0)} ms)`,
    );
  } finally {
    await stopServer(server);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
