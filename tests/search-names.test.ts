import { beforeAll, describe, expect, test } from "vitest";
import { SYSTEM } from "~db/history";
import { partners } from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { searchNames } from "~/models/search.server";
import { searchResults } from "~/models/list-filters.server";
import { findNameMatches } from "~/models/names.server";
import { searchPartners } from "~/models/partners/read.server";
import { searchPeople } from "~/models/people/read.server";
import { aDelegation, aMeeting, aPartner, aPerson, aRelation } from "./support/factories";

seedDemoData(getDb());
const partnerId = () =>
  getDb()
    .select()
    .from(partners)
    .all()
    .find((p) => p.nameEn === "Heilongjiang Province")!.id;
const names = (query: string) => {
  const r = searchNames(query, "en");
  return {
    partner: r.partner.map((x) => x.name),
    person: r.person.map((x) => x.name),
    organisation: r.organisation.map((x) => x.name),
  };
};

describe("finding records by name, however it was spelt", () => {
  test.each(["Nurpeisov", "нурпеисов", "НҰРПЕЙІСОВ", "Нұрпейісов", "zhanat", "Жанат Нурп"])(
    "%s finds Zhanat Nurpeisov and no one else",
    (query) => {
      expect(names(query)).toEqual({ partner: [], person: ["Zhanat Nurpeisov"], organisation: [] });
    },
  );

  test.each(["Heilongjiang", "Хэйлунцзян", "хэйлунцзян провинциясы"])(
    "%s finds the partner (and its bodies)",
    (query) => {
      expect(names(query).partner).toEqual(["Heilongjiang Province"]);
    },
  );

  test("a word inside a name counts from its start", () => {
    expect(names("Kim").person).toEqual(["Almaz Kim"]);
    expect(names("maslikhat").organisation).toEqual(["Astana City Maslikhat"]);
  });

  test("an exact name (or last word) comes before names it only begins", () => {
    expect(searchNames("Astana", "en").partner.map((p) => p.name)).toEqual(["Astana"]);
    // "Smart City Astana" ends with the very word; the others only begin with it.
    expect(searchNames("Astana", "en").organisation.map((o) => o.name)).toEqual([
      "Smart City Astana",
      "Astana City Akimat",
      "Astana City Maslikhat",
    ]);
  });

  test("nothing unrelated comes back", () => {
    expect(names("Samarkand")).toEqual({ partner: [], person: [], organisation: [] });
    expect(names("   ")).toEqual({ partner: [], person: [], organisation: [] });
  });
});

describe("finding meetings and initiatives by their texts", () => {
  const texts = async (query: string) => {
    const { searchTexts } = await import("~/models/search.server");
    const r = searchTexts(query, "en");
    return { meetings: r.meeting.length, initiatives: r.initiative.map((i) => i.title) };
  };

  test("'маслихат' finds the meeting whose text says 'мәслихат'", async () => {
    expect((await texts("маслихат")).meetings).toBe(1);
  });

  test("'tengrinews' finds the meeting whose source writes it with a Cyrillic Т", async () => {
    expect((await texts("tengrinews")).meetings).toBe(1);
  });

  test("words are prefixes and all are required; initiatives by any title or description", async () => {
    expect((await texts("LRT")).initiatives).toEqual(["Chinese entrepreneurs' interest in the LRT phase 1 project"]);
    expect((await texts("экспо хэйлунцз")).initiatives).toEqual(["Heilongjiang Province's participation in EXPO-2017"]);
    expect(await texts("Samarkand")).toEqual({ meetings: 0, initiatives: [] });
    // Punctuation alone searches nothing; operators typed by hand are words, never syntax.
    expect(await texts('" * ( ) :')).toEqual({ meetings: 0, initiatives: [] });
    expect((await texts('NEAR(" AND zzzq')).meetings).toBe(0);
  });

  test("an edited meeting is found by its new words, and a deleted one not at all", async () => {
    const { MeetingSchema } = await import("~/forms/meeting");
    const { logMeeting, deleteMeeting } = await import("~/models/meetings/write.server");
    const result = logMeeting(
      MeetingSchema.parse({
        language: "ru",
        partnerId: partnerId(),
        date: { unknown: true },
        purpose: "Обсуждение фестиваля Наурыз",
      }),
      "ru",
      SYSTEM,
    );
    expect(result.ok).toBe(true);
    expect((await texts("наурыз")).meetings).toBe(1);
    if (result.ok) deleteMeeting(result.id, SYSTEM);
    expect((await texts("наурыз")).meetings).toBe(0);
  });

  test("matches rank as equals: the newest meeting first, unknown dates last", async () => {
    const { MeetingSchema } = await import("~/forms/meeting");
    const { logMeeting } = await import("~/models/meetings/write.server");
    const { searchTexts } = await import("~/models/search.server");
    const log = (purpose: string, year?: string) => {
      const result = logMeeting(
        MeetingSchema.parse({
          language: "en",
          partnerId: partnerId(),
          purpose,
          date: year ? { year } : { unknown: true },
        }),
        "en",
        SYSTEM,
      );
      return result.ok ? result.id : 0;
    };
    const undated = log("Kokpar festival, date lost");
    const older = log("Kokpar festival planning, the very best match for kokpar kokpar", "2019");
    const newer = log("Kokpar festival", "2024");
    expect(searchTexts("kokpar festival", "en").meeting.map((m) => m.id)).toEqual([newer, older, undated]);
    // The word as typed before words that only begin so, however new those are.
    const longer = log("Kokparshy riders", "2025");
    expect(searchTexts("kokpar", "en").meeting.map((m) => m.id)).toEqual([newer, older, undated, longer]);
    expect(searchTexts("kokparsh", "en").meeting.map((m) => m.id)).toEqual([longer]);
  });

  test("initiatives that match rank as equals the newest first, and the first ten are the ten newest", async () => {
    const { searchTexts } = await import("~/models/search.server");
    const { anInitiative } = await import("./support/factories");
    const ids = Array.from({ length: 14 }, (_, i) =>
      anInitiative({ titleEn: `Baiterek exchange ${i}`, kind: "culture" }),
    );
    expect(searchTexts("baiterek", "en").initiative.map((i) => i.id)).toEqual(ids.reverse().slice(0, 10));
  });
});

describe("mixed scripts and repeated letters (issue 13 items 12, 13)", () => {
  const log = async (purpose: string, language: "ru" | "en" = "ru") => {
    const { MeetingSchema } = await import("~/forms/meeting");
    const { logMeeting } = await import("~/models/meetings/write.server");
    const result = logMeeting(
      MeetingSchema.parse({ language, purpose, partnerId: partnerId(), date: { unknown: true } }),
      language,
      SYSTEM,
    );
    return result.ok ? result.id : 0;
  };

  test("a Russian word written with Latin look-alikes is found by its plain Cyrillic spelling", async () => {
    const { searchTexts } = await import("~/models/search.server");
    // Latin p, e, c, o in Cyrillic words, as copied from a news site.
    const id = await log("Пpeзидeнтcкий пpoгpaмм cотpудничecтвa");
    expect(searchTexts("президентский", "en").meeting.map((m) => m.id)).toEqual([id]);
    expect(searchTexts("сотрудничества", "en").meeting.map((m) => m.id)).toEqual([id]);
  });

  test("a query of one repeated letter finds only texts that have that run", async () => {
    const { searchTexts } = await import("~/models/search.server");
    const ids = (query: string) => searchTexts(query, "en").meeting.map((m) => m.id);
    const names = (query: string) => Object.values(searchNames(query, "en")).flat();
    expect(ids("aaaa")).toEqual([]);
    expect(ids("zzzzzzzzzzzz")).toEqual([]);
    expect(names("zzzzzzzzzzzz")).toEqual([]);
    expect(names("aaaa")).toEqual([]);
    const shout = await log("Ground-breaking, aaaa!", "en");
    expect(ids("aaaa")).toEqual([shout]);
    expect(ids("aaaaaa")).toEqual([]);
  });

  test("keys and index folded by an older fold are refolded at start-up", async () => {
    const { sql } = await import("drizzle-orm");
    const { backfillNameKeys } = await import("~db/name-keys");
    const { backfillSearchText, clearIfFoldedOtherwise } = await import("~/models/search-index.server");
    const { nameKeys, people } = await import("~db/schema");
    const { eq, and } = await import("drizzle-orm");
    const db = getDb();
    const nurpeisov = db.select({ id: people.id }).from(people).where(eq(people.nameEn, "Zhanat Nurpeisov")).get()!.id;
    // A database as an older fold left it: a stale key, and no stamp.
    db.delete(nameKeys)
      .where(and(eq(nameKeys.recordType, "person"), eq(nameKeys.recordId, nurpeisov)))
      .run();
    db.insert(nameKeys).values({ recordType: "person", recordId: nurpeisov, key: "stale" }).run();
    db.run(sql`pragma user_version = 0`);
    expect(names("Nurpeisov").person).toEqual([]);
    expect(clearIfFoldedOtherwise(db)).toBe(true);
    backfillNameKeys(db);
    backfillSearchText(db);
    expect(names("Nurpeisov").person).toEqual(["Zhanat Nurpeisov"]);
    expect(names("stale").person).toEqual([]);
    // Stamped now: the next start-up leaves the keys alone.
    expect(clearIfFoldedOtherwise(db)).toBe(false);
  });
});

describe("list filters fold like the search", () => {
  test("meetings by topic: 'асфальт', 'ASPHALT' and 'экспо' find the demo meeting; an unknown topic none", async () => {
    const { listMeetings } = await import("~/models/meetings/read.server");
    const { idsNamed } = await import("~/models/search.server");
    const count = (topic: string) =>
      listMeetings({ lng: "en", page: 1, filter: { topicIds: idsNamed("topic", topic) } }).total;
    expect(count("асфальт")).toBe(1);
    expect(count("ASPHALT")).toBe(1);
    expect(count("экспо")).toBe(1);
    expect(count("Samarkand")).toBe(0);
  });

  test("people by organisation: 'маслихат' finds the secretary and the two deputies of the мәслихат", async () => {
    const { listPeople } = await import("~/models/people/read.server");
    const { idsNamed } = await import("~/models/search.server");
    const names = (organisation: string) =>
      listPeople({ lng: "en", page: 1, organisationIds: idsNamed("organisation", organisation) }).items.map(
        (p) => p.name,
      );
    expect(names("маслихат")).toEqual(["Almaz Kim", "Mazhit Shaidarov", "Zhanat Nurpeisov"]);
    expect(names("CPPCC")).toEqual(["Du Jimin"]);
    expect(names("Samarkand")).toEqual([]);
  });
});

describe("a Chinese name, searched in the other system's spelling", () => {
  test("'Wang Wei' finds the person kept only as Ван Вэй, and 'Чжоу' the one kept only as Zhou Enlai", () => {
    aPerson({ nameRu: "Ван Вэй", nameKk: undefined, nameEn: undefined });
    aPerson({ nameEn: "Zhou Enlai", nameKk: undefined, nameRu: undefined });
    expect(names("Wang Wei").person).toEqual(["Ван Вэй"]);
    expect(names("Чжоу").person).toEqual(["Zhou Enlai"]);
  });
});

describe("a Turkish name typed without its letters' marks (ş as s, ç as c)", () => {
  // What the search page lists, and what the pickers suggest.
  const page = (query: string) => searchResults(query, "en");
  const partnersListed = (query: string) => page(query).results!.partner.map((p) => p.name);
  let uşak = 0;
  let bursa = 0;
  let relation = 0;
  beforeAll(() => {
    uşak = aPartner({ kind: "city", countryCode: "TR", nameEn: "Uşak", nameRu: "Ушак" });
    bursa = aPartner({ kind: "city", countryCode: "TR", nameEn: "Bursa Büyükşehir Belediyesi" });
    relation = aRelation(uşak, { note: "Protocol on culture" });
  });

  test.each([
    ["Uşak", ["Usak", "Uşak", "Ushak", "Ушак", "usa"]],
    ["Bursa Büyükşehir Belediyesi", ["Buyuksehir", "Buyukshehir", "Bursa Buyuksehir", "Büyükşehir Bel"]],
  ])("the search page and the partner picker find %s by each of %j", (name, queries) => {
    for (const query of queries) {
      expect(partnersListed(query), query).toEqual([name]);
      expect(
        searchPartners(query, "en").map((p) => p.name),
        query,
      ).toEqual([name]);
    }
  });

  test("the texts are found so too: the partner's relation, and a meeting that names the city", () => {
    const meeting = aMeeting({ partnerId: bursa, purpose: "Visit to Çanakkale and Kuşadası" });
    expect(page("Usak").texts!.relation.map((r) => r.id)).toEqual([relation]);
    expect(page("Usak").texts!.partner.map((p) => p.id)).toEqual([uşak]);
    expect(page("Canakkale").texts!.meeting.map((m) => m.id)).toEqual([meeting]);
    expect(page("kusadasi").texts!.meeting.map((m) => m.id)).toEqual([meeting]);
  });

  test("the person picker finds Ayşe Çelik typed as Ayse Celik", () => {
    aPerson({ nameEn: "Ayşe Çelik" });
    for (const query of ["Ayse Celik", "Celik", "Çelik", "Челик"])
      expect(
        searchPeople(query, "en").map((p) => p.name),
        query,
      ).toEqual(["Ayşe Çelik"]);
  });

  test("the duplicate guard: one name with or without its marks is the same name, either way round", () => {
    aPartner({ kind: "city", countryCode: "TR", nameEn: "Kusadasi" });
    const named = (name: string) => findNameMatches("partner", { nameEn: name }, "en").map((m) => m.name);
    expect(named("Usak")).toEqual(["Uşak"]);
    expect(named("Kuşadası")).toEqual(["Kusadasi"]);
    expect(named("Bursa Buyuksehir Belediyesi")).toEqual(["Bursa Büyükşehir Belediyesi"]);
    expect(named("Bursa")).toEqual([]);
  });

  test("keys and index folded before these spellings are refolded at start-up", async () => {
    const { sql, and, eq } = await import("drizzle-orm");
    const { backfillNameKeys } = await import("~db/name-keys");
    const { backfillSearchText, clearIfFoldedOtherwise } = await import("~/models/search-index.server");
    const { nameKeys } = await import("~db/schema");
    const db = getDb();
    // Uşak's keys as the fold before this one (4) wrote them: no "usak".
    db.delete(nameKeys)
      .where(and(eq(nameKeys.recordType, "partner"), eq(nameKeys.recordId, uşak)))
      .run();
    db.insert(nameKeys).values({ recordType: "partner", recordId: uşak, key: "ushak" }).run();
    db.run(sql`pragma user_version = 4`);
    expect(searchPartners("Usak", "en")).toEqual([]);
    clearIfFoldedOtherwise(db);
    backfillNameKeys(db);
    backfillSearchText(db);
    expect(searchPartners("Usak", "en").map((p) => p.name)).toEqual(["Uşak"]);
    expect(partnersListed("Usak")).toEqual(["Uşak"]);
  });
});

describe("a Korean name written without a space, family name first", () => {
  let kim = 0;
  let partner = 0;
  beforeAll(() => {
    kim = aPerson({ nameEn: "Kim Min-jun", nameNative: "김민준" });
    partner = aPartner({ kind: "province", countryCode: "KR", nameEn: "Gyeonggi Province", nameNative: "경기도" });
  });

  test("the search page and the person picker find 김민준 by the given name as by the whole", () => {
    for (const query of ["민준", "민", "김민준", "김민"]) {
      expect(
        searchResults(query, "en").results!.person.map((p) => p.name),
        query,
      ).toEqual(["Kim Min-jun"]);
      expect(
        searchPeople(query, "en").map((p) => p.name),
        query,
      ).toEqual(["Kim Min-jun"]);
    }
  });

  test("a delegation he is in is found by his given name", () => {
    const delegation = aDelegation({ partnerId: partner, members: [{ personId: kim }] });
    expect(searchResults("민준", "en").texts!.delegation.map((d) => d.id)).toEqual([delegation]);
  });

  test("a place has no given name, and namesakes by given name are not duplicates", () => {
    expect(searchResults("기도", "en").results!.partner).toEqual([]);
    aPerson({ nameEn: "Lee Min-jun", nameNative: "이민준" });
    expect(searchPeople("민준", "en").map((p) => p.name)).toEqual(["Kim Min-jun", "Lee Min-jun"]);
    const guard = (name: string) => findNameMatches("person", { nameNative: name }, "en").map((m) => m.name);
    expect(guard("이민준")).toEqual(["Lee Min-jun"]);
    expect(guard("김민준")).toEqual(["Kim Min-jun"]);
    expect(guard("박민준")).toEqual([]);
  });
});
