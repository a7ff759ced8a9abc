/**
 * The history: every change through the app leaves one entry with its author and the whole
 * record before and after; a deleted record comes back from the bin whole; a record can be
 * returned to an earlier version; and the history itself cannot be changed, whatever runs SQL.
 */
import { describe, expect, test } from "vitest";
import { commitGroup } from "~db/group-commit";
import { latestEntry, snapshotOf } from "~db/history";
import { partners } from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { binContents, recordHistory } from "~/models/history.server";
import { searchTexts } from "~/models/search.server";
import { action as restoreAction } from "~/routes/admin.bin";
import { action as revertAction } from "~/routes/history.$recordType.$recordId";
import { action as deleteMeetingAction } from "~/routes/meetings.$meetingId_.delete";
import { action as editMeetingAction } from "~/routes/meetings.$meetingId_.edit";
import { action as logMeetingAction } from "~/routes/meetings.new";
import { action as deletePersonAction } from "~/routes/people.$personId_.delete";
import { action as deleteRelationAction } from "~/routes/relations.$relationId.delete";
import { describeChanges } from "~db/shared/history-diff";
import { accountFor } from "./support/accounts";
import { submit } from "./support/forms";

seedDemoData(getDb());
const sqlite = getDb().$client;
const entries = (type: string, id: number) =>
  sqlite
    .prepare("select h.action, h.user_id as userId from history h where record_type = ? and record_id = ? order by id")
    .all(type, id) as Array<{ action: string; userId: number | null }>;
const withoutStamp = (snapshot: ReturnType<typeof snapshotOf>) =>
  snapshot && { ...snapshot, row: { ...snapshot.row, updated_at: null } };

const heilongjiang = getDb()
  .select()
  .from(partners)
  .all()
  .find((p) => p.nameEn === "Heilongjiang Province")!;
const MEETING = {
  language: "ru",
  partnerId: String(heilongjiang.id),
  "date.year": "2026",
  "date.month": "4",
  "date.day": "14",
  purpose: "Обсуждение недели Харбина в Астане",
  summary: "Стороны договорились о датах фестиваля",
  "participants[0].name": "Лю Вэйминь",
  "participants[0].side": "guest",
  "participants[0].role": "led_delegation",
  "participants[1].name": "Айгерим Сапарова",
  "participants[1].side": "host",
  "participants[1].role": "chaired",
  "topics[0]": "Неделя Харбина",
  "sources[0].outlet": "Astana Akshamy",
  "sources[0].title": "Харбин аптасы",
};

async function logMeeting() {
  const outcome = await submit(logMeetingAction, "/meetings/new", MEETING);
  expect(outcome.status).toBe(302);
  return Number(outcome.location!.split("/").pop());
}

describe("a meeting's life in the history", async () => {
  const editor = await accountFor("editor");
  const admin = await accountFor("admin");
  const id = await logMeeting();
  const created = snapshotOf(sqlite, "meeting", id)!;

  test("logging it leaves one entry, by the editor, holding participants, topics and sources", () => {
    expect(entries("meeting", id)).toEqual([{ action: "create", userId: editor.id }]);
    const entry = latestEntry(sqlite, "meeting", id)!;
    expect(entry.before).toBeNull();
    expect(entry.after?.children.meeting_participants).toHaveLength(2);
    // Typed in the English interface, a Russian topic is still Russian (issue 13.5).
    expect(entry.after?.support?.topics?.[0]).toMatchObject({ name_ru: "Неделя Харбина", name_en: null });
    // The new people it made have their own first entries too.
    const guest = entry.after!.children.meeting_participants.find((p) => p.side === "guest")!;
    expect(entries("person", guest.person_id as number)).toEqual([{ action: "create", userId: editor.id }]);
  });

  test("an edit leaves one entry with the values before and after, described in words", async () => {
    const outcome = await submit(
      editMeetingAction,
      `/meetings/${id}/edit`,
      { ...MEETING, purpose: "Неделя Харбина: даты согласованы" },
      { params: { meetingId: String(id) } },
    );
    expect(outcome.status).toBe(302);
    expect(entries("meeting", id).map((e) => e.action)).toEqual(["create", "update"]);
    const entry = latestEntry(sqlite, "meeting", id)!;
    expect(entry.before?.row.purpose).toBe("Обсуждение недели Харбина в Астане");
    expect(entry.after?.row.purpose).toBe("Неделя Харбина: даты согласованы");
    const changes = describeChanges("meetings", entry.before, entry.after);
    expect(changes.fields).toEqual([
      {
        field: "purpose",
        from: { kind: "text", text: "Обсуждение недели Харбина в Астане" },
        to: { kind: "text", text: "Неделя Харбина: даты согласованы" },
      },
    ]);
    expect(changes.children).toEqual([]);
  });

  test("saving the form unchanged adds no entry", async () => {
    await submit(
      editMeetingAction,
      `/meetings/${id}/edit`,
      { ...MEETING, purpose: "Неделя Харбина: даты согласованы" },
      { params: { meetingId: String(id) } },
    );
    expect(entries("meeting", id)).toHaveLength(2);
  });

  test("an editor returns it to its first version, and that is an entry too", async () => {
    const [first] = recordHistory("meeting", id, 1).page.items.slice(-1);
    const outcome = await submit(
      revertAction,
      `/history/meeting/${id}`,
      { entryId: String(first.id) },
      { params: { recordType: "meeting", recordId: String(id) } },
    );
    expect(outcome.status).toBe(302);
    expect(entries("meeting", id).at(-1)).toEqual({ action: "revert", userId: editor.id });
    expect(withoutStamp(snapshotOf(sqlite, "meeting", id))).toEqual(withoutStamp(created));
    expect(searchTexts("обсуждение недели", "ru").meeting.map((m) => m.id)).toContain(id);
  });

  test("deleting it leaves an entry holding everything, and puts it in the bin", async () => {
    const before = snapshotOf(sqlite, "meeting", id);
    const outcome = await submit(
      deleteMeetingAction,
      `/meetings/${id}/delete`,
      {},
      { params: { meetingId: String(id) } },
    );
    expect(outcome.status).toBe(302);
    expect(snapshotOf(sqlite, "meeting", id)).toBeNull();
    expect(sqlite.prepare("select count(*) from meeting_participants where meeting_id = ?").pluck().get(id)).toBe(0);
    const entry = latestEntry(sqlite, "meeting", id)!;
    expect(entry).toMatchObject({ action: "delete", after: null });
    expect(entry.before).toEqual(before);
    expect(binContents(1).items.map((item) => [item.recordType, item.recordId])).toContainEqual(["meeting", id]);
  });

  test("an administrator restores it from the bin with its participants, topics, sources and search text", async () => {
    const outcome = await submit(
      restoreAction,
      "/admin/bin",
      { recordType: "meeting", recordId: String(id) },
      { as: "admin" },
    );
    expect(outcome).toMatchObject({ status: 302, location: `/meetings/${id}` });
    expect(withoutStamp(snapshotOf(sqlite, "meeting", id))).toEqual(withoutStamp(created));
    expect(entries("meeting", id).at(-1)).toEqual({ action: "restore", userId: admin.id });
    expect(binContents(1).items.map((item) => [item.recordType, item.recordId])).not.toContainEqual(["meeting", id]);
    expect(searchTexts("обсуждение недели", "ru").meeting.map((m) => m.id)).toContain(id);
  });

  test("an editor cannot restore; restoring twice changes nothing", async () => {
    expect((await submit(restoreAction, "/admin/bin", { recordType: "meeting", recordId: String(id) })).status).toBe(
      403,
    );
    const again = await submit(
      restoreAction,
      "/admin/bin",
      { recordType: "meeting", recordId: String(id) },
      { as: "admin" },
    );
    expect(again.status).toBe(200);
    expect(entries("meeting", id).at(-1)?.action).toBe("restore");
  });
});

describe("restoring what depends on something deleted since", () => {
  test("a meeting whose participant was deleted after it waits until the person is restored", async () => {
    const id = await logMeeting();
    const guest = snapshotOf(sqlite, "meeting", id)!.children.meeting_participants.find((p) => p.side === "guest")!
      .person_id as number;
    await submit(deleteMeetingAction, `/meetings/${id}/delete`, {}, { params: { meetingId: String(id) } });
    // The other logged meetings in this file share the guest: take them away first.
    for (const other of sqlite
      .prepare("select distinct meeting_id from meeting_participants where person_id = ?")
      .pluck()
      .all(guest) as number[]) {
      await submit(deleteMeetingAction, `/meetings/${other}/delete`, {}, { params: { meetingId: String(other) } });
    }
    expect(
      (await submit(deletePersonAction, `/people/${guest}/delete`, {}, { params: { personId: String(guest) } })).status,
    ).toBe(302);

    // Refused inside the commit the server's saves of one turn share (db/group-commit.ts).
    const group = (globalThis.__kezdesuCommitGroup = commitGroup());
    const refused = await submit(
      restoreAction,
      "/admin/bin",
      { recordType: "meeting", recordId: String(id) },
      { as: "admin" },
    );
    expect(refused.status).toBe(200);
    expect(JSON.stringify(refused.reply)).toContain(
      "It refers to a Person that is no longer on file. Restore that first.",
    );
    expect(snapshotOf(sqlite, "meeting", id)).toBeNull();
    // A write after it in the same commit still has its references checked as it is made, not
    // only at the commit, where the whole group's would fail with it.
    group.join(sqlite);
    expect(() =>
      sqlite.prepare("INSERT INTO meeting_topics (meeting_id, topic_id) VALUES (?, ?)").run(id, 987654321),
    ).toThrow(/FOREIGN KEY/);
    group.commitNow();
    globalThis.__kezdesuCommitGroup = undefined;

    expect(
      (await submit(restoreAction, "/admin/bin", { recordType: "person", recordId: String(guest) }, { as: "admin" }))
        .status,
    ).toBe(302);
    expect(
      (await submit(restoreAction, "/admin/bin", { recordType: "meeting", recordId: String(id) }, { as: "admin" }))
        .status,
    ).toBe(302);
    expect(snapshotOf(sqlite, "meeting", id)!.children.meeting_participants.map((p) => p.person_id)).toContain(guest);
  });

  test("a relation comes back with its steps and their signatories", async () => {
    const relation = sqlite
      .prepare("select relation_id from relation_steps group by relation_id order by count(*) desc limit 1")
      .pluck()
      .get() as number;
    const before = snapshotOf(sqlite, "relation", relation)!;
    expect(before.children.relation_steps.length).toBeGreaterThan(0);
    expect(
      (
        await submit(
          deleteRelationAction,
          `/relations/${relation}/delete`,
          {},
          { params: { relationId: String(relation) } },
        )
      ).status,
    ).toBe(302);
    expect(snapshotOf(sqlite, "relation", relation)).toBeNull();
    expect(
      (
        await submit(
          restoreAction,
          "/admin/bin",
          { recordType: "relation", recordId: String(relation) },
          { as: "admin" },
        )
      ).status,
    ).toBe(302);
    expect(withoutStamp(snapshotOf(sqlite, "relation", relation))).toEqual(withoutStamp(before));
  });
});

describe("the history cannot be changed", () => {
  test.each([
    ["history", "update history set user_id = null"],
    ["history", "delete from history"],
    ["security_log", "update security_log set event = 'sign_in'"],
    ["security_log", "delete from security_log"],
  ])("%s refuses: %s", (table, statement) => {
    const count = sqlite.prepare(`select count(*) from ${table}`).pluck().get() as number;
    if (table === "security_log") sqlite.prepare("insert into security_log (event) values ('sign_in')").run();
    expect(() => sqlite.prepare(statement).run()).toThrow(/append-only/);
    expect(sqlite.prepare(`select count(*) from ${table}`).pluck().get()).toBeGreaterThanOrEqual(count);
  });

  test("a write that fails leaves no history entry either", () => {
    const count = sqlite.prepare("select count(*) from history").pluck().get();
    expect(() =>
      sqlite.transaction(() => {
        sqlite.prepare("insert into meetings (language, purpose) values ('en', 'Half-made')").run();
        throw new Error("disk full");
      })(),
    ).toThrow(/disk full/);
    expect(sqlite.prepare("select count(*) from history").pluck().get()).toBe(count);
    expect(sqlite.prepare("select count(*) from pending_changes").pluck().get()).toBe(0);
  });
});
