/**
 * Issue 12.6: a change written into the file by another program (here a plain better-sqlite3
 * connection, opened without anything of the app's, as the sqlite3 shell would) is recorded in
 * the history as made outside the app, at its own time, and is never blamed on the next person
 * who saves.
 */
import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { migrateDatabase } from "~/models/writes.server";
import { pruneExpired } from "~/housekeeping.server";
import { partners } from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { recordHistory } from "~/models/history.server";
import { action as editMeetingAction } from "~/routes/meetings.$meetingId_.edit";
import { action as logMeetingAction } from "~/routes/meetings.new";
import { describeChanges } from "~db/shared/history-diff";
import { accountFor } from "../support/accounts";
import { submit } from "../support/forms";

const sqlite = getDb().$client;

seedDemoData(getDb());
const heilongjiang = getDb()
  .select()
  .from(partners)
  .all()
  .find((p) => p.nameEn === "Heilongjiang Province")!.id;

const MEETING = {
  language: "en",
  partnerId: String(heilongjiang),
  "date.year": "2026",
  "date.month": "5",
  "date.day": "20",
  purpose: "Talks on a direct flight to Harbin",
  summary: "Both sides asked their airlines",
  "participants[0].name": "Liu Weimin",
  "participants[0].side": "guest",
  "participants[0].role": "led_delegation",
};

async function logMeeting(purpose: string) {
  const outcome = await submit(logMeetingAction, "/meetings/new", { ...MEETING, purpose });
  expect(outcome.status).toBe(302);
  return Number(outcome.location!.split("/").pop());
}

/** Another program writes to the live file: no actor, no app, just SQL. */
function writeOutside(statement: string, ...values: unknown[]) {
  const outside = new Database(process.env.DATABASE_PATH!);
  try {
    const from = new Date().toISOString();
    outside.prepare(statement).run(...values);
    return { from, to: new Date().toISOString() };
  } finally {
    outside.close();
  }
}

const versions = (id: number) => recordHistory("meeting", id, 1).page.items;
const changedFields = (entry: ReturnType<typeof versions>[number]) =>
  describeChanges("meetings", entry.before, entry.after).fields.map((change) => change.field);

describe("changes made outside the app", async () => {
  const editor = await accountFor("editor");

  test("an outside UPDATE, then a save by a user: two entries, the outside one first, at its own time", async () => {
    const id = await logMeeting("Talks on a direct flight");
    const when = writeOutside("UPDATE meetings SET purpose = ? WHERE id = ?", "Changed with the sqlite3 shell", id);

    // The user's form shows the record as it now is, the outside change included.
    const outcome = await submit(
      editMeetingAction,
      `/meetings/${id}/edit`,
      { ...MEETING, purpose: "Changed with the sqlite3 shell", summary: "Both airlines agreed" },
      { params: { meetingId: String(id) } },
    );
    expect(outcome.status).toBe(302);

    const [saved, outside, created] = versions(id);
    expect(created).toMatchObject({ action: "create", userId: editor.id, outside: false });

    expect(outside).toMatchObject({ action: "update", userId: null, userName: null, outside: true });
    expect(outside.at >= when.from && outside.at <= when.to).toBe(true);
    expect(changedFields(outside)).toEqual(["purpose"]);
    expect(outside.after?.row.purpose).toBe("Changed with the sqlite3 shell");

    expect(saved).toMatchObject({ action: "update", userId: editor.id, outside: false });
    expect(saved.at >= outside.at).toBe(true);
    expect(changedFields(saved)).toEqual(["summary"]);
  });

  test("a save of another record is not blamed for it either", async () => {
    const changed = await logMeeting("A meeting changed outside");
    const when = writeOutside("DELETE FROM meeting_participants WHERE meeting_id = ?", changed);
    await logMeeting("Another meeting, saved after");
    const [outside] = versions(changed);
    expect(outside).toMatchObject({ action: "update", userId: null, outside: true });
    expect(outside.at >= when.from && outside.at <= when.to).toBe(true);
    expect(describeChanges("meetings", outside.before, outside.after).children.map((change) => change.table)).toEqual([
      "meeting_participants",
    ]);
  });

  test("with no save after it, the history page shows it at once, at its own time", async () => {
    const id = await logMeeting("Nobody saves after this one");
    const when = writeOutside(
      "UPDATE meetings SET summary = ? WHERE id = ?",
      "Written outside, nobody saved after",
      id,
    );
    const [outside] = versions(id);
    expect(outside).toMatchObject({ action: "update", outside: true });
    expect(outside.at >= when.from && outside.at <= when.to).toBe(true);
    expect(sqlite.prepare("SELECT count(*) FROM pending_changes").pluck().get()).toBe(0);
  });

  test("the hourly housekeeping records it, and so does the next start, outside the app, at its time", async () => {
    const id = await logMeeting("Housekeeping finds this one");
    const byHousekeeping = writeOutside("UPDATE meetings SET location = ? WHERE id = ?", "Akimat, hall 2", id);
    expect(pruneExpired(getDb()).outside).toBe(1);
    const afterStart = writeOutside(
      "INSERT INTO meetings (language, purpose) VALUES ('en', ?)",
      "Inserted while the server was stopped",
    );
    migrateDatabase(getDb());

    const [outside] = versions(id);
    expect(outside).toMatchObject({ action: "update", outside: true });
    expect(outside.at >= byHousekeeping.from && outside.at <= byHousekeeping.to).toBe(true);
    const inserted = sqlite
      .prepare("SELECT id FROM meetings WHERE purpose = 'Inserted while the server was stopped'")
      .pluck()
      .get() as number;
    const [created] = versions(inserted);
    expect(created).toMatchObject({ action: "create", userId: null, outside: true });
    expect(created.at >= afterStart.from && created.at <= afterStart.to).toBe(true);
  });
});
