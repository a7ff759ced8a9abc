/**
 * The crash test's writer (scripts/crash-test.ts): logs meetings through the app's own model,
 * one transaction each, and says "ack <id> <participants>" only after each one has committed.
 * It is killed with SIGKILL at a random moment.
 */
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

for (let i = 0; ; i++) {
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
  process.stdout.write(`ack ${result.id} ${count}\n`);
}
