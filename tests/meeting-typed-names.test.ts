/**
 * Issue 13.5: a name typed in a picker lands in the column of its script, whatever the
 * interface language it was typed in. Through the real meeting action.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { action as logAction } from "~/routes/meetings.new";
import { submit } from "./support/forms";
import { aPerson } from "./support/factories";

seedDemoData(getDb());
const db = () => getDb();
// A meeting needs a partner and a date, or "date unknown" (issue 13.1, 13.4).
const partnerId = () =>
  String(
    db()
      .select()
      .from(s.partners)
      .all()
      .find((p) => p.nameEn?.includes("Heilongjiang"))!.id,
  );
const orgId = (nameEn: string) =>
  db()
    .select()
    .from(s.organisations)
    .all()
    .find((o) => o.nameEn === nameEn)!.id;

async function logWith(language: "kk" | "ru" | "en", participants: string[], { isNew = true } = {}) {
  const fields: Record<string, string> = { language, partnerId: partnerId(), "date.unknown": "on" };
  participants.forEach((name, i) => {
    fields[`participants[${i}].name`] = name;
    fields[`participants[${i}].side`] = "guest";
    fields[`participants[${i}].role`] = "attended";
    if (isNew) fields[`participants[${i}].isNew`] = "on";
  });
  const outcome = await submit(logAction, "/meetings/new", fields, { language });
  expect(outcome.status).toBe(302);
  const meetingId = Number(outcome.location?.split("/").at(-1));
  return db()
    .select({
      nameKk: s.people.nameKk,
      nameRu: s.people.nameRu,
      nameEn: s.people.nameEn,
      nameNative: s.people.nameNative,
    })
    .from(s.meetingParticipants)
    .innerJoin(s.people, eq(s.people.id, s.meetingParticipants.personId))
    .where(eq(s.meetingParticipants.meetingId, meetingId))
    .orderBy(s.meetingParticipants.position)
    .all();
}

/** The meeting form posted with one participant typed by name: the answer as Remix gives it. */
const logOneTyped = (language: "kk" | "ru" | "en", name: string, extra: Record<string, string> = {}) =>
  submit(
    logAction,
    "/meetings/new",
    {
      language,
      partnerId: partnerId(),
      "date.unknown": "on",
      "participants[0].name": name,
      "participants[0].side": "guest",
      "participants[0].role": "attended",
      ...extra,
    },
    { language },
  );

describe("a new participant's typed name goes to the slot of its script", () => {
  test.each(["en", "kk", "ru"] as const)("in the %s interface", async (language) => {
    const people = await logWith(language, ["Бақыт Сұлтанов", "Сергей Иванов", "Baqyt Sūltanov", "王林"]);
    expect(people).toEqual([
      { nameKk: "Бақыт Сұлтанов", nameRu: null, nameEn: null, nameNative: null },
      { nameKk: null, nameRu: "Сергей Иванов", nameEn: null, nameNative: null },
      { nameKk: null, nameRu: null, nameEn: "Baqyt Sūltanov", nameNative: null },
      { nameKk: null, nameRu: null, nameEn: null, nameNative: "王林" },
    ]);
  });

  test("a name not on file makes a new person in its slot; typed again, it finds that person", async () => {
    const [person] = await logWith("en", ["Әсел Бекова"], { isNew: false });
    expect(person).toEqual({ nameKk: "Әсел Бекова", nameRu: null, nameEn: null, nameNative: null });
    const peopleBefore = db().select().from(s.people).all().length;
    const [again] = await logWith("ru", ["Асель Бекова"], { isNew: false });
    expect(again.nameKk).toBe("Әсел Бекова");
    expect(db().select().from(s.people).all()).toHaveLength(peopleBefore);
  });

  test("a typed title and topic go to their script's column too", async () => {
    const outcome = await submit(
      logAction,
      "/meetings/new",
      {
        language: "en",
        partnerId: partnerId(),
        "date.unknown": "on",
        "participants[0].name": "Ержан Қасымов",
        "participants[0].isNew": "on",
        "participants[0].organisationId": String(orgId("Astana City Akimat")),
        "participants[0].title": "Қала әкімінің орынбасары",
        "participants[0].side": "host",
        "participants[0].role": "spoke",
        "topics[0]": "Көлік қатынасы",
        "initiatives[0].title": "Обмен студентами",
        "initiatives[0].kind": "culture",
      },
      { language: "en" },
    );
    expect(outcome.status).toBe(302);
    const post = db()
      .select()
      .from(s.posts)
      .all()
      .find((p) => p.titleKk === "Қала әкімінің орынбасары");
    expect(post).toMatchObject({ titleRu: null, titleEn: null });
    const topic = db()
      .select()
      .from(s.topics)
      .all()
      .find((t) => t.nameKk === "Көлік қатынасы");
    expect(topic).toMatchObject({ nameRu: null, nameEn: null });
    const initiative = db()
      .select()
      .from(s.initiatives)
      .all()
      .find((i) => i.titleRu === "Обмен студентами");
    expect(initiative).toMatchObject({ titleKk: null, titleEn: null });
  });
});

describe("a typed newcomer's name holds a letter, as the person form asks", () => {
  test.each([
    ["en", "A name holds at least one letter."],
    ["ru", "В имени должна быть хотя бы одна буква."],
    ["kk", "Есімде кемінде бір әріп болуы керек."],
  ] as const)("refused beside the name in %s, nothing written, what was typed kept", async (language, message) => {
    const meetingsBefore = db().select().from(s.meetings).all().length;
    const outcome = await logOneTyped(language, "=1+1", { "participants[0].isNew": "on" });
    expect(outcome.status).toBe(400);
    expect(outcome.reply?.result.error?.["participants[0].name"]).toEqual([message]);
    expect(outcome.reply?.result.initialValue).toMatchObject({ participants: [{ name: "=1+1" }] });
    expect(db().select().from(s.meetings).all()).toHaveLength(meetingsBefore);
  });
});

describe("a name typed with initials, as offices write names", () => {
  const peopleCount = () => db().select().from(s.people).all().length;

  test("is the one person on file it can be, whatever the order, script or number of initials", async () => {
    aPerson({ nameKk: "Сәрсенбаев Мұрат Төлеуұлы", nameRu: "Сарсенбаев Мурат Толеуович", nameEn: undefined });
    const before = peopleCount();
    for (const typed of ["Сарсенбаев М.", "Сарсенбаев М.Т.", "М. Сарсенбаев", "Sarsenbayev M.", "Сәрсенбаев М. Т."]) {
      const [person] = await logWith("ru", [typed], { isNew: false });
      expect(person.nameKk, typed).toBe("Сәрсенбаев Мұрат Төлеуұлы");
    }
    expect(peopleCount()).toBe(before);
  });

  test("two people it could be: refused beside the name, naming both; no one it could be: a new person", async () => {
    aPerson({ nameRu: "Жумабаев Болат", nameKk: undefined, nameEn: undefined });
    aPerson({ nameRu: "Жумабаев Бауыржан", nameKk: undefined, nameEn: undefined });
    const outcome = await logOneTyped("en", "Жумабаев Б.");
    expect(outcome.status).toBe(400);
    expect(outcome.reply?.result.error?.["participants[0].name"]?.[0]).toMatch(/Жумабаев Болат.*Жумабаев Бауыржан/);

    const before = peopleCount();
    const [person] = await logWith("ru", ["Жумабаев С."], { isNew: false });
    expect(person.nameRu).toBe("Жумабаев С.");
    expect(peopleCount()).toBe(before + 1);
  });
});

describe("a Chinese name typed in the other system's spelling", () => {
  test("'Wang Wei' is the Ван Вэй on file, and 'Ли Кэцян' the Li Keqiang, not a second person", async () => {
    aPerson({ nameRu: "Ван Вэй", nameKk: undefined, nameEn: undefined });
    aPerson({ nameEn: "Li Keqiang", nameKk: undefined, nameRu: undefined });
    const before = db().select().from(s.people).all().length;
    const [wang, li] = await logWith("en", ["Wang Wei", "Ли Кэцян"], { isNew: false });
    expect(wang.nameRu).toBe("Ван Вэй");
    expect(li.nameEn).toBe("Li Keqiang");
    expect(db().select().from(s.people).all()).toHaveLength(before);
  });
});
