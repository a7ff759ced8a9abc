/**
 * The crash test's writer (scripts/crash-test.ts): logs meetings through the app's own model
 * and says "ack <id> <participants>" only once each one is committed. A round in three commits
 * each save alone, waiting for the disk; one saves as the server's thread does: one to four saves
 * a turn of the event loop sharing a commit (db/group-commit.ts), acknowledged once it is made and
 * the WAL fsynced (db/durable-answers.ts); one sends them, one to four at a time, to the writer
 * thread the server logs meetings on (db/writer.ts), acknowledged as it answers. It is killed with
 * SIGKILL at a random moment.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { walSyncer } from "~db/durable-answers";
import { startWriter } from "~db/writer";
import { commitGroup } from "~db/group-commit";
import { SYSTEM } from "~db/history";
import { MeetingSchema } from "~/forms/meeting";
import { PartnerSchema } from "~/forms/partner";
import { logMeeting, type LogResult } from "~/models/meetings/write.server";
import { createPartner } from "~/models/partners/write.server";

const run = process.argv[2] ?? "0";
// A meeting is with a partner (issue 13.1): each run meets one of its own.
const partnerId = createPartner(
  PartnerSchema.parse({ kind: "city", countryCode: "CN", nameEn: `Crash city ${run}` }),
  SYSTEM,
);

const mode = (["alone", "grouped", "thread"] as const)[Number(run) % 3];
const grouped = mode === "grouped";
const group = commitGroup();
if (grouped) {
  globalThis.__kezdesuAnswersAfterTheDisk = true;
  globalThis.__kezdesuCommitGroup = group;
}
const wal = walSyncer(() => globalThis.__kezdesuDb?.$client);

function meeting(i: number) {
  const count = 1 + (i % 10);
  const participants = Array.from({ length: count }, (_, j) => ({
    name: `Crash ${run}-${i}-${j} Тестов`,
    side: j % 2 ? "guest" : "host",
    role: j === 0 ? "chaired" : "attended",
    isNew: true,
  }));
  const input = MeetingSchema.parse({
    language: "ru",
    partnerId,
    date: { year: "2026", month: 1 + (i % 12), day: String(1 + (i % 28)) },
    purpose: `Встреча ${run}-${i}: проверка на сбой`,
    participants,
    topics: [`Тема ${i % 7}`],
    sources: [{ outlet: "Crash test", title: `Run ${run}, meeting ${i}` }],
  });
  return { input, count };
}

function acknowledged(result: LogResult, count: number) {
  if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result.fieldErrors)}`);
  return `ack ${result.id} ${count}\n`;
}

function save(i: number) {
  const { input, count } = meeting(i);
  return acknowledged(logMeeting(input, "en", SYSTEM), count);
}

if (mode === "thread") {
  const writer = startWriter(new URL("../app/writer-thread.server.ts", import.meta.url));
  for (let i = 0; ;) {
    const sent = Array.from({ length: 1 + (i % 4) }, () => meeting(i++));
    const results = await Promise.all(sent.map(({ input }) => writer.run("logMeeting", [input, "en", SYSTEM])));
    process.stdout.write(results.map((result, n) => acknowledged(result as LogResult, sent[n]!.count)).join(""));
  }
}

for (let i = 0; ;) {
  if (!grouped) {
    process.stdout.write(save(i++));
    continue;
  }
  const since = group.mark();
  const acks: string[] = [];
  for (let n = 1 + (i % 4); n > 0; n--) acks.push(save(i++));
  await nextTurn();
  await group.settled(since);
  await wal.sync();
  process.stdout.write(acks.join(""));
}
