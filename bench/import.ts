/**
 * `npm run bench:import` (issue 15.1): a 10,000-row meetings file (XLSX, with the template's
 * English headers) previewed and imported on a fresh database; prints the times and the
 * process's peak memory, then undoes the import. Dates are typed every way the import reads them (ISO, partial,
 * approximate, Russian and Kazakh words, Excel serial numbers); partners, people and topics
 * repeat across rows as they would in a council's sheet, half the partners new. Each step's
 * longest stall of the event loop is what the server's other requests would wait at most.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import ExcelJS from "exceljs";

const ROWS = Number(process.env.IMPORT_ROWS ?? 10_000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-bench-import-"));
process.env.DATABASE_PATH = path.join(dir, "bench.db");

const { openDatabase } = await import("~db/client");
const { migrateDatabase } = await import("~/models/writes.server");
const { seedDemoData } = await import("~/models/demo-data.server");
const { commitImport, previewImport, readImportFile, templateHeaders, undoImport } =
  await import("~/models/imports.server");
const { formErrorMap } = await import("~/forms/error-map");
const { translatorFor } = await import("~/i18n/i18n.server");
const { exportTable, toCsv } = await import("~/exchange/export.server");

const db = openDatabase(process.env.DATABASE_PATH);
migrateDatabase(db);
seedDemoData(db);
globalThis.__kezdesuDb = db;

const file = path.join(dir, "meetings.xlsx");
const started = performance.now();
const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
const sheet = workbook.addWorksheet("Meetings");
sheet.addRow(templateHeaders("en")).commit();
const partnersOnFile = ["Heilongjiang Province"];
const countries = ["China", "Kazakhstan", "France", "Germany", "Italy", "Japan"];
const dateOf = (i: number) => {
  const year = 2000 + (i % 25);
  const month = (i % 12) + 1;
  const day = (i % 28) + 1;
  switch (i % 6) {
    case 0:
      return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    case 1:
      return `${year}`;
    case 2:
      return `${year} approx.`;
    case 3:
      return `${day} мая ${year}`;
    case 4:
      return `${year} жылғы ${day} мамыр`;
    default:
      return 36526 + (i % 9000); // an Excel serial number
  }
};
for (let i = 0; i < ROWS; i++) {
  const partner = i % 2 ? partnersOnFile[0] : `Bench city ${i % 200}`;
  sheet
    .addRow([
      null,
      dateOf(i),
      partner,
      null,
      `Hall ${i % 7}`,
      `Talks on cooperation, round ${i}`,
      countries[i % countries.length],
      `Person ${i % 1500} (Deputy); Person ${(i + 7) % 1500}`,
      `Guest ${i % 3000} (Vice-mayor)`,
      i % 3 ? null : `Summary of meeting ${i}`,
      `Topic ${i % 40}; Topic ${(i + 1) % 40}`,
      i % 10 ? null : `Initiative ${i}`,
      i % 4 ? null : `https://example.kz/news/${i}`,
      i % 4 ? null : "Example news",
    ])
    .commit();
}
sheet.commit();
await workbook.commit();
const seconds = (from: number) => ((performance.now() - from) / 1000).toFixed(1);
console.log(`generated ${ROWS} rows, ${(fs.statSync(file).size / 1e6).toFixed(1)} MB XLSX in ${seconds(started)} s`);

const errorMap = formErrorMap(translatorFor("en"));
const peak = () => `${Math.round(process.resourceUsage().maxRSS / 1024)} MB`;
// CPU time as well as the clock: the machine is shared, and its load stretches the wall time.
let cpuFrom = process.cpuUsage();
const cpu = () => {
  const used = process.cpuUsage(cpuFrom);
  return `${((used.user + used.system) / 1e6).toFixed(1)} s CPU`;
};

// The longest the event loop was held since `watchStalls()`: what the server's other requests waited at most.
const stalls = monitorEventLoopDelay({ resolution: 10 });
stalls.enable();
// reset() forgets the timer's last tick, and the tick after it records nothing: watching starts a
// tick later, or a step held from its first moment would show no stall at all.
const watchStalls = async () => {
  stalls.reset();
  await new Promise((resolve) => setTimeout(resolve, 30));
};
// After a turn of its timer: a stall is recorded only when the timer fires late.
const longestStall = async () => {
  await new Promise((resolve) => setTimeout(resolve, 50));
  return `longest stall ${(stalls.max / 1e6).toFixed(0)} ms`;
};

await watchStalls();
let from = performance.now();
cpuFrom = process.cpuUsage();
const previewed = await previewImport(await readImportFile(file, "auto"), errorMap);
const previewTime = seconds(from);
console.log(
  `preview: ${previewTime} s, ${cpu()}, ${await longestStall()} (read and checked ${previewed.rows} rows: ${previewed.ready} ready, ${previewed.errors} with errors), peak RSS ${peak()}`,
);

await watchStalls();
from = performance.now();
cpuFrom = process.cpuUsage();
const imported = await commitImport(await readImportFile(file, "auto"), "meetings.xlsx", errorMap, { userId: null });
const importTime = seconds(from);
const meetings = db.$client.prepare("SELECT count(*) FROM meetings").pluck().get();
console.log(
  `import: ${importTime} s, ${cpu()}, ${await longestStall()} (${imported.ready} rows written; meetings on file: ${meetings}), peak RSS ${peak()}`,
);

// The meetings list as the export route builds it (EXPORT_LIMIT rows with their participants,
// topics and sources), each format: what an export holds the process for.
const { inExportTurn, toXlsx } = await import("~/exchange/export.server");
for (const format of ["csv", "xlsx"] as const) {
  await watchStalls();
  from = performance.now();
  cpuFrom = process.cpuUsage();
  const t = translatorFor("en");
  const bytes = await inExportTurn(async () => {
    const table = await exportTable("meetings", new URLSearchParams(), "en", t);
    return format === "csv" ? Buffer.byteLength(toCsv(table)) : (await toXlsx(table, "Meetings")).byteLength;
  });
  console.log(
    `export of the meetings as ${format.toUpperCase()}: ${seconds(from)} s, ${cpu()}, ${await longestStall()} (${(bytes / 1e6).toFixed(1)} MB)`,
  );
}

// The way back: the meetings list exported (as many rows as an export holds, each with its ID)
// and previewed again, every row matched to the meeting on file.
const exported = path.join(dir, "exported.csv");
fs.writeFileSync(exported, toCsv(await exportTable("meetings", new URLSearchParams(), "en", translatorFor("en"))));
await watchStalls();
from = performance.now();
cpuFrom = process.cpuUsage();
const again = await previewImport(await readImportFile(exported, "auto"), errorMap);
console.log(
  `preview of the export: ${seconds(from)} s, ${cpu()}, ${await longestStall()} (${again.rows} rows: ${again.unchanged} on file unchanged, ${again.errors} with errors)`,
);

// And the import undone as a whole: every meeting, person and partner it made deleted into the bin.
await watchStalls();
from = performance.now();
cpuFrom = process.cpuUsage();
const undone = await undoImport(imported.id, { userId: null });
const left = db.$client.prepare("SELECT count(*) FROM meetings").pluck().get();
console.log(
  `undo: ${seconds(from)} s, ${cpu()}, ${await longestStall()} (${undone.ok ? "undone" : "refused"}; meetings on file: ${left})`,
);

db.$client.close();
fs.rmSync(dir, { recursive: true, force: true });
if (Number(previewTime) > 30 || Number(importTime) > 30) {
  console.error("over the 30 s target");
  process.exit(1);
}
