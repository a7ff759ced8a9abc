/**
 * Issue 13.6: a title at a meeting says the person held that post on the meeting's date, not
 * that they hold it now. Through the real meeting action, then read as the pages read it.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { partnerBriefing } from "~/models/briefing.server";
import { getPerson, peopleAt, personForEdit } from "~/models/people/read.server";
import { action as logAction } from "~/routes/meetings.new";
import { action as editPerson } from "~/routes/people.$personId_.edit";
import { demoOrganisationId, demoPartnerId, demoPersonId } from "./support/demo";
import { submit } from "./support/forms";

seedDemoData(getDb());
const db = () => getDb();
const heilongjiang = () => demoPartnerId("Heilongjiang Province");
const cppcc = () => demoOrganisationId("Heilongjiang Provincial Committee of the CPPCC");
const personNamed = demoPersonId;
const postsOf = (personId: number) => db().select().from(s.posts).where(eq(s.posts.personId, personId)).all();

type Participant = { name?: string; personId?: number; title: string; organisationId?: number };

async function logMeeting(date: { year: number; month?: number; day?: number }, participants: Participant[]) {
  const fields: Record<string, string> = {
    language: "ru",
    partnerId: String(heilongjiang()),
    "date.year": String(date.year),
  };
  if (date.month) fields["date.month"] = String(date.month);
  if (date.day) fields["date.day"] = String(date.day);
  participants.forEach((p, i) => {
    if (p.name) fields[`participants[${i}].name`] = p.name;
    if (p.personId) fields[`participants[${i}].personId`] = String(p.personId);
    if (p.organisationId) fields[`participants[${i}].organisationId`] = String(p.organisationId);
    fields[`participants[${i}].title`] = p.title;
    fields[`participants[${i}].side`] = "guest";
    fields[`participants[${i}].role`] = "led_delegation";
  });
  const outcome = await submit(logAction, "/meetings/new", fields, { language: "ru" });
  expect(outcome.status).toBe(302);
}

describe("three chairmen years apart", async () => {
  await logMeeting({ year: 2009 }, [{ name: "Ли Гофэн", title: "Председатель комитета", organisationId: cppcc() }]);
  await logMeeting({ year: 2015, month: 3 }, [
    { name: "Чжан Вэйдун", title: "Председатель комитета", organisationId: cppcc() },
  ]);
  await logMeeting({ year: 2021, month: 6, day: 12 }, [
    { name: "Ван Сюэцзюнь", title: "Председатель комитета", organisationId: cppcc() },
  ]);

  test("each holds the post as of his meeting, not from an unknown start to now", () => {
    const post = getPerson(personNamed("Ли Гофэн"), "ru")!.currentPost!;
    expect(post).toMatchObject({
      title: "Председатель комитета",
      start: { value: null, precision: "unknown" },
      end: { value: null },
    });
    expect(post.asOf).toEqual({ value: "2009-01-01", precision: "year", approximate: false });
    expect(getPerson(personNamed("Чжан Вэйдун"), "ru")!.currentPost!.asOf).toEqual({
      value: "2015-03-01",
      precision: "month",
      approximate: false,
    });
    expect(getPerson(personNamed("Ван Сюэцзюнь"), "ru")!.currentPost!.asOf).toEqual({
      value: "2021-06-12",
      precision: "day",
      approximate: false,
    });
  });

  test("the briefing and the organisation's page give each one's date", () => {
    const briefing = partnerBriefing(heilongjiang(), "en", "2026-12-01")!;
    const chairmen = briefing.people.filter((p) => p.post?.title === "Председатель комитета");
    expect(chairmen.map((p) => [p.name, p.post?.asOf.value, p.post?.start.value])).toEqual(
      expect.arrayContaining([
        ["Ли Гофэн", "2009-01-01", null],
        ["Чжан Вэйдун", "2015-03-01", null],
        ["Ван Сюэцзюнь", "2021-06-12", null],
      ]),
    );
    const atCppcc = peopleAt(cppcc(), "ru").filter((p) => p.title === "Председатель комитета");
    expect(atCppcc.map((p) => p.asOf.value).sort()).toEqual(["2009-01-01", "2015-03-01", "2021-06-12"]);
  });
});

describe("the same person, the same title, at meeting after meeting", () => {
  test("is one post whose 'as of' is the latest meeting, whichever order they are logged in", async () => {
    await logMeeting({ year: 2017 }, [{ name: "Сунь Ли", title: "Заместитель председателя", organisationId: cppcc() }]);
    const id = personNamed("Сунь Ли");
    // Typed by name again (found on file), by id from the picker (no body given), spelt otherwise.
    await logMeeting({ year: 2019, month: 5 }, [
      { name: "Сунь Ли", title: "заместитель председателя", organisationId: cppcc() },
    ]);
    await logMeeting({ year: 2018 }, [{ personId: id, title: "Заместитель председателя" }]);
    expect(postsOf(id)).toHaveLength(1);
    expect(postsOf(id)[0]).toMatchObject({ asOf: "2019-05-01", asOfPrecision: "month", start: null });
  });

  test("a new title at a later meeting is the current post; a post with a known start still counts by it", async () => {
    await logMeeting({ year: 2016 }, [{ name: "Чэнь Мин", title: "Член комитета", organisationId: cppcc() }]);
    await logMeeting({ year: 2020 }, [{ name: "Чэнь Мин", title: "Секретарь комитета", organisationId: cppcc() }]);
    const person = getPerson(personNamed("Чэнь Мин"), "ru")!;
    expect(person.posts.map((p) => p.title)).toEqual(["Секретарь комитета", "Член комитета"]);
    expect(person.currentPost?.title).toBe("Секретарь комитета");

    // Entered on the person's page: held from 2022. That is later than "as of 2020".
    const edit = personForEdit(person.id, "ru")!;
    const fields: Record<string, string> = { nameRu: "Чэнь Мин" };
    edit.posts.forEach((post, i) => {
      fields[`posts[${i}].organisationId`] = String(post.organisationId);
      if (post.titleRu) fields[`posts[${i}].titleRu`] = post.titleRu;
      if (post.asOf.year) fields[`posts[${i}].asOf.year`] = String(post.asOf.year);
    });
    fields["posts[2].organisationId"] = String(cppcc());
    fields["posts[2].titleRu"] = "Председатель комитета";
    fields["posts[2].start.year"] = "2022";
    const saved = await submit(editPerson, `/people/${person.id}/edit`, fields, {
      params: { personId: String(person.id) },
      language: "ru",
    });
    expect(saved.status).toBe(302);
    const after = getPerson(person.id, "ru")!;
    expect(after.currentPost?.title).toBe("Председатель комитета");
    // The edit kept the "as of" dates of the posts the meetings gave.
    expect(after.posts.map((p) => p.asOf.value)).toEqual([null, "2020-01-01", "2016-01-01"]);
  });

  test("a post whose end is known is not moved by a later meeting", async () => {
    await logMeeting({ year: 2012 }, [{ name: "Го Цян", title: "Советник", organisationId: cppcc() }]);
    const id = personNamed("Го Цян");
    db().update(s.posts).set({ end: "2013-01-01", endPrecision: "year" }).where(eq(s.posts.personId, id)).run();
    await logMeeting({ year: 2014 }, [{ personId: id, title: "Советник" }]);
    expect(postsOf(id)).toEqual([expect.objectContaining({ asOf: "2012-01-01", end: "2013-01-01" })]);
    expect(getPerson(id, "ru")!.currentPost).toBeNull();
  });

  test("a body that is not on file is refused for a picked person too, and nothing is written", async () => {
    const before = db().select().from(s.posts).all().length;
    const outcome = await submit(
      logAction,
      "/meetings/new",
      {
        language: "ru",
        "participants[0].personId": String(personNamed("Го Цян")),
        "participants[0].organisationId": "999999",
        "participants[0].title": "Посол",
        "participants[0].side": "guest",
        "participants[0].role": "spoke",
      },
      { language: "ru" },
    );
    expect(outcome.status).toBe(400);
    expect(db().select().from(s.posts).all()).toHaveLength(before);
  });
});

/**
 * Issue 12.4: a participant's body is a name field with suggestions, not a select of every
 * organisation on file in every row. Typed without picking (or without JavaScript), it is matched
 * by name in any script when saved; a name not on file, or shared by two bodies, is refused
 * beside the field with nothing written.
 */
describe("a body typed by name", () => {
  const typedBody = (name: string, organisationName: string, language = "ru") =>
    submit(
      logAction,
      "/meetings/new",
      {
        language,
        partnerId: String(heilongjiang()),
        "date.year": "2019",
        "participants[0].name": name,
        "participants[0].title": "Секретарь комитета",
        "participants[0].organisationName": organisationName,
        "participants[0].side": "guest",
        "participants[0].role": "attended",
      },
      { language },
    );

  test("in another script than the interface's, with other spaces and case, is the body on file", async () => {
    const outcome = await typedBody("Сун Липин", "  heilongjiang provincial committee of the CPPCC ", "kk");
    expect(outcome.status).toBe(302);
    expect(postsOf(personNamed("Сун Липин"))).toEqual([
      expect.objectContaining({ organisationId: cppcc(), asOf: "2019-01-01" }),
    ]);
  });

  test("a name no body has is refused beside the field, in the reader's language, and nothing is written", async () => {
    const people = db().select().from(s.people).all().length;
    const outcome = await typedBody("Чжоу Мин", "Министерство чудес");
    expect(outcome.status).toBe(400);
    expect(outcome.reply!.result.error!["participants[0].organisationName"]).toEqual([
      "Организации с таким названием в базе нет. Сначала добавьте её или выберите из подсказок.",
    ]);
    expect(db().select().from(s.people).all()).toHaveLength(people);
  });

  test("the host and the delegation's body typed by name are the bodies on file; an unknown one is refused beside it", async () => {
    const fields = {
      language: "en",
      partnerId: String(heilongjiang()),
      "date.year": "2020",
      purpose: "Typed bodies",
      hostOrganisationName: "Маслихат города Астаны",
      newDelegation: "on",
      delegationOrganisationName: "heilongjiang provincial committee of the cppcc",
      "participants[0].name": "Ли Мин",
      "participants[0].side": "guest",
      "participants[0].role": "led_delegation",
    };
    const saved = await submit(logAction, "/meetings/new", fields, { language: "en" });
    expect(saved.status).toBe(302);
    const id = Number(saved.location?.split("/").at(-1));
    const meeting = db().select().from(s.meetings).where(eq(s.meetings.id, id)).get()!;
    expect(meeting.hostOrganisationId).toBe(demoOrganisationId("Astana City Maslikhat"));
    const delegation = db().select().from(s.delegations).where(eq(s.delegations.id, meeting.delegationId!)).get()!;
    expect(delegation.organisationId).toBe(cppcc());

    const meetings = db().select().from(s.meetings).all().length;
    const refused = await submit(
      logAction,
      "/meetings/new",
      { ...fields, hostOrganisationName: "Ministry of Wonders" },
      { language: "en" },
    );
    expect(refused.status).toBe(400);
    expect(refused.reply!.result.error!.hostOrganisationName).toEqual([
      "No organisation on file has this name. Add it first, or pick from the suggestions.",
    ]);
    expect(db().select().from(s.meetings).all()).toHaveLength(meetings);
  });

  test("a name two bodies share is refused with both named, so the person can pick one", async () => {
    const [first, second] = [heilongjiang(), demoPartnerId("Astana")].map(
      (partnerId) =>
        db()
          .insert(s.organisations)
          .values({ partnerId, nameRu: "Отдел протокола", sortRu: "отдел протокола" })
          .returning({ id: s.organisations.id })
          .get().id,
    );
    const { writeNameKeys } = await import("~db/name-keys");
    for (const id of [first, second])
      writeNameKeys(db(), "organisation", id, { nameKk: null, nameRu: "Отдел протокола", nameEn: null });
    const outcome = await typedBody("Чжоу Мин", "отдел протокола");
    expect(outcome.status).toBe(400);
    const [message] = outcome.reply!.result.error!["participants[0].organisationName"]!;
    expect(message).toMatch(/^В базе несколько организаций с таким названием: /);
    expect(message).toContain("Отдел протокола (Провинция Хэйлунцзян)");
    expect(message).toContain("Отдел протокола (Астана)");
  });
});
