/**
 * The crash test's writer (scripts/crash-test.ts): logs meetings through the app's own model
 * and says "ack <id> <participants>" only once each one is committed. Odd rounds commit each save
 * alone, waiting for the disk; even rounds save as the server does: one to four saves a turn of
 * the event loop sharing a commit (db/group-commit.ts), acknowledged once it is made and the WAL
 * fsynced (db/durable-answers.ts). It is killed with SIGKILL at a random moment.
 */
import { setImmediate as nextTurn } from "node:timers/promises";
import { walSyncer } from "~db/durable-answers";
import { commitGroup } from "~db/group-commit";
import { SYSTEM } from "~db/history";
import { MeetingSchema } from "~/forms/meeting";
import { PartnerSchema } from "~/forms/partner";
import { logMeeting } from "~/models/meetings/write.server";
import { createPartner } from "~/models/partners/write.server";

const run = process.argv[2] ?? "0";
// A meeting is with a partner (issue 13.1): each run meets one of its own.
const partnerId = createPartner(
  PartnerSchema.parse({ kind: "city", countryCode: "CN", nameEn: `Crash city ${run}` }),
  SYSTEM,
);

const grouped = Number(run) % 2 === 0;
const group = commitGroup();
if (grouped) {
  globalThis.__kezdesuAnswersAfterTheDisk = true;
  globalThis.__kezdesuCommitGroup = group;
}
const wal = walSyncer(() => globalThis.__kezdesuDb?.$client);

function save(i: number) {
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
  const result = logMeeting(input, "en", SYSTEM);
  if (!result.ok) throw new Error(`Refused: ${JSON.stringify(result.fieldErrors)}`);
  return `ack ${result.id} ${count}\n`;
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
