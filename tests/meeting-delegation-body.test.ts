/**
 * A new delegation's body typed and not on file is added to the delegation's partner on Save,
 * as a typed name is added as a new person; a report proposes it from the leader's title.
 * Through the real meeting action and the report reader.
 */
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { SYSTEM } from "~db/history";
import { ensureHomeCity } from "~db/home";
import { getDb } from "~/db.server";
import { writeTransaction } from "~/models/writes.server";
import { createPartner } from "~/models/partners/write.server";
import { proposeMeeting, proposalFormValues } from "~/intake/press-release.server";
import { bodyInTitle } from "~/intake/people";
import { action as logAction } from "~/routes/meetings.new";
import { submit } from "./support/forms";

let bishkek = 0;
let kazan = 0;
let talas = 0;
beforeAll(() => {
  writeTransaction(getDb(), SYSTEM, (tx) => ensureHomeCity(tx));
  bishkek = createPartner({ kind: "city", countryCode: "KG", nameEn: "Bishkek", nameRu: "Бишкек" }, SYSTEM);
  kazan = createPartner({ kind: "city", countryCode: "RU", nameEn: "Kazan", nameRu: "Казань" }, SYSTEM);
  talas = createPartner({ kind: "city", countryCode: "KG", nameEn: "Talas", nameRu: "Талас", nameKk: "Талас" }, SYSTEM);
});

const db = () => getDb();
const organisationsOf = (partnerId: number) =>
  db().select().from(s.organisations).where(eq(s.organisations.partnerId, partnerId)).all();

function logDelegation(partnerId: number, body: string, extra: Record<string, string> = {}) {
  return submit(
    logAction,
    "/meetings/new",
    {
      language: "kk",
      partnerId: String(partnerId),
      "date.unknown": "on",
      newDelegation: "on",
      delegationDirection: "incoming",
      delegationOrganisationName: body,
      "participants[0].name": "Азамат Жолдошбеков",
      "participants[0].side": "guest",
      "participants[0].role": "led_delegation",
      ...extra,
    },
    { language: "kk" },
  );
}

describe("the meeting form", () => {
  test("a new delegation's body not on file is added to its partner, in the column of its script, and is the delegation's", async () => {
    const outcome = await logDelegation(bishkek, "Бішкек қалалық кеңесі");
    expect(outcome.status).toBe(302);
    const [body] = organisationsOf(bishkek);
    expect(body).toMatchObject({ nameKk: "Бішкек қалалық кеңесі", nameRu: null, nameEn: null });
    const meetingId = Number(outcome.location?.split("/").at(-1));
    const meeting = db().select().from(s.meetings).where(eq(s.meetings.id, meetingId)).get()!;
    const delegation = db().select().from(s.delegations).where(eq(s.delegations.id, meeting.delegationId!)).get()!;
    expect(delegation.organisationId).toBe(body.id);
    // Typed again, however spelt, it is the one on file: no second body.
    expect((await logDelegation(bishkek, "бішкек  ҚАЛАЛЫҚ кеңесі")).status).toBe(302);
    expect(organisationsOf(bishkek)).toHaveLength(1);
  });

  test("without a new delegation, a body not on file is still refused beside the field, and nothing is written", async () => {
    const before = organisationsOf(kazan).length;
    const meetings = db().select().from(s.meetings).all().length;
    const outcome = await logDelegation(kazan, "Казанская городская дума", { newDelegation: "" });
    expect(outcome.status).toBe(400);
    expect(outcome.reply?.result.error?.delegationOrganisationName?.[0]).toMatch(/./);
    // What was typed is kept.
    expect(outcome.reply?.result.initialValue).toMatchObject({
      delegationOrganisationName: "Казанская городская дума",
    });
    expect(organisationsOf(kazan)).toHaveLength(before);
    expect(db().select().from(s.meetings).all()).toHaveLength(meetings);
  });

  test("a form refused for another field adds no body: one transaction", async () => {
    const before = organisationsOf(kazan).length;
    const outcome = await logDelegation(kazan, "Казанская городская дума", { "participants[0].name": "" });
    expect(outcome.status).toBe(400);
    expect(organisationsOf(kazan)).toHaveLength(before);
  });
});

describe("from a report", () => {
  test.each([
    ["Бішкек қалалық кеңесінің төрағасы", "Бішкек қалалық кеңесі"],
    [
      "Хэйлунцзян провинциясы Халық консультативтік кеңесі төрағасының орынбасары",
      "Хэйлунцзян провинциясы Халық консультативтік кеңесі",
    ],
    ["Chairman of the Tashkent City Council", "Tashkent City Council"],
    ["Tbilisi City Assembly Chairman", "Tbilisi City Assembly"],
    ["Mayor of Ankara", null],
    // Russian: the body in the genitive after the posts, back in the nominative.
    ["председатель Сеульского городского совета", "Сеульский городской совет"],
    ["Первый заместитель председателя Городской думы Казани", "Городская дума Казани"],
    [
      "заместитель председателя Законодательного собрания провинции Цзянсу",
      "Законодательное собрание провинции Цзянсу",
    ],
    ["депутат Народного Хурала Улан-Батора", "Народный Хурал Улан-Батора"],
    ["председатель постоянной комиссии Высшего совета", "постоянная комиссия Высшего совета"],
    ["посол Турции в Казахстане", null],
    ["мэр Анкары", null],
  ])("the body of %j is %j", (title, body) => {
    expect(bodyInTitle(title)).toBe(body);
  });

  test("the guests' body, not on file, is proposed from the leader's title, marked for review", () => {
    const proposal = proposeMeeting(
      {
        text:
          "Талас қаласының делегациясы Астана қалалық мәслихатында болды. " +
          "Делегацияны бастап келген Талас қалалық кеңесінің төрағасы Азамат Жолдошбеков мәслихат хатшысымен кездесті.",
      },
      "kk",
    );
    expect(proposal.partner?.id).toBe(talas);
    expect(proposal.delegationOrganisation).toBeNull();
    expect(proposal.newDelegationOrganisation).toBe("Талас қалалық кеңесі");
    const { value, marks } = proposalFormValues(proposal);
    expect(value.delegationOrganisationName).toBe("Талас қалалық кеңесі");
    expect(marks).toContain("delegationOrganisationName");
  });

  test("from a Russian report too, whose leader's title names the body in the genitive", () => {
    const proposal = proposeMeeting(
      {
        text:
          "Делегация города Талас посетила маслихат города Астаны. " +
          "Делегацию возглавил председатель Таласского городского кенеша Азамат Жолдошбеков.",
      },
      "ru",
    );
    expect(proposal.partner?.id).toBe(talas);
    // Visiting the city's own council is coming here, not going out.
    expect(proposal.delegation).toEqual({ direction: "incoming" });
    expect(proposal.people.map((p) => `${p.name} | ${p.side} | ${p.role}`)).toEqual([
      "Азамат Жолдошбеков | guest | led_delegation",
    ]);
    expect(proposal.newDelegationOrganisation).toBe("Таласский городской кенеш");
  });

  test("a partner named only by the adjective made from its name, four letters long", () => {
    const seoul = createPartner({ kind: "city", countryCode: "KR", nameEn: "Seoul", nameRu: "Сеул" }, SYSTEM);
    const proposal = proposeMeeting(
      {
        text:
          "Делегация Сеульского городского совета прибыла в Астану. " +
          "Делегацию возглавил председатель Сеульского городского совета Ли Мин Хо.",
      },
      "ru",
    );
    expect(proposal.partner?.id).toBe(seoul);
    expect(proposal.newDelegationOrganisation).toBe("Сеульский городской совет");
  });

  // Russian makes some places' adjectives with letters of their own: "-ов-" added, г become ж, or
  // a name too short for the "-ский" rule to leave a stem.
  test.each([
    ["Moscow", "Москва", "RU", "Делегация Московской городской думы прибыла в Астану."],
    ["Prague", "Прага", "CZ", "Делегацию Пражского магистрата принял председатель маслихата."],
    ["Riga", "Рига", "LV", "Делегация Рижской думы прибыла в Астану."],
    ["Tula", "Тула", "RU", "Делегация Тульской городской думы прибыла в Астану."],
    ["Omsk", "Омск", "RU", "Делегация Омского городского совета прибыла в Астану."],
  ])("a partner named only by the adjective Russian makes of it: %s", (nameEn, nameRu, countryCode, text) => {
    const partner = createPartner({ kind: "city", countryCode, nameEn, nameRu }, SYSTEM);
    expect(proposeMeeting({ text }, "ru").partner?.id).toBe(partner);
  });

  test.each([
    ["A delegation of the Talas City Council visited the Astana City Maslikhat.", "en", "incoming"],
    ["Делегация Таласа посетила Астану.", "ru", "incoming"],
    ["The maslikhat delegation visited Talas.", "en", "outgoing"],
    ["Делегация маслихата посетила город Талас.", "ru", "outgoing"],
  ] as const)("%j (%s): the delegation is %s", (text, lng, direction) => {
    expect(proposeMeeting({ text }, lng).delegation).toEqual({ direction });
  });
});
