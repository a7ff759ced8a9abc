/**
 * The server's writer thread (db/writer.ts): a meeting logged there is the meeting logMeeting
 * writes on the server's own thread, answered only once committed; what it refuses, and a busy
 * database, come back as they would there; a thread that stops fails its saves, and the next save
 * starts another. The thread runs from its source here, as under a server run by tsx.
 */
import Database from "better-sqlite3";
import { afterAll, describe, expect, test } from "vitest";
import { MeetingSchema } from "~/forms/meeting";
import { parseWithZod } from "~/forms/parse-with-zod";
import { logMeeting } from "~/models/meetings/write.server";
import { isBusy } from "~db/busy";
import { startWriter } from "~db/writer";
import { aPartner, aPerson, anAccount } from "./support/factories";

const writer = startWriter(new URL("../app/writer-thread.server.ts", import.meta.url));
afterAll(() => writer.close());

const main = () => globalThis.__kezdesuDb!.$client;
const count = (table: string) => main().prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

/** The meeting form as posted, parsed as the server's thread parses it before the save. */
function meetingForm(partnerId: number, people: number[], purpose = "Астана LRT жобасы туралы кездесу") {
  const form = new URLSearchParams({
    language: "kk",
    "date.year": "2026",
    "date.month": "11",
    "date.day": "24",
    partnerId: String(partnerId),
    purpose,
  });
  people.forEach((personId, i) => {
    form.set(`participants[${i}].personId`, String(personId));
    form.set(`participants[${i}].side`, i ? "guest" : "host");
    form.set(`participants[${i}].role`, "attended");
  });
  const submission = parseWithZod(form, { schema: MeetingSchema });
  if (submission.status !== "success") throw new Error(JSON.stringify(submission.error));
  return submission.value;
}

describe("the writer thread", () => {
  test("logs a meeting with its participants and history, committed when answered", async () => {
    const partner = aPartner({ nameKk: "Цинчжоу", kind: "city", countryCode: "CN" });
    const people = [aPerson({ nameKk: "Әлия Серікқызы" }), aPerson({ nameRu: "Ли Вэй" })];
    const editor = await anAccount({ role: "editor" });

    const answer = await writer.run("logMeeting", [meetingForm(partner, people), "kk", { userId: editor }]);

    expect(answer).toEqual({ ok: true, id: expect.any(Number) });
    const id = (answer as { id: number }).id;
    // Read through another connection than the thread's, at once: the commit is made.
    const saved = main().prepare("SELECT partner_id, purpose FROM meetings WHERE id = ?").get(id);
    expect(saved).toEqual({ partner_id: partner, purpose: "Астана LRT жобасы туралы кездесу" });
    const participants = main()
      .prepare("SELECT person_id FROM meeting_participants WHERE meeting_id = ? ORDER BY position")
      .pluck()
      .all(id);
    expect(participants).toEqual(people);
    const history = main()
      .prepare("SELECT action, user_id FROM history WHERE record_type = 'meeting' AND record_id = ?")
      .all(id);
    expect(history).toEqual([{ action: "create", user_id: editor }]);
    expect(count("pending_changes")).toBe(0);
  });

  test("saves sent together are each saved", async () => {
    const partner = aPartner();
    const before = count("meetings");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        writer.run("logMeeting", [meetingForm(partner, [], `Кездесу №${i}`), "kk", { userId: null }]),
      ),
    );
    expect(answers.every((answer) => (answer as { ok: boolean }).ok)).toBe(true);
    expect(new Set(answers.map((answer) => (answer as { id: number }).id)).size).toBe(12);
    expect(count("meetings")).toBe(before + 12);
  });

  test("answers what the save refuses as the server's thread does, and writes nothing", async () => {
    const form = meetingForm(999_999, [999_998]);
    const before = count("meetings");

    const answer = await writer.run("logMeeting", [form, "ru", { userId: null }]);

    expect(answer).toEqual({ ok: false, fieldErrors: expect.objectContaining({ partnerId: expect.any(Array) }) });
    expect(answer).toEqual(logMeeting(form, "ru", { userId: null }));
    expect(count("meetings")).toBe(before);
  });

  test("a database another program holds fails the save as busy, writing nothing; once free, it saves", async () => {
    const partner = aPartner();
    const before = count("meetings");
    const other = new Database(process.env.DATABASE_PATH!);
    other.exec("BEGIN IMMEDIATE");
    try {
      const refused = await writer.run("logMeeting", [meetingForm(partner, []), "en", { userId: null }]).then(
        () => undefined,
        (error: unknown) => error,
      );
      // What server.ts's actions turn into the form again, "nothing was saved" (db/durable-answers.ts).
      expect(isBusy(refused)).toBe(true);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }
    expect(count("meetings")).toBe(before);
    expect(await writer.run("logMeeting", [meetingForm(partner, []), "en", { userId: null }])).toMatchObject({
      ok: true,
    });
    expect(count("meetings")).toBe(before + 1);
  });

  test("an error thrown on the thread is thrown here, by its name and message", async () => {
    const thrown = await writer.run("noSuchSave", []).catch((error: Error) => error);
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).name).toBe("TypeError");
    expect((thrown as Error).message).toMatch(/not a function/);
  });

  test("what a message cannot carry is refused without reaching the thread", async () => {
    const refused = writer.run("logMeeting", [() => "a function", "kk", { userId: null }]);
    await expect(refused).rejects.toThrow(/could not be cloned/);
    expect(await writer.run("logMeeting", [meetingForm(aPartner(), []), "kk", { userId: null }])).toMatchObject({
      ok: true,
    });
  });

  test("a thread that stops fails the saves it had; the next save starts another", async () => {
    const partner = aPartner();
    const stopped = writer.thread!;
    const lost = writer.run("logMeeting", [meetingForm(partner, []), "kk", { userId: null }]);
    await stopped.terminate();
    await expect(lost).rejects.toThrow(/writer thread stopped/);

    const answer = await writer.run("logMeeting", [meetingForm(partner, []), "kk", { userId: null }]);
    expect(answer).toMatchObject({ ok: true });
    expect(writer.thread).toBeDefined();
    expect(writer.thread).not.toBe(stopped);
  });
});
