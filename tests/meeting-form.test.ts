import { parseWithZod } from "@conform-to/zod";
import { desc, eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { SYSTEM } from "~db/history";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { formErrorMap } from "~/forms/error-map";
import { MeetingSchema } from "~/forms/meeting";
import { translatorFor } from "~/i18n/i18n.server";
import { logMeeting } from "~/models/meetings/write.server";
import { action as logAction } from "~/routes/meetings.new";
import { action as editAction } from "~/routes/meetings.$meetingId_.edit";
import { action as deleteAction } from "~/routes/meetings.$meetingId_.delete";
import { accountFor } from "./support/accounts";
import { aPerson } from "./support/factories";
import { submit } from "./support/forms";

seedDemoData(getDb());
const db = () => getDb();
const counts = () =>
  Object.fromEntries(
    (
      [
        "meetings",
        "people",
        "meetingParticipants",
        "topics",
        "sources",
        "initiatives",
        "initiativeSteps",
        "delegations",
        "posts",
      ] as const
    ).map((name) => [name, db().select().from(s[name]).all().length]),
  );
const idOf = (nameEn: string) =>
  db()
    .select()
    .from(s.people)
    .all()
    .find((p) => p.nameEn === nameEn)!.id;
const partnerId = () =>
  db()
    .select()
    .from(s.partners)
    .all()
    .find((p) => p.nameEn === "Heilongjiang Province")!.id;
const orgId = (nameEn: string) =>
  db()
    .select()
    .from(s.organisations)
    .all()
    .find((o) => o.nameEn === nameEn)!.id;

async function errorsFor(fields: Record<string, string>) {
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) formData.append(k, v);
  const submission = parseWithZod(formData, { schema: MeetingSchema, errorMap: formErrorMap(translatorFor("en")) });
  return (submission.status === "success" ? {} : submission.error) ?? {};
}

describe("the meeting schema, rule by rule", () => {
  const base = { language: "en" };
  test("a partner, a purpose and a date marked unknown make a meeting: the rest may be unknown", async () => {
    expect(
      await errorsFor({ ...base, partnerId: String(partnerId()), purpose: "Talks", "date.unknown": "on" }),
    ).toEqual({});
  });
  test.each([
    [
      "31 February is refused",
      { ...base, "date.year": "2017", "date.month": "2", "date.day": "31" },
      "date",
      "There is no such date. Check the day and the month.",
    ],
    [
      "a day without a month is refused",
      { ...base, "date.year": "2017", "date.day": "5" },
      "date",
      "There is no such date. Check the day and the month.",
    ],
    [
      "a year is written in digits",
      { ...base, "date.year": "twenty" },
      "date.year",
      "Write the year in digits, for example 2016.",
    ],
    ["a time is HH:MM", { ...base, startTime: "25:00" }, "startTime", "The format is not right."],
    ["the record language is required", {}, "language", "Fill this in."],
    [
      "a participant needs a name or a person",
      { ...base, "participants[0].side": "host", "participants[0].role": "chaired" },
      "participants[0].name",
      "Fill this in.",
    ],
    [
      "a participant's role is one of the roles",
      { ...base, "participants[0].name": "A", "participants[0].side": "host", "participants[0].role": "boss" },
      "participants[0].role",
      "Choose one of the options.",
    ],
    [
      "a source needs some content",
      { ...base, "sources[0].title": "" },
      "sources[0].outlet",
      "Give at least the outlet, a title, a link or the text.",
    ],
    [
      "a source link is http(s) only",
      { ...base, "sources[0].url": "javascript:alert(1)" },
      "sources[0].url",
      "Enter a web address, such as tengrinews.kz/news.",
    ],
    [
      "a new initiative needs a title",
      { ...base, "initiatives[0].kind": "event" },
      "initiatives[0].title",
      "Fill this in.",
    ],
    [
      "a due date before the meeting is refused",
      {
        ...base,
        "date.year": "2017",
        "date.month": "5",
        "initiatives[0].title": "X",
        "initiatives[0].due.year": "2016",
      },
      "initiatives[0].due",
      "The due date cannot be before the meeting.",
    ],
    [
      "a new delegation needs its partner",
      { ...base, newDelegation: "on" },
      "partnerId",
      "Choose the partner the delegation came from.",
    ],
    [
      "a summary has a stated limit",
      { ...base, summary: "ә".repeat(20_001) },
      "summary",
      "Use at most 20000 characters.",
    ],
  ])("%s", async (_rule, fields, field, message) => {
    expect((await errorsFor(fields as Record<string, string>))[field]).toEqual([message]);
  });
});

describe("logging a meeting", () => {
  test.each([
    ["a huge list index", { "participants[99999999].name": "x" }],
    ["a name nested too deeply", { "a[0][0][0][0][0][0]": "x" }],
    ["a prototype key", { "__proto__[polluted]": "1" }],
    ["too many fields", Object.fromEntries(Array.from({ length: 2500 }, (_, i) => [`extra${i}`, "x"]))],
  ])("a body no form could send (%s) is refused at once with 400, and nothing is written", async (_what, fields) => {
    const before = counts();
    // The account is made first: its password hash, not the refusal, would be timed.
    await accountFor("editor");
    const started = Date.now();
    const { status } = await submit(logAction, "/meetings/new", { language: "en", ...fields });
    expect(status).toBe(400);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(counts()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("invalid input answers 400, keeps what was typed and writes nothing", async () => {
    const before = counts();
    const { status, reply } = await submit(logAction, "/meetings/new", {
      language: "kk",
      "date.year": "2017",
      "date.month": "2",
      "date.day": "31",
      purpose: "<b>Бірінші</b> кездесу 🇰🇿",
      "participants[0].name": "Жаңа адам",
      "participants[0].side": "host",
      "participants[0].role": "spoke",
    });
    expect(status).toBe(400);
    expect(reply?.result.initialValue).toMatchObject({
      purpose: "<b>Бірінші</b> кездесу 🇰🇿",
      participants: [{ name: "Жаңа адам" }],
    });
    expect(counts()).toEqual(before);
  });

  test("a place, a purpose or a participant's title of spaces only is no text: kept as none, not as an empty one", async () => {
    const { status } = await submit(logAction, "/meetings/new", {
      language: "en",
      partnerId: String(partnerId()),
      "date.unknown": "on",
      purpose: "Talks on a new park",
      location: "   ",
      summary: " \u00a0\t ",
      "participants[0].name": "Spaces Title Person",
      "participants[0].title": "    ",
      "participants[0].side": "guest",
      "participants[0].role": "attended",
    });
    expect(status).toBe(302);
    const meeting = db().select().from(s.meetings).orderBy(desc(s.meetings.id)).get()!;
    expect(meeting).toMatchObject({ purpose: "Talks on a new park", location: null, summary: null });
    const participant = db()
      .select()
      .from(s.meetingParticipants)
      .where(eq(s.meetingParticipants.meetingId, meeting.id))
      .get()!;
    expect(participant.titleAtMeeting).toBeNull();
  });

  test.each([
    ["an empty body", {}],
    ["a participant list that is not a list", { language: "en", participants: "x" }],
    ["an unknown partner id", { language: "en", partnerId: "999999" }],
    ["a negative id", { language: "en", hostOrganisationId: "-4" }],
    ["a huge number", { language: "en", "date.year": "1e308" }],
  ])("a malformed body (%s) answers 400 and writes nothing", async (_case, fields) => {
    const before = counts();
    const { status } = await submit(logAction, "/meetings/new", fields as Record<string, string>);
    expect(status).toBe(400);
    expect(counts()).toEqual(before);
  });

  test("a whole meeting is saved: people found by any spelling, new ones added, topics reused, a delegation made", async () => {
    const before = counts();
    const { status } = await submit(
      logAction,
      "/meetings/new",
      {
        language: "ru",
        "date.year": "2018",
        "date.month": "6",
        hostOrganisationId: String(orgId("Astana City Maslikhat")),
        partnerId: String(partnerId()),
        newDelegation: "on",
        delegationDirection: "incoming",
        "participants[0].name": "НУРПЕИСОВ ЖАНАТ",
        "participants[0].side": "host",
        "participants[0].role": "chaired",
        "participants[1].personId": String(idOf("Du Jimin")),
        "participants[1].side": "guest",
        "participants[1].role": "led_delegation",
        "participants[2].name": "Ван Лин",
        "participants[2].organisationId": String(orgId("Heilongjiang Provincial Committee of the CPPCC")),
        "participants[2].title": "Член делегации",
        "participants[2].side": "guest",
        "participants[2].role": "attended",
        "topics[0]": "ЭКСПО-2017",
        "topics[1]": "Туризм",
        "sources[0].outlet": "Akorda",
        "sources[0].url": "https://example.kz/news/1",
        "initiatives[0].title": "Обмен делегациями",
        "initiatives[0].kind": "exchange",
      },
      { language: "ru" },
    );
    // "exchange" is not a kind: nothing is written.
    expect(status).toBe(400);
    expect(counts()).toEqual(before);

    const ok = await submit(
      logAction,
      "/meetings/new",
      {
        language: "ru",
        "date.year": "2018",
        "date.month": "6",
        hostOrganisationId: String(orgId("Astana City Maslikhat")),
        partnerId: String(partnerId()),
        newDelegation: "on",
        "participants[0].name": "Нурпеисов Жанат",
        "participants[0].side": "host",
        "participants[0].role": "chaired",
        "participants[1].personId": String(idOf("Du Jimin")),
        "participants[1].side": "guest",
        "participants[1].role": "led_delegation",
        "participants[2].name": "Ван Лин",
        "participants[2].organisationId": String(orgId("Heilongjiang Provincial Committee of the CPPCC")),
        "participants[2].title": "Член делегации",
        "participants[2].side": "guest",
        "participants[2].role": "attended",
        "topics[0]": "экспо-2017",
        "topics[1]": "Туризм",
        "sources[0].outlet": "Akorda",
        "sources[0].url": "https://example.kz/news/1",
        "initiatives[0].title": "Обмен делегациями",
        "initiatives[0].kind": "culture",
        "initiatives[0].status": "agreed",
      },
      { language: "ru" },
    );
    expect(ok.status).toBe(302);
    const meetingId = Number(ok.location?.split("/").at(-1));
    const after = counts();
    expect(after.meetings).toBe(before.meetings + 1);
    expect(after.people).toBe(before.people + 1); // only Ван Лин is new
    expect(after.topics).toBe(before.topics + 1); // "экспо-2017" is the topic on file
    expect(after.delegations).toBe(before.delegations + 1);
    expect(after.posts).toBe(before.posts + 1);

    const participants = db()
      .select({ personId: s.meetingParticipants.personId, role: s.meetingParticipants.role })
      .from(s.meetingParticipants)
      .where(eq(s.meetingParticipants.meetingId, meetingId))
      .orderBy(s.meetingParticipants.position)
      .all();
    expect(participants.slice(0, 2)).toEqual([
      { personId: idOf("Zhanat Nurpeisov"), role: "chaired" },
      { personId: idOf("Du Jimin"), role: "led_delegation" },
    ]);
    const wang = db().select().from(s.people).where(eq(s.people.id, participants[2].personId)).get()!;
    expect(wang).toMatchObject({ nameRu: "Ван Лин", nameKk: null });

    const meeting = db().select().from(s.meetings).where(eq(s.meetings.id, meetingId)).get()!;
    const delegation = db().select().from(s.delegations).where(eq(s.delegations.id, meeting.delegationId!)).get()!;
    expect(delegation).toMatchObject({
      leaderId: idOf("Du Jimin"),
      direction: "incoming",
      arrival: "2018-06-01",
      arrivalPrecision: "month",
    });
    expect(
      db().select().from(s.delegationMembers).where(eq(s.delegationMembers.delegationId, delegation.id)).all(),
    ).toHaveLength(2);

    const initiative = db().select().from(s.initiatives).where(eq(s.initiatives.meetingId, meetingId)).get()!;
    expect(initiative).toMatchObject({ titleRu: "Обмен делегациями", status: "agreed", partnerId: partnerId() });
  });

  test("a name matching several people on file is refused with their names", async () => {
    aPerson({ nameKk: "Алмаз Ким", nameRu: "Алмаз Ким", nameEn: "Almaz Kim" });
    const before = counts();
    const { status, reply } = await submit(logAction, "/meetings/new", {
      language: "kk",
      partnerId: String(partnerId()),
      "date.year": "2019",
      "participants[0].name": "алмаз ким",
      "participants[0].side": "host",
      "participants[0].role": "spoke",
    });
    expect(status).toBe(400);
    expect(reply?.result.error?.["participants[0].name"]?.[0]).toContain("Almaz Kim");
    expect(counts()).toEqual(before);
  });

  test("a failure midway leaves no part of the meeting behind", async () => {
    // A trigger on this connection makes the last write of the form (its source) fail.
    db().$client.exec(
      "CREATE TEMP TRIGGER fail_source BEFORE INSERT ON sources WHEN NEW.outlet = 'FAIL' BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    );
    const before = counts();
    const input = MeetingSchema.parse({
      language: "en",
      date: { unknown: true },
      partnerId: partnerId(),
      newDelegation: true,
      participants: [{ name: "Brand New Person", side: "guest", role: "led_delegation" }],
      topics: ["A topic never seen"],
      sources: [{ outlet: "FAIL" }],
      initiatives: [{ title: "Never saved" }],
    });
    expect(() => logMeeting(input, "en", SYSTEM)).toThrow(/disk full/);
    expect(counts()).toEqual(before);
    db().$client.exec("DROP TRIGGER fail_source");
  });
});

describe("editing and deleting a meeting", () => {
  const demoMeeting = () => db().select().from(s.meetings).all()[0].id;

  test("an edit keeps the order given and removes a participant", async () => {
    const id = demoMeeting();
    const { status } = await submit(
      editAction,
      `/meetings/${id}/edit`,
      {
        language: "kk",
        partnerId: String(partnerId()),
        "date.year": "2016",
        "date.approximate": "on",
        "participants[0].personId": String(idOf("Du Jimin")),
        "participants[0].side": "guest",
        "participants[0].role": "led_delegation",
        "participants[1].personId": String(idOf("Zhanat Nurpeisov")),
        "participants[1].side": "host",
        "participants[1].role": "chaired",
      },
      { params: { meetingId: String(id) } },
    );
    expect(status).toBe(302);
    const rows = db()
      .select()
      .from(s.meetingParticipants)
      .where(eq(s.meetingParticipants.meetingId, id))
      .orderBy(s.meetingParticipants.position)
      .all();
    expect(rows.map((r) => r.personId)).toEqual([idOf("Du Jimin"), idOf("Zhanat Nurpeisov")]);
    const meeting = db().select().from(s.meetings).where(eq(s.meetings.id, id)).get()!;
    expect(meeting).toMatchObject({ date: "2016-01-01", datePrecision: "year", dateApproximate: true });
  });

  test("a meeting that raised initiatives is not deleted", async () => {
    const id = demoMeeting();
    const { status } = await submit(deleteAction, `/meetings/${id}/delete`, {}, { params: { meetingId: String(id) } });
    expect(status).toBe(409);
    expect(db().select().from(s.meetings).where(eq(s.meetings.id, id)).get()).toBeDefined();
  });

  test("a meeting with no initiatives is deleted with its participants and sources", async () => {
    const ok = await submit(logAction, "/meetings/new", {
      language: "en",
      partnerId: String(partnerId()),
      "date.unknown": "on",
      "sources[0].outlet": "Only here",
      "participants[0].personId": String(idOf("Du Jimin")),
      "participants[0].side": "guest",
      "participants[0].role": "spoke",
    });
    const id = Number(ok.location?.split("/").at(-1));
    const { status } = await submit(deleteAction, `/meetings/${id}/delete`, {}, { params: { meetingId: String(id) } });
    expect(status).toBe(302);
    expect(db().select().from(s.meetingParticipants).where(eq(s.meetingParticipants.meetingId, id)).all()).toEqual([]);
    expect(
      db()
        .select()
        .from(s.sources)
        .all()
        .some((src) => src.outlet === "Only here"),
    ).toBe(false);
  });
});
