import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { openDatabase, type Db } from "~db/client";
import { migrateDatabase } from "~/models/writes.server";
import * as s from "~db/schema";
import { isDatabaseEmpty, seedDemoData } from "~/models/demo-data.server";
import { sortKeys } from "~db/shared/names";

const db = () => globalThis.__kezdesuDb!;

const TABLES = {
  partners: s.partners,
  organisations: s.organisations,
  people: s.people,
  posts: s.posts,
  delegations: s.delegations,
  delegationMembers: s.delegationMembers,
  meetings: s.meetings,
  meetingParticipants: s.meetingParticipants,
  topics: s.topics,
  meetingTopics: s.meetingTopics,
  sources: s.sources,
  meetingSources: s.meetingSources,
  relations: s.relations,
  relationSteps: s.relationSteps,
  initiatives: s.initiatives,
  initiativeSteps: s.initiativeSteps,
  nameKeys: s.nameKeys,
};
const rowCounts = (database: Db) =>
  Object.fromEntries(Object.entries(TABLES).map(([name, table]) => [name, database.select().from(table).all().length]));

const partnerId = (nameEn: string) => db().select().from(s.partners).where(eq(s.partners.nameEn, nameEn)).get()!.id;

describe("the demo history, from the news report and nothing else", () => {
  let emptyBefore = false;
  let firstRun: { loaded: boolean } | undefined;
  beforeAll(() => {
    emptyBefore = isDatabaseEmpty(db());
    firstRun = seedDemoData(db());
  });

  test("loads into an empty database", () => {
    expect(emptyBefore).toBe(true);
    expect(firstRun).toEqual({ loaded: true });
    expect(isDatabaseEmpty(db())).toBe(false);
    expect(rowCounts(db())).toMatchObject({
      partners: 4,
      organisations: 4,
      people: 4,
      posts: 4,
      delegations: 1,
      delegationMembers: 0,
      meetings: 1,
      meetingParticipants: 4,
      topics: 12,
      meetingTopics: 12,
      sources: 1,
      meetingSources: 1,
      relations: 3,
      relationSteps: 3,
      initiatives: 3,
      initiativeSteps: 3,
    });
  });

  test("the home city and three partners, named in every language, sortable", () => {
    const partners = db().select().from(s.partners).orderBy(asc(s.partners.id)).all();
    expect(
      partners.map(({ kind, countryCode, nameKk, nameRu, nameEn, nameNative, isHome, wikidataId }) => ({
        kind,
        countryCode,
        nameKk,
        nameRu,
        nameEn,
        nameNative,
        isHome,
        wikidataId,
      })),
    ).toEqual([
      {
        kind: "city",
        countryCode: "KZ",
        nameKk: "Астана",
        nameRu: "Астана",
        nameEn: "Astana",
        nameNative: null,
        isHome: true,
        wikidataId: null,
      },
      {
        kind: "province",
        countryCode: "CN",
        nameKk: "Хэйлунцзян провинциясы",
        nameRu: "Провинция Хэйлунцзян",
        nameEn: "Heilongjiang Province",
        nameNative: "黑龙江省",
        isHome: false,
        wikidataId: null,
      },
      {
        kind: "city",
        countryCode: "CN",
        nameKk: "Бейжің",
        nameRu: "Пекин",
        nameEn: "Beijing",
        nameNative: "北京",
        isHome: false,
        wikidataId: null,
      },
      {
        kind: "city",
        countryCode: "CN",
        nameKk: "Үрімші",
        nameRu: "Урумчи",
        nameEn: "Urumqi",
        nameNative: "乌鲁木齐",
        isHome: false,
        wikidataId: null,
      },
    ]);
    for (const named of [
      ...partners,
      ...db().select().from(s.organisations).all(),
      ...db().select().from(s.people).all(),
      ...db().select().from(s.topics).all(),
    ]) {
      expect({ sortKk: named.sortKk, sortRu: named.sortRu, sortEn: named.sortEn }).toEqual(sortKeys(named));
    }
  });

  test("the four organisations belong to their side", () => {
    const rows = db()
      .select({
        partner: s.partners.nameEn,
        nameKk: s.organisations.nameKk,
        nameRu: s.organisations.nameRu,
        nameEn: s.organisations.nameEn,
      })
      .from(s.organisations)
      .innerJoin(s.partners, eq(s.partners.id, s.organisations.partnerId))
      .orderBy(asc(s.organisations.id))
      .all();
    expect(rows).toEqual([
      {
        partner: "Astana",
        nameKk: "Астана қаласының мәслихаты",
        nameRu: "Маслихат города Астаны",
        nameEn: "Astana City Maslikhat",
      },
      {
        partner: "Astana",
        nameKk: "Астана қаласының әкімдігі",
        nameRu: "Акимат города Астаны",
        nameEn: "Astana City Akimat",
      },
      { partner: "Astana", nameKk: "Smart City Astana", nameRu: "Smart City Astana", nameEn: "Smart City Astana" },
      {
        partner: "Heilongjiang Province",
        nameKk: "Хэйлунцзян провинциясының Халықтық саяси консультативтік кеңесі",
        nameRu: "Комитет Народного политического консультативного совета провинции Хэйлунцзян",
        nameEn: "Heilongjiang Provincial Committee of the CPPCC",
      },
    ]);
  });

  test("four named people with their posts, dates unknown", () => {
    const people = db().select().from(s.people).all();
    expect(people.map(({ nameKk, nameRu, nameEn, nameNative }) => ({ nameKk, nameRu, nameEn, nameNative }))).toEqual(
      expect.arrayContaining([
        { nameKk: "Жанат Нұрпейісов", nameRu: "Жанат Нурпеисов", nameEn: "Zhanat Nurpeisov", nameNative: null },
        { nameKk: "Ду Цзимин", nameRu: "Ду Цзимин", nameEn: "Du Jimin", nameNative: null },
        { nameKk: "Мажит Шайдаров", nameRu: "Мажит Шайдаров", nameEn: "Mazhit Shaidarov", nameNative: null },
        { nameKk: "Алмаз Ким", nameRu: "Алмаз Ким", nameEn: "Almaz Kim", nameNative: null },
      ]),
    );
    const posts = db()
      .select({
        person: s.people.nameEn,
        organisation: s.organisations.nameEn,
        titleEn: s.posts.titleEn,
        start: s.posts.startPrecision,
        end: s.posts.endPrecision,
      })
      .from(s.posts)
      .innerJoin(s.people, eq(s.people.id, s.posts.personId))
      .innerJoin(s.organisations, eq(s.organisations.id, s.posts.organisationId))
      .all();
    expect(posts).toEqual(
      expect.arrayContaining([
        {
          person: "Zhanat Nurpeisov",
          organisation: "Astana City Maslikhat",
          titleEn: "Secretary of the Astana City Maslikhat",
          start: "unknown",
          end: "unknown",
        },
        {
          person: "Mazhit Shaidarov",
          organisation: "Astana City Maslikhat",
          titleEn: "Deputy of the Astana City Maslikhat",
          start: "unknown",
          end: "unknown",
        },
        {
          person: "Almaz Kim",
          organisation: "Astana City Maslikhat",
          titleEn: "Deputy of the Astana City Maslikhat",
          start: "unknown",
          end: "unknown",
        },
        {
          person: "Du Jimin",
          organisation: "Heilongjiang Provincial Committee of the CPPCC",
          titleEn: "Vice-Chairman of the Heilongjiang Provincial CPPCC Committee",
          start: "unknown",
          end: "unknown",
        },
      ]),
    );
  });

  test("the meeting: date 2016 approximate, place unknown, hosted by the maslikhat for the delegation", () => {
    const [meeting] = db().select().from(s.meetings).all();
    expect(meeting).toMatchObject({
      date: "2016-01-01",
      datePrecision: "year",
      dateApproximate: true,
      startTime: null,
      location: null,
      language: "kk",
      partnerId: partnerId("Heilongjiang Province"),
      purpose:
        "Хэйлунцзян провинциясының Халықтық саяси консультативтік кеңесі мен Астана қаласы мәслихатының арасында достық қарым-қатынас орнату",
    });
    expect(meeting.summary).toContain("Ду Цзимин");
    expect(meeting.summary).toContain("LRT");
    const host = db().select().from(s.organisations).where(eq(s.organisations.id, meeting.hostOrganisationId!)).get();
    expect(host?.nameEn).toBe("Astana City Maslikhat");

    const delegation = db()
      .select({ leader: s.people.nameEn, organisation: s.organisations.nameEn, d: s.delegations })
      .from(s.delegations)
      .innerJoin(s.people, eq(s.people.id, s.delegations.leaderId))
      .innerJoin(s.organisations, eq(s.organisations.id, s.delegations.organisationId))
      .where(eq(s.delegations.id, meeting.delegationId!))
      .get()!;
    expect(delegation).toMatchObject({
      leader: "Du Jimin",
      organisation: "Heilongjiang Provincial Committee of the CPPCC",
      d: {
        direction: "incoming",
        partnerId: partnerId("Heilongjiang Province"),
        arrival: null,
        arrivalPrecision: "unknown",
        departure: null,
        departurePrecision: "unknown",
        purpose: meeting.purpose,
      },
    });
  });

  test("the participants, with the roles and titles the report gives", () => {
    const rows = db()
      .select({
        name: s.people.nameEn,
        side: s.meetingParticipants.side,
        role: s.meetingParticipants.role,
        title: s.meetingParticipants.titleAtMeeting,
        position: s.meetingParticipants.position,
      })
      .from(s.meetingParticipants)
      .innerJoin(s.people, eq(s.people.id, s.meetingParticipants.personId))
      .orderBy(asc(s.meetingParticipants.position))
      .all();
    expect(rows).toEqual([
      {
        name: "Zhanat Nurpeisov",
        side: "host",
        role: "chaired",
        title: "Астана қаласы мәслихатының хатшысы",
        position: 0,
      },
      {
        name: "Mazhit Shaidarov",
        side: "host",
        role: "spoke",
        title: "Астана қалалық мәслихатының депутаты",
        position: 1,
      },
      { name: "Almaz Kim", side: "host", role: "spoke", title: "Астана қалалық мәслихатының депутаты", position: 2 },
      {
        name: "Du Jimin",
        side: "guest",
        role: "led_delegation",
        title: "Хэйлунцзян провинциясы ХСКК комитеті төрағасының орынбасары",
        position: 3,
      },
    ]);
  });

  test("the topics raised, in the report's order", () => {
    const topics = db()
      .select({ en: s.topics.nameEn })
      .from(s.meetingTopics)
      .innerJoin(s.topics, eq(s.topics.id, s.meetingTopics.topicId))
      .orderBy(asc(s.meetingTopics.position))
      .all()
      .map((t) => t.en);
    expect(topics).toEqual([
      "Housing queue",
      "Social assistance",
      "Housing repair",
      "Public amenities",
      "Greening",
      "Street lighting",
      "Asphalting",
      "Socio-economic indicators",
      "EXPO-2017",
      "Year of Chinese Tourism in Kazakhstan",
      "Cooperation in industry, innovation and investment",
      "Astana's new transport system, LRT",
    ]);
  });

  test("two sister cities since an unknown date, one friendship proposed at the meeting", () => {
    const [meeting] = db().select().from(s.meetings).all();
    const [source] = db().select().from(s.sources).all();
    const rows = db()
      .select({ partner: s.partners.nameEn, type: s.relations.type, step: s.relationSteps })
      .from(s.relationSteps)
      .innerJoin(s.relations, eq(s.relations.id, s.relationSteps.relationId))
      .innerJoin(s.partners, eq(s.partners.id, s.relations.partnerId))
      .all();
    const summary = rows.map(({ partner, type, step }) => ({
      partner,
      type,
      status: step.status,
      date: [step.date, step.datePrecision, step.dateApproximate],
      meetingId: step.meetingId,
      sourceId: step.sourceId,
    }));
    expect(summary).toEqual(
      expect.arrayContaining([
        {
          partner: "Beijing",
          type: "sister_city",
          status: "active",
          date: [null, "unknown", false],
          meetingId: null,
          sourceId: source.id,
        },
        {
          partner: "Urumqi",
          type: "sister_city",
          status: "active",
          date: [null, "unknown", false],
          meetingId: null,
          sourceId: source.id,
        },
        {
          partner: "Heilongjiang Province",
          type: "friendly",
          status: "proposed",
          date: ["2016-01-01", "year", true],
          meetingId: meeting.id,
          sourceId: source.id,
        },
      ]),
    );
    expect(summary).toHaveLength(3);
  });

  test("three initiatives proposed by the guest side, each with its step at the meeting", () => {
    const [meeting] = db().select().from(s.meetings).all();
    const initiatives = db().select().from(s.initiatives).orderBy(asc(s.initiatives.id)).all();
    expect(initiatives.map(({ kind, titleKk, titleRu, titleEn }) => ({ kind, titleKk, titleRu, titleEn }))).toEqual([
      {
        kind: "event",
        titleKk: "Хэйлунцзян провинциясының ЭКСПО-2017 көрмесіне қатысуы",
        titleRu: "Участие провинции Хэйлунцзян в ЭКСПО-2017",
        titleEn: "Heilongjiang Province's participation in EXPO-2017",
      },
      {
        kind: "investment",
        titleKk: "LRT 1-кезек жобасына қытайлық кәсіпкерлердің қызығушылығы",
        titleRu: "Интерес китайских предпринимателей к проекту LRT, 1-я очередь",
        titleEn: "Chinese entrepreneurs' interest in the LRT phase 1 project",
      },
      {
        kind: "culture",
        titleKk: "Астанада Хэйлунцзян провинциясының күндерін өткізу",
        titleRu: "Дни провинции Хэйлунцзян в Астане",
        titleEn: "Heilongjiang Province days in Astana",
      },
    ]);
    for (const initiative of initiatives) {
      expect(initiative).toMatchObject({
        status: "proposed",
        partnerId: partnerId("Heilongjiang Province"),
        meetingId: meeting.id,
        ownerPersonId: null,
        ownerOrganisationId: null,
        due: null,
        duePrecision: "unknown",
      });
      expect(initiative.description).toBeTruthy();
      const steps = db()
        .select()
        .from(s.initiativeSteps)
        .where(eq(s.initiativeSteps.initiativeId, initiative.id))
        .all();
      expect(steps).toEqual([
        expect.objectContaining({
          status: "proposed",
          meetingId: meeting.id,
          note: "Қонақ тарап ұсынды",
          date: "2016-01-01",
          datePrecision: "year",
          dateApproximate: true,
        }),
      ]);
    }
    expect(initiatives[1].description).toContain("Smart City Astana");
  });

  test("the report itself is the source, spelt as published", () => {
    const [meeting] = db().select().from(s.meetings).all();
    const [source] = db().select().from(s.sources).all();
    expect(source).toMatchObject({
      outlet: "Tengrinews.kz",
      url: null,
      title: null,
      published: null,
      publishedPrecision: "unknown",
      language: "kk",
    });
    expect(source.text).toBe(fs.readFileSync(path.resolve(process.cwd(), "db/demo/report.kk.txt"), "utf8"));
    expect(source.text).toContain("мәслихат");
    expect(source.text).toContain("\u0422engrinews"); // the Cyrillic Т the report starts it with
    expect(db().select().from(s.meetingSources).all()).toEqual([
      { meetingId: meeting.id, sourceId: source.id, position: 0 },
    ]);
  });

  test("seeding again changes nothing", () => {
    const before = rowCounts(db());
    expect(seedDemoData(db())).toEqual({ loaded: false });
    expect(rowCounts(db())).toEqual(before);
  });
});

describe("a database that holds anything", () => {
  test("is never seeded, even when all it holds is one unrelated partner", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-seed-"));
    const other = openDatabase(path.join(dir, "other.db"));
    try {
      migrateDatabase(other);
      const names = { nameKk: null, nameRu: "Тестовый город", nameEn: null };
      other
        .insert(s.partners)
        .values({ kind: "city", countryCode: "RU", ...names, ...sortKeys(names) })
        .run();
      const before = rowCounts(other);
      expect(isDatabaseEmpty(other)).toBe(false);
      expect(seedDemoData(other)).toEqual({ loaded: false });
      expect(rowCounts(other)).toEqual(before);
      expect(before).toMatchObject({ partners: 1, meetings: 0, people: 0 });
    } finally {
      other.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
