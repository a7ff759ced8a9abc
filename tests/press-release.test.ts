/**
 * Issue 15.2: the demo report's text alone, pasted, proposes the demo meeting: its partner, the
 * delegation's leader, the four participants with their roles, the three initiatives. On an
 * empty database the same text proposes them as new.
 */
import fs from "node:fs";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { proposeMeeting } from "~/intake/press-release.server";
import { newPartnerIn } from "~/intake/partners";
import { raisedPhrasesIn } from "~/intake/initiatives";

const report = fs.readFileSync("db/demo/report.kk.txt", "utf8");
const propose = () => proposeMeeting({ text: report, outlet: "Tengrinews.kz" }, "kk");
const byName = (proposal: ReturnType<typeof propose>, surname: RegExp) =>
  proposal.people.find((p) => surname.test(p.name));

describe("on an empty database", () => {
  test("everything is proposed as new", () => {
    const proposal = propose();
    expect(proposal.partner).toBeNull();
    expect(proposal.newPartner).toEqual({ name: "Хэйлунцзян провинциясы", kind: "province", countryCode: "CN" });
    expect(proposal.people.map((p) => [p.name, p.personId, p.side, p.role])).toEqual([
      ["Жанат Нұрпейісов", undefined, "host", "chaired"],
      ["Мажит Шайдаров", undefined, "host", "spoke"],
      ["Алмаз Ким", undefined, "host", "spoke"],
      ["Ду Цзимин", undefined, "guest", "led_delegation"],
    ]);
    expect(byName(proposal, /Нұрпейісов/)?.title).toBe("мәслихат хатшысы");
    expect(byName(proposal, /Ду Цзимин/)?.title).toMatch(/кеңесі төрағасының орынбасары$/);
    expect(proposal.initiatives).toHaveLength(3);
    expect(proposal.initiatives.every((i) => i.initiativeId === undefined)).toBe(true);
    expect(proposal.initiatives.map((i) => i.title)).toEqual([
      expect.stringMatching(/LRT 1-кезек" жобасына қызығушылық$/),
      "ЭКСПО-2017 халықаралық көрмесіне тікелей қатысу",
      "Астана қаласының аумағында Хэйлунцзян провинциясының аптылығын өткізу",
    ]);
    expect(proposal.date).toBeNull();
    expect(proposal.language).toBe("kk");
    expect(proposal.delegation).toEqual({ direction: "incoming" });
    expect(proposal.purpose).toBe(
      "Хэйлунцзян провинциясының Халықтық саяси консультативтік кеңесі мен Астана қаласы мәслихатының арасында достық қарым-қатынас орнату",
    );
    expect(proposal.source).toMatchObject({ outlet: "Tengrinews.kz", text: report });
  });
});

describe("on a database holding the demo's people and partner", () => {
  test("the partner, the people and the initiatives on file are found", () => {
    seedDemoData(getDb());
    const db = getDb();
    const id = (rows: Array<{ id: number; nameEn: string | null }>, nameEn: string) =>
      rows.find((r) => r.nameEn === nameEn)!.id;
    const people = db.select().from(s.people).all();
    const proposal = propose();
    expect(proposal.partner?.id).toBe(id(db.select().from(s.partners).all(), "Heilongjiang Province"));
    expect(proposal.newPartner).toBeNull();
    const organisations = db.select().from(s.organisations).all();
    expect(proposal.hostOrganisation?.id).toBe(id(organisations, "Astana City Maslikhat"));
    expect(proposal.delegationOrganisation?.id).toBe(
      id(organisations, "Heilongjiang Provincial Committee of the CPPCC"),
    );
    expect(proposal.people.map((p) => [p.personId, p.side, p.role])).toEqual([
      [id(people, "Zhanat Nurpeisov"), "host", "chaired"],
      [id(people, "Mazhit Shaidarov"), "host", "spoke"],
      [id(people, "Almaz Kim"), "host", "spoke"],
      [id(people, "Du Jimin"), "guest", "led_delegation"],
    ]);
    const initiatives = db.select().from(s.initiatives).all();
    expect(proposal.initiatives.map((i) => i.initiativeId).sort()).toEqual(initiatives.map((i) => i.id).sort());
    // Topics on file, found by their own names in the text.
    expect(proposal.topics).toEqual(expect.arrayContaining(["Көгалдандыру", "Асфальттау", "ЭКСПО-2017"]));
  });
});

describe("the host organisation, however a report words its place", () => {
  test.each([
    ["Астана қалалық мәслихатының хатшысы Жанат Нұрпейісов қонақтарды қабылдады.", "kk"],
    ["Астана қаласы мәслихатының хатшысы Жанат Нұрпейісов қонақтарды қабылдады.", "kk"],
    ["Секретарь городского маслихата Астаны Жанат Нурпеисов принял гостей.", "ru"],
    ["The Astana Maslikhat secretary Zhanat Nurpeisov received the guests.", "en"],
  ] as const)("%j names the maslikhat on file", (text, lng) => {
    seedDemoData(getDb()); // once: a database that holds anything is left as it is
    const maslikhat = getDb()
      .select()
      .from(s.organisations)
      .all()
      .find((o) => o.nameEn === "Astana City Maslikhat")!;
    expect(maslikhat.nameKk).toBe("Астана қаласының мәслихаты");
    expect(proposeMeeting({ text }, lng).hostOrganisation?.id).toBe(maslikhat.id);
  });
});

describe("a partner not on file, as the report names it", () => {
  test.each([
    ["…встретились с делегацией города Казани Республики Татарстан.", { name: "Казань", kind: "city" }],
    ["met a delegation from Gyeonggi Province\n\nASTANA, 12 May", { name: "Gyeonggi Province", kind: "province" }],
    [
      "met a delegation from Gyeonggi Province\nof the Republic of Korea",
      { name: "Gyeonggi Province", kind: "province" },
    ],
    ["с делегацией провинции Цзянсу КНР", { name: "Провинция Цзянсу", kind: "province" }],
    // A city by its name alone, as Russian and the partners on file name it.
    ["Польшаның Краков қаласының делегациясы болды", { name: "Краков", kind: "city" }],
    ["Ганьсу провинциясының делегациясымен кездесті", { name: "Ганьсу провинциясы", kind: "province" }],
  ])("%j", (text, partner) => {
    expect(newPartnerIn(text)).toEqual(partner);
  });
});

describe("a topic on file named by its acronym alone", () => {
  test.each([
    ["en", "Chinese businessmen expressed interest in the LRT project.", "Astana's new transport system, LRT"],
    ["ru", "Китайские предприниматели проявили интерес к проекту LRT.", "Новая транспортная система Астаны, LRT"],
  ] as const)("%s: the report's 'LRT' proposes the LRT topic", (lng, sentence, topic) => {
    seedDemoData(getDb());
    const proposal = proposeMeeting({ text: `Astana. ${sentence}` }, lng);
    expect(proposal.topics).toContain(topic);
    // A word that only holds the letters is not the acronym.
    expect(proposeMeeting({ text: "The delegation visited the ALRTA plant." }, lng).topics).not.toContain(topic);
  });
});

describe("a city named only by its own council or mayor, in a report that never says 'delegation'", () => {
  test.each([
    ["kk", "Мәслихат хатшысы Бішкек қалалық кеңесінің депутаты Нұрлан Асановпен кездесті.", "Бішкек"],
    ["en", "The Secretary of the Astana City Council met the Chairman of the Tashkent City Council.", "Tashkent"],
    ["ru", "Секретарь маслихата города Астаны встретился с мэром города Анкары.", "Анкара"],
  ] as const)("%s: %s", (lng, text, name) => {
    // Never the home city, which the same words name first.
    expect(proposeMeeting({ text }, lng).newPartner).toMatchObject({ name, kind: "city" });
  });
});

describe("a new partner's country, by the name a report gives it", () => {
  test.each([
    ["ru", "Прошла встреча с делегацией города Газиантеп (Турецкая Республика).", "Газиантеп", "TR"],
    ["kk", "Мәслихатта Қырғыз Республикасының Ош қаласының делегациясы болды.", "Ош", "KG"],
    ["en", "The maslikhat met a delegation from Tbilisi, Georgia.", "Tbilisi", "GE"],
  ] as const)("%s: %s", (lng, text, name, countryCode) => {
    expect(proposeMeeting({ text }, lng).newPartner).toMatchObject({ name, countryCode });
  });
});

describe("a paste at the size limit, of text made to be slow", () => {
  // Each was read from every letter to its end, or a whole sentence again at each verb: a run of
  // 100,000 letters held the server's one thread for 226 s, a sentence of "келісті" for 12 s.
  const fill = (unit: string) => unit.repeat(Math.floor(100_000 / unit.length));
  test.each([
    ["letters without a space", fill("Ааааа")],
    ["a verb of agreement, over and over", fill("ааа келісті ")],
    ["an interest, over and over", fill("ааа қызығушылық танытты ")],
    ["digits", fill("1")],
    ["abbreviations before capitals", fill("г. А ")],
  ])("%s: proposed, no more slowly than a report", (_, text) => {
    seedDemoData(getDb());
    const proposal = proposeMeeting({ text }, "kk");
    expect(proposal.source.text).toBe(text);
    expect(proposal.initiatives.length).toBeLessThanOrEqual(50);
  });
});

describe("an interest, however the report says it", () => {
  test.each([
    ["ru", "Турецкая сторона выразила заинтересованность в проекте LRT.", "Заинтересованность в проекте LRT"],
    ["ru", "Гости выразили интерес к проекту LRT.", "Интерес к проекту LRT"],
    ["ru", "Гости заинтересованы в проекте LRT.", "Заинтересованность в проекте LRT"],
    ["kk", "Қонақтар LRT жобасына қызығушылық білдірді.", "LRT жобасына қызығушылық"],
    ["en", "The guests are interested in the LRT project.", "Interest in the LRT project"],
  ] as const)("%s: %s", (_, text, title) => {
    // The phrase as proposed when nothing on file matches it (the demo's LRT initiative would).
    expect(raisedPhrasesIn(text).map((i) => i.title)).toEqual([title]);
  });
});
