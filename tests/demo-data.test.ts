import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "../db/schema";
import { isDatabaseEmpty, seedDemoData } from "../db/seed";
import { getDb } from "~/db.server";
import { sortKeys } from "~/utils/names";

const counts = () => {
  const db = getDb();
  return Object.fromEntries(
    Object.entries({ partners: s.partners, people: s.people, meetings: s.meetings, initiatives: s.initiatives, steps: s.initiativeSteps, topics: s.topics })
      .map(([name, table]) => [name, db.select().from(table).all().length]),
  );
};

describe("the demo history, from the news report and nothing else", () => {
  test("loads into an empty database, once", () => {
    const db = getDb();
    expect(isDatabaseEmpty(db)).toBe(true);
    expect(seedDemoData(db)).toEqual({ loaded: true });
    const after = counts();
    expect(seedDemoData(db)).toEqual({ loaded: false });
    expect(counts()).toEqual(after);
  });

  test("holds the home city and three partners: two sister cities and one proposed friendship", () => {
    const db = getDb();
    const partners = db.select().from(s.partners).all();
    expect(partners.filter((p) => p.isHome).map((p) => p.nameEn)).toEqual(["Astana"]);
    expect(partners.filter((p) => !p.isHome).map((p) => p.nameKk).sort()).toEqual(["Бейжің", "Хэйлунцзян провинциясы", "Үрімші"].sort());

    const relations = db
      .select({ partner: s.partners.nameEn, type: s.relations.type, status: s.relationSteps.status, date: s.relationSteps.date, precision: s.relationSteps.datePrecision, meetingId: s.relationSteps.meetingId })
      .from(s.relationSteps)
      .innerJoin(s.relations, eq(s.relations.id, s.relationSteps.relationId))
      .innerJoin(s.partners, eq(s.partners.id, s.relations.partnerId))
      .all();
    expect(relations).toEqual(
      expect.arrayContaining([
        { partner: "Beijing", type: "sister_city", status: "active", date: null, precision: "unknown", meetingId: null },
        { partner: "Urumqi", type: "sister_city", status: "active", date: null, precision: "unknown", meetingId: null },
        expect.objectContaining({ partner: "Heilongjiang Province", type: "friendly", status: "proposed", precision: "year" }),
      ]),
    );
    expect(relations).toHaveLength(3);
  });

  test("the meeting's date is not invented: 2016, approximate, no day", () => {
    const [meeting] = getDb().select().from(s.meetings).all();
    expect(meeting).toMatchObject({ date: "2016-01-01", datePrecision: "year", dateApproximate: true, startTime: null, location: null, language: "kk" });
  });

  test("four named people took part, with the roles and titles the report gives", () => {
    const rows = getDb()
      .select({ name: s.people.nameEn, nameKk: s.people.nameKk, side: s.meetingParticipants.side, role: s.meetingParticipants.role, title: s.meetingParticipants.titleAtMeeting })
      .from(s.meetingParticipants)
      .innerJoin(s.people, eq(s.people.id, s.meetingParticipants.personId))
      .orderBy(s.meetingParticipants.position)
      .all();
    expect(rows.map((r) => [r.name, r.side, r.role])).toEqual([
      ["Zhanat Nurpeisov", "host", "chaired"],
      ["Mazhit Shaidarov", "host", "spoke"],
      ["Almaz Kim", "host", "spoke"],
      ["Du Jimin", "guest", "led_delegation"],
    ]);
    expect(rows[0].nameKk).toBe("Жанат Нұрпейісов");
    expect(rows[0].title).toContain("мәслихатының хатшысы");
    expect(rows[3].title).toContain("төрағасының орынбасары");
    expect(getDb().select().from(s.people).all()).toHaveLength(4);
  });

  test("three initiatives, all proposed at the meeting by the guest side", () => {
    const db = getDb();
    const initiatives = db.select().from(s.initiatives).all();
    expect(initiatives.map((i) => i.titleEn)).toEqual([
      "Heilongjiang Province's participation in EXPO-2017",
      "Chinese entrepreneurs' interest in the LRT phase 1 project",
      "Heilongjiang Province days in Astana",
    ]);
    expect(new Set(initiatives.map((i) => i.status))).toEqual(new Set(["proposed"]));
    const steps = db.select().from(s.initiativeSteps).all();
    expect(steps).toHaveLength(3);
    expect(steps.every((step) => step.meetingId === initiatives[0].meetingId && step.status === "proposed")).toBe(true);
  });

  test("the report itself is the source, spelt as published", () => {
    const [source] = getDb().select().from(s.sources).all();
    expect(source.outlet).toBe("Tengrinews.kz");
    expect(source.url).toBeNull();
    expect(source.text).toContain("мәслихат");
    expect(source.text).toContain("маслихат депутаттарын");
    expect(source.text).toContain("\u0422engrinews"); // the Cyrillic Т the report starts it with
  });

  test("a database holding anything at all is never seeded", () => {
    // A fresh file per test file: this one already holds the demo. Fake a foreign record too.
    const names = { nameKk: null, nameRu: "Тестовый город", nameEn: null };
    getDb().insert(s.partners).values({ kind: "city", countryCode: "RU", ...names, ...sortKeys(names) }).run();
    const before = counts();
    expect(seedDemoData(getDb()).loaded).toBe(false);
    expect(counts()).toEqual(before);
  });
});
