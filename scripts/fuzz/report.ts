/** What a run prints, and the failing bodies it keeps for replaying. */
import fs from "node:fs";
import path from "node:path";
import type { Failure, TargetStats } from "./runner";
export function printTable(rows: readonly TargetStats[]) {
  const header = [
    "target",
    "requests",
    "4xx",
    "2xx/3xx",
    "5xx",
    "stack traces",
    "rows written by 4xx",
    "no answer",
    "seconds",
  ];
  const cells = rows.map((row) => [
    row.target,
    String(row.requests),
    String(row.rejected),
    String(row.accepted),
    String(row.serverErrors),
    String(row.stackTraces),
    String(row.rowsWritten),
    String(row.noAnswer),
    row.seconds.toFixed(1),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((row) => row[column].length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join("  ");
  console.log(line(header));
  console.log(widths.map((width) => "-".repeat(width)).join("  "));
  for (const row of cells) console.log(line(row));
}

export function describeFailure(failure: Failure): string {
  return [
    `${failure.target} #${failure.request}: ${failure.rule} (status ${failure.status})`,
    `  body (${failure.body.kind}, Content-Type ${JSON.stringify(failure.body.contentType)}): ${failure.body.label}`,
    `  answer: ${failure.detail.replace(/\s+/g, " ").slice(0, 400)}`,
  ].join("\n");
}

/** Keeps every failing body whole, so it can be replayed with curl --data-binary @file. */
export function saveFailures(failures: readonly Failure[], workDir: string): string {
  const dir = path.join(workDir, "failures");
  fs.mkdirSync(dir, { recursive: true });
  failures.forEach((failure, index) =>
    fs.writeFileSync(path.join(dir, `${String(index).padStart(4, "0")}.body`), failure.body.payload),
  );
  const report = path.join(workDir, "failures.txt");
  fs.writeFileSync(
    report,
    failures.map((failure, index) => `[${String(index).padStart(4, "0")}] ${describeFailure(failure)}`).join("\n\n"),
  );
  return report;
}
