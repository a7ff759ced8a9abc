/**
 * Issue 15.2: three reports of our own writing, about partners other than the demo's, each
 * checked field by field against what a reader takes from it. The share of fields proposed
 * right is printed; below 80% the test fails. Some of what they name is on file (in another
 * script than the report's), some is not.
 */
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeTransaction } from "~/models/writes.server";
import { SYSTEM } from "~db/history";
import { ensureHomeCity } from "~db/home";
import { count } from "drizzle-orm";
import { initiatives, partners } from "~db/schema";
import { getDb } from "~/db.server";
import { proposalFormValues, proposeMeeting, type Proposal } from "~/intake/press-release.server";
import { action } from "~/routes/meetings.from-report";
import { createPartner } from "~/models/partners/write.server";
import { insertPerson } from "~/models/people/write.server";
import { submit } from "./support/forms";

const ids: Record<string, number> = {};

beforeAll(() => {
  writeTransaction(getDb(), SYSTEM, (tx) => {
    ensureHomeCity(tx);
    // On file in Latin script only; the reports write them in Cyrillic.
    // "Erlan", not "Yerlan": the shared fold (app/utils/fold.ts) romanises a leading Е as "e".
    ids.dosanov = insertPerson(tx, { nameEn: "Erlan Dosanov" });
    ids.serikova = insertPerson(tx, { nameRu: "Айгуль Серикова" });
  });
  ids.kazan = createPartner({ kind: "city", countryCode: "RU", nameRu: "Казань", nameEn: "Kazan" }, SYSTEM);
  ids.bishkek = createPartner({ kind: "city", countryCode: "KG", nameEn: "Bishkek", nameRu: "Бишкек" }, SYSTEM);
});

type Check = [field: string, right: (p: Proposal) => boolean];
const person = (p: Proposal, name: RegExp) => p.people.find((x) => name.test(x.name));
const has = (p: Proposal, name: RegExp, want: Partial<Proposal["people"][number]>, title?: RegExp) => {
  const found = person(p, name);
  return Boolean(
    found &&
    Object.entries(want).every(([k, v]) => found[k as keyof typeof found] === v) &&
    (!title || title.test(found.title ?? "")),
  );
};
const initiative = (p: Proposal, title: RegExp) => p.initiatives.some((i) => title.test(i.title));

function score(name: string, proposal: Proposal, checks: Check[]) {
  const wrong = checks.filter(([, right]) => !right(proposal)).map(([field]) => field);
  const share = (checks.length - wrong.length) / checks.length;
  console.log(
    `${name}: ${checks.length - wrong.length} of ${checks.length} fields proposed right (${Math.round(share * 100)}%)` +
      (wrong.length ? `; wrong: ${wrong.join(", ")}` : ""),
  );
  return share;
}

const shares: number[] = [];
afterAll(() => {
  const mean = shares.reduce((a, b) => a + b, 0) / shares.length;
  console.log(`all ${shares.length} reports: ${Math.round(mean * 100)}% of fields proposed right`);
});

describe("reports of our own writing", () => {
  test("Russian: a delegation from Kazan", () => {
    const p = proposeMeeting(
      { text: fs.readFileSync("tests/fixtures/reports/kazan.ru.txt", "utf8"), published: "2025-06-11" },
      "ru",
    );
    const share = score("ru, Kazan", p, [
      ["language", (p) => p.language === "ru"],
      ["date (вчера)", (p) => p.date?.year === 2025 && p.date.month === 6 && p.date.day === 10],
      ["partner on file", (p) => p.partner?.id === ids.kazan],
      ["leader", (p) => has(p, /Шакиров/, { side: "guest", role: "led_delegation" }, /заместитель мэра Казани/)],
      ["secretary on file", (p) => has(p, /Dosanov|Досанов/, { personId: ids.dosanov, side: "host", role: "chaired" })],
      ["deputy on file", (p) => has(p, /Серикова/, { personId: ids.serikova, side: "host", role: "spoke" })],
      ["new deputy", (p) => has(p, /Тимур Беков/, { personId: undefined, side: "host", role: "spoke" })],
      ["initiative: culture days", (p) => initiative(p, /^Провести Дни культуры Татарстана в Астане$/)],
      ["initiative: direct flight", (p) => initiative(p, /прямой авиарейс/)],
      ["initiative: memorandum", (p) => p.initiatives.some((i) => /меморандум/.test(i.title) && i.status === "agreed")],
      ["purpose", (p) => /развитие дружественных отношений/.test(p.purpose ?? "")],
      ["topics", (p) => ["Образование", "Туризм", "Культура"].every((t) => p.topics.includes(t))],
      ["delegation incoming", (p) => p.delegation?.direction === "incoming"],
    ]);
    shares.push(share);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });

  test("English: a delegation from Jiangsu Province, not on file", () => {
    const p = proposeMeeting(
      {
        text: fs.readFileSync("tests/fixtures/reports/jiangsu.en.txt", "utf8"),
        published: "2025-03-15",
        url: "https://news.example.kz/jiangsu",
      },
      "en",
    );
    const share = score("en, Jiangsu", p, [
      ["language", (p) => p.language === "en"],
      ["date (yesterday)", (p) => p.date?.year === 2025 && p.date.month === 3 && p.date.day === 14],
      ["new partner", (p) => p.partner === null && p.newPartner?.name === "Jiangsu Province"],
      ["new partner's kind and country", (p) => p.newPartner?.kind === "province" && p.newPartner.countryCode === "CN"],
      ["leader", (p) => has(p, /Li Wenhua/, { side: "guest", role: "led_delegation" }, /^vice-chairman of/)],
      ["secretary on file", (p) => has(p, /Dosanov/, { side: "host", role: "chaired" })],
      [
        "deputy on file (Aigul for Айгуль)",
        (p) => has(p, /Serikova|Серикова/, { personId: ids.serikova, side: "host", role: "spoke" }),
      ],
      ["new deputy", (p) => has(p, /Timur Bekov/, { side: "host", role: "spoke" })],
      ["initiative: culture days", (p) => initiative(p, /^Holding Jiangsu culture days in Astana$/)],
      ["initiative: LRT", (p) => initiative(p, /^Interest in the Astana LRT project$/)],
      [
        "initiative: students",
        (p) => p.initiatives.some((i) => /^Exchange student groups/.test(i.title) && i.status === "agreed"),
      ],
      ["purpose", (p) => p.purpose === "discuss cooperation in education and tourism"],
      ["topics", (p) => ["Education", "Tourism", "Culture"].every((t) => p.topics.includes(t))],
      ["source outlet from the link", (p) => p.source.outlet === "news.example.kz"],
    ]);
    shares.push(share);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });

  test("Kazakh: a delegation from Bishkek", () => {
    const p = proposeMeeting({ text: fs.readFileSync("tests/fixtures/reports/bishkek.kk.txt", "utf8") }, "kk");
    const share = score("kk, Bishkek", p, [
      ["language", (p) => p.language === "kk"],
      ["date (2024 жылғы 20 қыркүйекте)", (p) => p.date?.year === 2024 && p.date.month === 9 && p.date.day === 20],
      ["partner on file (Бішкек for Бишкек)", (p) => p.partner?.id === ids.bishkek],
      [
        "leader",
        (p) => has(p, /Жолдошбеков/, { side: "guest", role: "led_delegation" }, /Бішкек қалалық кеңесінің төрағасы/),
      ],
      ["secretary on file", (p) => has(p, /Dosanov|Досанов/, { personId: ids.dosanov, side: "host", role: "chaired" })],
      [
        "deputy on file (Айгүл for Айгуль)",
        (p) => has(p, /Серикова|Серікова/, { personId: ids.serikova, side: "host" }),
      ],
      ["initiative: culture days", (p) => initiative(p, /^Астанада Бішкек мәдениеті күндерін өткізу$/)],
      [
        "initiative: youth exchange",
        (p) => p.initiatives.some((i) => /^Жастар алмасу/.test(i.title) && i.status === "agreed"),
      ],
      ["purpose", (p) => p.purpose === "екі елорда арасындағы бауырластық байланысты нығайту"],
      ["topics", (p) => p.topics.includes("Көлік")],
    ]);
    shares.push(share);
    expect(share).toBeGreaterThanOrEqual(0.8);
  });
});

describe("a report naming what is on file with other partners", () => {
  beforeAll(() => {
    ids.gyeonggi = createPartner(
      { kind: "province", countryCode: "KR", nameRu: "Провинция Кёнгидо", nameEn: "Gyeonggi Province" },
      SYSTEM,
    );
    // Another partner's initiative first, in words the report's phrase shares all but the partner's name with.
    const [kazanDays, gyeonggiDays] = getDb()
      .insert(initiatives)
      .values([
        {
          titleKk: "Астанада Қазан мәдениеті күндерін өткізу",
          kind: "culture",
          status: "proposed",
          partnerId: ids.kazan,
        },
        {
          titleKk: "Астанада Кёнгидо мәдениеті күндерін өткізу",
          kind: "culture",
          status: "proposed",
          partnerId: ids.gyeonggi,
        },
      ])
      .returning({ id: initiatives.id })
      .all();
    ids.kazanDays = kazanDays!.id;
    ids.gyeonggiDays = gyeonggiDays!.id;
  });

  test("Kazakh: a delegation from Gyeonggi, led as Kazakh says it; its initiative its own, never another partner's", () => {
    const p = proposeMeeting({ text: fs.readFileSync("tests/fixtures/reports/gyeonggi.kk.txt", "utf8") }, "kk");
    const share = score("kk, Gyeonggi", p, [
      ["language", (p) => p.language === "kk"],
      ["date", (p) => p.date?.year === 2026 && p.date.month === 12 && p.date.day === 2],
      ["partner on file", (p) => p.partner?.id === ids.gyeonggi],
      [
        "leader (Делегацияны … басқарды)",
        (p) =>
          has(
            p,
            /Пак Сон Хо/,
            { side: "guest", role: "led_delegation" },
            /^Кёнгидо провинциясы Кеңесінің төрағасының орынбасары$/,
          ),
      ],
      ["the delegation's body", (p) => p.newDelegationOrganisation === "Кёнгидо провинциясы Кеңесі"],
      ["deputy on file", (p) => has(p, /Dosanov|Досанов/, { personId: ids.dosanov, side: "host" })],
      [
        "second deputy on file (депутаттары … пен …)",
        (p) => has(p, /Серикова|Серікова/, { personId: ids.serikova, side: "host" }),
      ],
      ["initiative on file, the partner's own", (p) => p.initiatives.some((i) => i.initiativeId === ids.gyeonggiDays)],
      ["topics", (p) => ["Энергетика", "Білім беру"].every((t) => p.topics.includes(t))],
      ["delegation incoming", (p) => p.delegation?.direction === "incoming"],
    ]);
    shares.push(share);
    expect(share).toBeGreaterThanOrEqual(0.8);
    expect(p.initiatives.map((i) => i.initiativeId)).not.toContain(ids.kazanDays);
    // The form shows the initiative on file by its title.
    expect(proposalFormValues(p).value.initiatives).toContainEqual(
      expect.objectContaining({ initiativeId: ids.gyeonggiDays, title: "Астанада Кёнгидо мәдениеті күндерін өткізу" }),
    );
  });

  test("a partner not on file raises none of another partner's initiatives", () => {
    const text = fs
      .readFileSync("tests/fixtures/reports/gyeonggi.kk.txt", "utf8")
      .replaceAll("Кёнгидо", "Чхунчхон-Намдо");
    const p = proposeMeeting({ text }, "kk");
    expect(p.partner).toBeNull();
    expect(p.initiatives.length).toBeGreaterThan(0);
    expect(p.initiatives.every((i) => i.initiativeId === undefined)).toBe(true);
  });
});

describe("who is who, as other reports write it", () => {
  beforeAll(() => {
    ids.ankara = createPartner({ kind: "city", countryCode: "TR", nameRu: "Анкара", nameEn: "Ankara" }, SYSTEM);
  });
  const people = (text: string, lng: "kk" | "ru" | "en") =>
    proposeMeeting({ text }, lng).people.map((p) => `${p.name} | ${p.title} | ${p.side}`);

  test("Kazakh: a name takes its sentence's case off, a title stops at the name before it, a foreign mission in Astana is the guests'", () => {
    expect(
      people(
        "Астана қалалық мәслихатының хатшысы Ерлан Досанов Қырғыз Республикасының Астанадағы елшісі Айбек Мамытовпен кездесті. " +
          "Кездесуге Бішкек қалалық кеңесінің депутаты Нұрлан Асанов қатысты.",
        "kk",
      ),
    ).toEqual([
      "Erlan Dosanov | Астана қалалық мәслихатының хатшысы | host",
      "Айбек Мамытов | Қырғыз Республикасының Астанадағы елшісі | guest",
      "Нұрлан Асанов | Бішкек қалалық кеңесінің депутаты | guest",
    ]);
    expect(
      people(
        "Түркия Республикасының Астанадағы Елшілігінің кеңесшісі Мехмет Йылмаз Астана қалалық мәслихатының хатшысы Ерлан Досановпен кездесті. " +
          "Қазақстан Республикасының Түркиядағы елшісі Марат Сейітов та қатысты.",
        "kk",
      ),
    ).toEqual([
      "Erlan Dosanov | Астана қалалық мәслихатының хатшысы | host",
      "Марат Сейітов | Қазақстан Республикасының Түркиядағы елшісі | host",
      "Мехмет Йылмаз | Түркия Республикасының Астанадағы Елшілігінің кеңесшісі | guest",
    ]);
  });

  test("English: the body named before the post is the title's; an ambassador to Kazakhstan is a guest", () => {
    expect(
      people(
        "Yesterday the maslikhat secretary Erlan Dosanov met Turkish Ambassador to Kazakhstan Mehmet Yilmaz and Ankara Mayor Mansur Yavas.",
        "en",
      ),
    ).toEqual([
      "Erlan Dosanov | maslikhat secretary | host",
      "Mehmet Yilmaz | Turkish Ambassador to Kazakhstan | guest",
      "Mansur Yavas | Ankara Mayor | guest",
    ]);
  });

  test("a Korean name in three words, a later post nearer the name, a forum that is no person, transport that is no sport", () => {
    ids.seoul = createPartner({ kind: "city", countryCode: "KR", nameRu: "Сеул", nameEn: "Seoul" }, SYSTEM);
    ids.tashkent = createPartner({ kind: "city", countryCode: "UZ", nameRu: "Ташкент", nameEn: "Tashkent" }, SYSTEM);
    const seoul = proposeMeeting(
      {
        text:
          "Делегация маслихата города Астаны во главе с секретарем Ерланом Досановым посетила Сеул. " +
          "Делегация провела встречу с председателем Сеульского городского совета Ким Хён Ги. " +
          "Стороны обсудили развитие общественного транспорта.",
      },
      "ru",
    );
    expect(seoul.people.map((p) => `${p.name} | ${p.title} | ${p.side} | ${p.role}`)).toEqual([
      "Erlan Dosanov | секретарь | host | led_delegation",
      "Ким Хён Ги | председатель Сеульского городского совета | guest | attended",
    ]);
    expect(seoul.topics).toEqual(["Транспорт"]);
    expect(seoul.delegation).toEqual({ direction: "outgoing" });
    const tashkent = proposeMeeting(
      {
        text:
          "Deputies of the Tashkent City Council led by Chairman Rakhmatilla Mirzaev arrived in Astana. " +
          "Mr Mirzaev invited Astana deputies to the Tashkent International Investment Forum.",
      },
      "en",
    );
    expect(tashkent.people.map((p) => `${p.name} | ${p.title} | ${p.side} | ${p.role}`)).toEqual([
      "Rakhmatilla Mirzaev | Chairman | guest | led_delegation",
    ]);
  });

  test("Russian: a post and its name in the genitive are back in the nominative", () => {
    expect(
      people(
        "Визит состоялся по приглашению мэра Анкары Мансура Яваша. В программе визита — встреча с делегацией посла Турции Анны Сериковой.",
        "ru",
      ),
    ).toEqual(["Мансур Яваш | мэр Анкары | guest", "Анна Серикова | посол Турции | guest"]);
  });

  test("Russian: the post and the name after «с» are back in the nominative", () => {
    expect(
      people(
        "Секретарь маслихата города Астаны Ерлан Досанов встретился с Послом Турции в Казахстане Мехметом Йылмазом и делегацией Анкары во главе с председателем городского совета Сергеем Ивановым.",
        "ru",
      ),
    ).toEqual([
      "Erlan Dosanov | Секретарь маслихата города Астаны | host",
      "Мехмет Йылмаз | Посол Турции в Казахстане | guest",
      "Сергей Иванов | председатель городского совета | guest",
    ]);
  });
});

describe("Russian names after a post in the dative", () => {
  test("are back in the nominative, with their posts", () => {
    const people = proposeMeeting(
      {
        text: "Секретарь маслихата города Астаны Ерлан Досанов вручил благодарственные письма послу Турции Мехмету Йылмазу и председателю городского совета Анкары Анне Сериковой. Письмо было направлено и советнику Игорю Сергееву.",
      },
      "ru",
    ).people.map((p) => `${p.name} | ${p.title} | ${p.side}`);
    expect(people).toEqual([
      "Erlan Dosanov | Секретарь маслихата города Астаны | host",
      "Мехмет Йылмаз | посол Турции | guest",
      "Анна Серикова | председатель городского совета Анкары | guest",
      "Игорь Сергеев | советник | guest",
    ]);
  });
});

describe("the paste is bounded", () => {
  test("a report over 100,000 characters is refused with a message, nothing proposed", async () => {
    const outcome = await submit(action, "/meetings/from-report", {
      intent: "propose",
      text: "Делегация. ".repeat(10_000),
      outlet: "Example",
    });
    expect(outcome.status).toBe(400);
    expect(JSON.stringify(outcome.reply)).toContain("The report is too long: paste at most 100000 characters");
  });
});

describe("a partner added from the review", () => {
  const partnerCount = () => getDb().select({ n: count() }).from(partners).get()!.n;
  const add = (fields: Record<string, string>, language = "en") =>
    submit(action, "/meetings/from-report", { intent: "addPartner", ...fields }, { language });
  type Refusal = { typed?: unknown; errors?: Record<string, string[]>; duplicates?: Array<{ id: number }> };

  test("is refused field by field, in the reader's language, with what was typed sent back and nothing written", async () => {
    const before = partnerCount();
    const long = await add({ name: `Kazan ${"z".repeat(300)}`, kind: "province", countryCode: "RU" });
    expect(long.status).toBe(400);
    const refusal = long.reply as Refusal;
    expect(refusal.errors).toEqual({ name: ["Use at most 200 characters."] });
    expect(refusal.typed).toEqual({ name: `Kazan ${"z".repeat(300)}`, kind: "province", countryCode: "RU" });

    const emoji = await add({ name: "🏙️🏙️", kind: "city", countryCode: "TR" }, "ru");
    expect(emoji.status).toBe(400);
    expect((emoji.reply as Refusal).errors).toEqual({ name: ["В имени должна быть хотя бы одна буква."] });

    const blank = await add({ name: "   ", kind: "<script>", countryCode: "XX" }, "kk");
    expect(blank.status).toBe(400);
    expect((blank.reply as Refusal).errors).toEqual({
      name: ["Толтырыңыз."],
      kind: ["Нұсқалардың бірін таңдаңыз."],
      countryCode: ["Нұсқалардың бірін таңдаңыз."],
    });
    expect(partnerCount()).toBe(before);
  });

  test("a name already on file, in any script, is shown before a second partner is made", async () => {
    const before = partnerCount();
    const again = await add({ name: "КАЗАНЬ", kind: "city", countryCode: "RU" });
    expect(again.status).toBe(409);
    expect((again.reply as Refusal).duplicates?.map((d) => d.id)).toEqual([ids.kazan]);
    expect(partnerCount()).toBe(before);

    const confirmed = await add({ name: "Kazan", kind: "city", countryCode: "US", confirmDuplicate: "on" });
    expect(confirmed.status).toBe(200);
    expect(partnerCount()).toBe(before + 1);
  });
});
