/**
 * Issue 13, "Right data in: refuse what is wrong, keep what is right": every form posted through
 * its real action. A refusal is a 400 with each message beside its field, once, and nothing
 * written; what is right is saved as typed.
 */
import type { ActionFunctionArgs } from "@remix-run/node";
import { desc } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { latestYear } from "~/forms/fields";
import { todayInAstana } from "~/utils/today";
import { action as passwordAction } from "~/routes/account.password";
import { action as newDelegation } from "~/routes/delegations.new";
import { loader as editDelegationLoader } from "~/routes/delegations.$delegationId_.edit";
import { action as newInitiative } from "~/routes/initiatives.new";
import { action as initiativeStep } from "~/routes/initiatives.$initiativeId_.step";
import { action as logMeeting } from "~/routes/meetings.new";
import { loader as editMeetingLoader } from "~/routes/meetings.$meetingId_.edit";
import { action as newOrganisation } from "~/routes/organisations.new";
import { action as newPartner } from "~/routes/partners.new";
import { action as newRelation } from "~/routes/partners.$partnerId_.relation";
import { action as newPerson } from "~/routes/people.new";
import { action as relationStep } from "~/routes/relations.$relationId.step";
import { cookieFor } from "./support/accounts";
import { submit } from "./support/forms";
import { demoOrganisationId, demoPartnerId, demoPersonId } from "./support/demo";

seedDemoData(getDb());
const db = () => getDb();

const TABLES = [
  "meetings",
  "partners",
  "organisations",
  "people",
  "posts",
  "delegations",
  "initiatives",
  "initiativeSteps",
  "relations",
  "relationSteps",
  "sources",
] as const;
const counts = () => Object.fromEntries(TABLES.map((name) => [name, db().select().from(s[name]).all().length]));

const heilongjiang = () => demoPartnerId("Heilongjiang Province");
const maslikhat = () => demoOrganisationId("Astana City Maslikhat");
const friendly = () =>
  db()
    .select()
    .from(s.relations)
    .all()
    .find((r) => r.type === "friendly")!.id;
const lrt = () =>
  db()
    .select()
    .from(s.initiatives)
    .all()
    .find((i) => i.titleEn?.includes("LRT"))!.id;
const demoDelegation = () => db().select().from(s.delegations).all()[0].id;

type Action = (args: ActionFunctionArgs) => unknown;
type Form = { action: Action; path: string; params?: Record<string, string> };
const forms = {
  meeting: (): Form => ({ action: logMeeting, path: "/meetings/new" }),
  delegation: (): Form => ({ action: newDelegation, path: "/delegations/new" }),
  initiative: (): Form => ({ action: newInitiative, path: "/initiatives/new" }),
  initiativeStep: (): Form => ({
    action: initiativeStep,
    path: `/initiatives/${lrt()}/step`,
    params: { initiativeId: String(lrt()) },
  }),
  relation: (): Form => ({
    action: newRelation,
    path: `/partners/${heilongjiang()}/relation`,
    params: { partnerId: String(heilongjiang()) },
  }),
  relationStep: (): Form => ({
    action: relationStep,
    path: `/relations/${friendly()}/step`,
    params: { relationId: String(friendly()) },
  }),
  person: (): Form => ({ action: newPerson, path: "/people/new" }),
  partner: (): Form => ({ action: newPartner, path: "/partners/new" }),
  organisation: (): Form => ({ action: newOrganisation, path: "/organisations/new" }),
};

/** Posts a form and expects it refused: 400, nothing written. Returns the messages by field. */
async function refused(form: Form, fields: Record<string, string>, language = "en") {
  const before = counts();
  const { status, reply } = await submit(form.action, form.path, fields, { params: form.params, language });
  expect(status).toBe(400);
  expect(counts()).toEqual(before);
  return reply!.result.error ?? {};
}

async function saved(form: Form, fields: Record<string, string>) {
  const { status, reply } = await submit(form.action, form.path, fields, { params: form.params });
  expect(reply?.result.error ?? {}).toEqual({});
  expect(status).toBe(302);
}

// Valid forms, each a date away from being saved.
const valid = {
  meeting: () => ({ language: "en", partnerId: String(heilongjiang()), purpose: "Talks" }),
  delegation: () => ({ partnerId: String(heilongjiang()), direction: "incoming" }),
  initiative: () => ({ titleEn: "A festival", kind: "culture" }),
  initiativeStep: () => ({ note: "Progress" }),
  relation: () => ({ type: "memorandum", status: "proposed" }),
  relationStep: () => ({ status: "proposed" }),
  person: () => ({
    nameEn: "Aliya Sarsenova",
    "posts[0].organisationId": String(maslikhat()),
    "posts[0].titleEn": "Deputy",
  }),
};
const thisYear = Number(todayInAstana().slice(0, 4));

describe("13.1 a meeting is with someone, about something", () => {
  // What the blank "Log a meeting" form sends: every field empty, the two defaults chosen.
  const blankForm = {
    "date.day": "",
    "date.month": "",
    "date.year": "",
    startTime: "",
    location: "",
    hostOrganisationId: "",
    partnerId: "",
    delegationId: "",
    delegationOrganisationId: "",
    delegationDirection: "incoming",
    purpose: "",
    summary: "",
  };

  test("a blank form is refused, each message beside its field, in the reader's language", async () => {
    expect(await refused(forms.meeting(), { ...blankForm, language: "en" })).toEqual({
      date: ["Give the date, or tick 'date unknown'."],
      partnerId: ["Choose the partner, or a delegation on file."],
      partnerName: ["Choose the partner, or a delegation on file."],
      purpose: ["Add a participant, or write the purpose or a summary."],
    });
    expect(await refused(forms.meeting(), { ...blankForm, language: "kk" }, "kk")).toEqual({
      date: ["Күнін көрсетіңіз немесе «Күні белгісіз» деп белгілеңіз."],
      partnerId: ["Әріптесті немесе тіркелген делегацияны таңдаңыз."],
      partnerName: ["Әріптесті немесе тіркелген делегацияны таңдаңыз."],
      purpose: ["Қатысушы қосыңыз немесе кездесудің мақсатын не қысқаша мазмұнын жазыңыз."],
    });
    expect(await refused(forms.meeting(), { ...blankForm, language: "ru" }, "ru")).toEqual({
      date: ["Укажите дату или отметьте «Дата неизвестна»."],
      partnerId: ["Выберите партнёра или записанную делегацию."],
      partnerName: ["Выберите партнёра или записанную делегацию."],
      purpose: ["Добавьте участника или напишите цель встречи либо её краткое содержание."],
    });
  });

  test("a partner alone, or words alone, is not a meeting", async () => {
    const known = { ...blankForm, language: "en", "date.unknown": "on" };
    expect(await refused(forms.meeting(), { ...known, partnerId: String(heilongjiang()) })).toEqual({
      purpose: ["Add a participant, or write the purpose or a summary."],
    });
    expect(await refused(forms.meeting(), { ...known, summary: "We talked." })).toEqual({
      partnerId: ["Choose the partner, or a delegation on file."],
      partnerName: ["Choose the partner, or a delegation on file."],
    });
  });

  test("a delegation on file names the partner; a participant, a purpose or a summary each make it a meeting", async () => {
    const known = { ...blankForm, language: "en", "date.unknown": "on" };
    const guest = {
      "participants[0].name": "Du Jimin",
      "participants[0].side": "guest",
      "participants[0].role": "led_delegation",
    };
    await saved(forms.meeting(), { ...known, delegationId: String(demoDelegation()), ...guest });
    await saved(forms.meeting(), { ...known, partnerId: String(heilongjiang()), purpose: "Friendship" });
    await saved(forms.meeting(), { ...known, partnerId: String(heilongjiang()), summary: "We talked." });
  });
});

/** A meeting form's participant row `i`: its fields as the form names them. */
const row = (i: number, fields: Record<string, string>, side = "guest", role = "attended") => ({
  [`participants[${i}].side`]: side,
  [`participants[${i}].role`]: role,
  ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`participants[${i}].${k}`, v])),
});

describe("one person is one participant of a meeting", () => {
  const meeting = { language: "en", partnerId: String(heilongjiang()), "date.unknown": "on" };

  test("someone on file picked on two rows is refused on the later one, in the reader's language", async () => {
    const du = String(demoPersonId("Du Jimin"));
    const twice = {
      ...meeting,
      ...row(0, { personId: du }),
      ...row(1, { personId: demoPersonId("Almaz Kim").toString() }, "host"),
      ...row(2, { personId: du }, "host"),
    };
    expect(await refused(forms.meeting(), twice)).toEqual({
      "participants[2].name": ["This person is listed already, as participant 1."],
    });
    expect(await refused(forms.meeting(), { ...twice, language: "kk" }, "kk")).toEqual({
      "participants[2].name": ["Бұл адам тізімде бар: 1-қатысушы."],
    });
    expect(await refused(forms.meeting(), { ...twice, language: "ru" }, "ru")).toEqual({
      "participants[2].name": ["Этот человек уже в списке: участник 1."],
    });
  });

  test("picked once and typed again, in another script, is the same person", async () => {
    const fields = {
      ...meeting,
      ...row(0, { personId: String(demoPersonId("Du Jimin")) }),
      ...row(1, { name: "Ду Цзимин" }),
    };
    expect(await refused(forms.meeting(), fields)).toEqual({
      "participants[1].name": ["This person is listed already, as participant 1."],
    });
  });

  test("one new name typed twice is refused; two different people are saved", async () => {
    const fields = {
      ...meeting,
      ...row(0, { name: "Wang Lin", isNew: "on" }),
      ...row(1, { name: "wang  lin", isNew: "on" }),
    };
    expect(await refused(forms.meeting(), fields)).toEqual({
      "participants[1].name": ["This person is listed already, as participant 1."],
    });
    await saved(forms.meeting(), { ...fields, ...row(1, { name: "Wang Fang", isNew: "on" }) });
  });
});

describe("a delegation recorded with a meeting has one leader, from its own side", () => {
  const meeting = {
    language: "en",
    partnerId: String(heilongjiang()),
    "date.year": "2016",
    newDelegation: "on",
    delegationDirection: "incoming",
  };
  const newPerson = (i: number, name: string, side: string, role: string) => row(i, { name, isNew: "on" }, side, role);

  test("two guests marked as leading the new delegation: the later is refused, in the reader's language", async () => {
    const fields = {
      ...meeting,
      ...newPerson(0, "Li Ming", "guest", "led_delegation"),
      ...newPerson(1, "Zhao Lei", "guest", "led_delegation"),
    };
    expect(await refused(forms.meeting(), fields)).toEqual({
      "participants[1].role": ["The new delegation has one leader: participant 1 is marked as leading it."],
    });
    expect(await refused(forms.meeting(), { ...fields, language: "kk" }, "kk")).toEqual({
      "participants[1].role": ["Жаңа делегацияның басшысы біреу: оны 1-қатысушы басқарады деп белгіленген."],
    });
    expect(await refused(forms.meeting(), { ...fields, language: "ru" }, "ru")).toEqual({
      "participants[1].role": ["У новой делегации один руководитель: им отмечен участник 1."],
    });
  });

  test("its leader is the guest marked so, not one of our side", async () => {
    await saved(forms.meeting(), {
      ...meeting,
      ...newPerson(0, "Serik Host", "host", "led_delegation"),
      ...newPerson(1, "Li Ming", "guest", "led_delegation"),
    });
    const delegation = db().select().from(s.delegations).orderBy(desc(s.delegations.id)).get()!;
    const leader = db()
      .select()
      .from(s.people)
      .all()
      .find((p) => p.id === delegation.leaderId);
    expect(leader?.nameEn).toBe("Li Ming");
  });

  test("without a new delegation, two participants may each have led one", async () => {
    await saved(forms.meeting(), {
      ...meeting,
      newDelegation: "",
      ...newPerson(0, "Wang Jun", "guest", "led_delegation"),
      ...newPerson(1, "Wang Hui", "guest", "led_delegation"),
    });
  });
});

describe("13.2 a year is kept as typed, or refused", () => {
  const digits = "Write the year in digits, for example 2016.";
  const yearFields: Array<[string, () => Form, () => Record<string, string>, string]> = [
    ["a meeting", forms.meeting, valid.meeting, "date.year"],
    [
      "an initiative raised at a meeting",
      forms.meeting,
      () => ({ ...valid.meeting(), "date.unknown": "on", "initiatives[0].title": "X" }),
      "initiatives[0].due.year",
    ],
    ["a delegation's arrival", forms.delegation, valid.delegation, "arrival.year"],
    [
      "a delegation's departure",
      forms.delegation,
      () => ({ ...valid.delegation(), "arrival.unknown": "on" }),
      "departure.year",
    ],
    ["an initiative's due date", forms.initiative, valid.initiative, "due.year"],
    ["an initiative's step", forms.initiativeStep, valid.initiativeStep, "date.year"],
    ["a relation's first step", forms.relation, valid.relation, "date.year"],
    ["a relation step", forms.relationStep, valid.relationStep, "date.year"],
    ["a post's start", forms.person, valid.person, "posts[0].start.year"],
  ];

  test.each(yearFields)(
    "%s: letters in a year are refused, never dropped (20O5 is not 205)",
    async (_what, form, base, year) => {
      for (const typed of ["20O5", "2OO5", "2005г", "1e3", "0x7D5"]) {
        expect(await refused(form(), { ...base(), [year]: typed })).toEqual({ [year]: [digits] });
      }
    },
  );

  test.each(yearFields)(
    "%s: a year before 1800 or more than ten years ahead is refused",
    async (_what, form, base, year) => {
      const range = `Give a year from 1800 to ${latestYear()}.`;
      expect(latestYear()).toBe(thisYear + 10);
      for (const typed of ["205", "25", "1799", String(latestYear() + 1), "20005"]) {
        expect(await refused(form(), { ...base(), [year]: typed })).toEqual({ [year]: [range] });
      }
    },
  );

  test("the messages come in the reader's language", async () => {
    const meeting = { ...valid.meeting(), "date.year": "2OO5" };
    expect((await refused(forms.meeting(), { ...meeting, language: "kk" }, "kk"))["date.year"]).toEqual([
      "Жылды цифрмен жазыңыз, мысалы 2016.",
    ]);
    expect((await refused(forms.meeting(), { ...meeting, language: "ru" }, "ru"))["date.year"]).toEqual([
      "Укажите год цифрами, например 2016.",
    ]);
    const tooEarly = { ...valid.meeting(), "date.year": "205" };
    expect((await refused(forms.meeting(), tooEarly, "ru"))["date.year"]).toEqual([
      `Год должен быть от 1800 до ${latestYear()}.`,
    ]);
    expect((await refused(forms.meeting(), tooEarly, "kk"))["date.year"]).toEqual([
      `Жылды 1800–${latestYear()} аралығында жазыңыз.`,
    ]);
  });

  test("a day is digits too", async () => {
    expect(
      await refused(forms.meeting(), { ...valid.meeting(), "date.year": "2016", "date.month": "3", "date.day": "1O" }),
    ).toEqual({
      "date.day": ["Write the day in digits, from 1 to 31."],
    });
  });

  test("the years at the edges are kept: 1800, and ten years ahead for a planned meeting or a due date", async () => {
    await saved(forms.meeting(), { ...valid.meeting(), "date.year": "1800" });
    await saved(forms.meeting(), { ...valid.meeting(), "date.year": String(latestYear()) });
    await saved(forms.initiative(), { ...valid.initiative(), "due.year": String(latestYear()) });
  });

  test("a step that has happened (signed, active, ended) cannot be dated in the future; a proposal can", async () => {
    const nextYear = String(thisYear + 1);
    for (const status of ["signed", "active", "ended"]) {
      expect(await refused(forms.relationStep(), { status, "date.year": nextYear })).toEqual({
        date: ["This status means it has happened: the date cannot be in the future."],
      });
    }
    expect(
      (await refused(forms.relation(), { type: "memorandum", status: "signed", "date.year": nextYear }, "kk")).date,
    ).toEqual(["Бұл мәртебе оқиғаның болып өткенін білдіреді: күні болашақта бола алмайды."]);
    expect((await refused(forms.relationStep(), { status: "active", "date.year": nextYear }, "ru")).date).toEqual([
      "Этот статус означает, что событие уже произошло: дата не может быть в будущем.",
    ]);
    // This year, or this very day, is not the future.
    await saved(forms.relationStep(), { status: "signed", "date.year": String(thisYear) });
    const [y, m, d] = todayInAstana().split("-");
    await saved(forms.relationStep(), {
      status: "active",
      "date.year": y,
      "date.month": String(Number(m)),
      "date.day": String(Number(d)),
    });
    await saved(forms.relationStep(), { status: "proposed", "date.year": nextYear });
    await saved(forms.relationStep(), { status: "suspended", "date.year": nextYear });
  });
});

describe("13.3 every error of a form at once", () => {
  test("partner: kind and country with the name in one language", async () => {
    expect(await refused(forms.partner(), {})).toEqual({
      kind: ["Fill this in."],
      countryCode: ["Fill this in."],
      nameKk: ["Give the name in at least one language."],
    });
    expect((await refused(forms.partner(), {}, "kk")).nameKk).toEqual(["Атауын кемінде бір тілде жазыңыз."]);
  });

  test("organisation: the partner with the name", async () => {
    expect(await refused(forms.organisation(), {})).toEqual({
      // On both the select's field and the picker's: the form has one of them (RecordChoice).
      partnerId: ["Fill this in."],
      partnerName: ["Fill this in."],
      nameKk: ["Give the name in at least one language."],
    });
  });

  test("person: the name, and in a post its organisation, title and order of dates", async () => {
    expect(await refused(forms.person(), { "posts[0].start.year": "2020", "posts[0].end.year": "2018" })).toEqual({
      nameKk: ["Give the name in at least one language."],
      "posts[0].organisationName": ["Fill this in."],
      "posts[0].titleKk": ["Give the post's title in at least one language."],
      "posts[0].end": ["The end cannot be before the start."],
    });
    const kk = await refused(forms.person(), { "posts[0].start.year": "2020" }, "kk");
    expect(kk["posts[0].titleKk"]).toEqual(["Лауазымды кемінде бір тілде жазыңыз."]);
    const ru = await refused(forms.person(), { "posts[0].start.year": "2020" }, "ru");
    expect(ru["posts[0].titleKk"]).toEqual(["Укажите должность хотя бы на одном языке."]);
  });

  test("delegation: partner, direction, arrival and a departure before the arrival", async () => {
    expect(await refused(forms.delegation(), { direction: "sideways", "departure.year": "2019" })).toEqual({
      partnerId: ["Fill this in."],
      partnerName: ["Fill this in."],
      direction: ["Choose one of the options."],
      arrival: ["Give the date, or tick 'date unknown'."],
    });
    expect(
      await refused(forms.delegation(), { direction: "sideways", "arrival.year": "2020", "departure.year": "2019" }),
    ).toEqual({
      partnerId: ["Fill this in."],
      partnerName: ["Fill this in."],
      direction: ["Choose one of the options."],
      departure: ["The end cannot be before the start."],
    });
  });

  test("initiative: kind, title and a year with a letter", async () => {
    expect(await refused(forms.initiative(), { "due.year": "20O5" })).toEqual({
      kind: ["Fill this in."],
      titleKk: ["Give the title in at least one language."],
      "due.year": ["Write the year in digits, for example 2016."],
    });
    // An initiative's title is its name, not a post's title (the two messages once shared a key).
    expect((await refused(forms.initiative(), {}, "kk")).titleKk).toEqual(["Атауын кемінде бір тілде жазыңыз."]);
    expect((await refused(forms.initiative(), {}, "ru")).titleKk).toEqual(["Укажите название хотя бы на одном языке."]);
  });

  test("initiative step: a status or a note, with a bad meeting and year", async () => {
    expect(await refused(forms.initiativeStep(), { meetingId: "x", "date.year": "1700" })).toEqual({
      meetingId: ["Enter a number."],
      "date.year": ["Give a year from 1800 to " + latestYear() + "."],
      note: ["Choose a new status or write what happened."],
    });
  });

  test("relation: type, and a signing dated in the future", async () => {
    expect(await refused(forms.relation(), { status: "signed", "date.year": String(thisYear + 1) })).toEqual({
      type: ["Fill this in."],
      date: ["This status means it has happened: the date cannot be in the future."],
    });
  });

  test("relation step: a bad link does not hide 31 April, nor a bad meeting", async () => {
    expect(
      await refused(forms.relationStep(), {
        status: "signed",
        "date.year": "2019",
        "date.month": "4",
        "date.day": "31",
        sourceUrl: "javascript:alert(1)",
        meetingId: "abc",
      }),
    ).toEqual({
      date: ["There is no such date. Check the day and the month."],
      sourceUrl: ["Enter a web address, such as tengrinews.kz/news."],
      meetingId: ["Enter a number."],
    });
    // 31 April is no date whatever the year: named even while the year is wrong.
    expect(await refused(forms.relationStep(), { "date.year": "2O19", "date.month": "4", "date.day": "31" })).toEqual({
      status: ["Fill this in."],
      "date.year": ["Write the year in digits, for example 2016."],
      date: ["There is no such date. Check the day and the month."],
    });
  });

  test("meeting: the record's own errors, its rows' and the rules across them, together", async () => {
    expect(
      await refused(forms.meeting(), {
        "date.year": "2017",
        "date.month": "5",
        "participants[0].side": "host",
        "initiatives[0].kind": "event",
        "initiatives[1].title": "Festival",
        "initiatives[1].due.year": "2016",
        "sources[0].url": "tengrinews",
      }),
    ).toEqual({
      language: ["Fill this in."],
      partnerId: ["Choose the partner, or a delegation on file."],
      partnerName: ["Choose the partner, or a delegation on file."],
      "participants[0].role": ["Fill this in."],
      "participants[0].name": ["Fill this in."],
      "initiatives[0].title": ["Fill this in."],
      "initiatives[1].due": ["The due date cannot be before the meeting."],
      "sources[0].url": ["Enter a web address, such as tengrinews.kz/news."],
    });
  });

  test("password change: a missing current password does not hide a mismatch", async () => {
    const { status, reply } = await submit(
      passwordAction,
      "/account/password",
      { password: "a-long-new-password", confirm: "another-long-password" },
      { language: "ru" },
    );
    expect(status).toBe(400);
    expect(reply?.result.error).toEqual({ current: ["Заполните это поле."], confirm: ["Пароли не совпадают."] });
  });
});

describe("13.4 a blank date is a choice", () => {
  const dated: Array<[string, () => Form, () => Record<string, string>, string]> = [
    ["meeting", forms.meeting, valid.meeting, "date"],
    ["delegation", forms.delegation, valid.delegation, "arrival"],
    ["relation", forms.relation, valid.relation, "date"],
    ["relation step", forms.relationStep, valid.relationStep, "date"],
  ];

  test.each(dated)("%s: a date left blank without 'date unknown' is refused", async (_what, form, base, date) => {
    expect(await refused(form(), base())).toEqual({ [date]: ["Give the date, or tick 'date unknown'."] });
    expect(await refused(form(), base(), "kk")).toEqual({
      [date]: ["Күнін көрсетіңіз немесе «Күні белгісіз» деп белгілеңіз."],
    });
    expect(await refused(form(), base(), "ru")).toEqual({ [date]: ["Укажите дату или отметьте «Дата неизвестна»."] });
  });

  test.each(dated)("%s: 'date unknown' with a date is refused as a contradiction", async (_what, form, base, date) => {
    expect(await refused(form(), { ...base(), [`${date}.unknown`]: "on", [`${date}.year`]: "2016" })).toEqual({
      [date]: ["'Date unknown' is ticked: clear the date, or untick the box."],
    });
  });

  test.each(dated)("%s: 'date unknown' ticked saves it without a date", async (_what, form, base, date) => {
    await saved(form(), { ...base(), [`${date}.unknown`]: "on" });
  });

  test("a record kept without a date opens with 'date unknown' ticked; one with a date, not", async () => {
    await saved(forms.meeting(), { ...valid.meeting(), purpose: "Undated talks", "date.unknown": "on" });
    const undated = db().select().from(s.meetings).orderBy(desc(s.meetings.id)).limit(1).get()!;
    expect(undated).toMatchObject({ purpose: "Undated talks", date: null, datePrecision: "unknown" });
    const request = async (path: string) =>
      new Request(`http://localhost${path}`, {
        headers: { Cookie: await cookieFor("editor"), "Accept-Language": "en" },
      });
    const meeting = (
      await editMeetingLoader({
        request: await request(`/meetings/${undated.id}/edit`),
        params: { meetingId: String(undated.id) },
        context: {},
      })
    ).meeting;
    expect(meeting.date).toMatchObject({ unknown: true, year: undefined });

    // The demo meeting is "2016, approx."; its delegation's arrival was never reported.
    const demo = db().select().from(s.meetings).orderBy(s.meetings.id).limit(1).get()!;
    const demoMeeting = (
      await editMeetingLoader({
        request: await request(`/meetings/${demo.id}/edit`),
        params: { meetingId: String(demo.id) },
        context: {},
      })
    ).meeting;
    expect(demoMeeting.date).toMatchObject({ unknown: false, year: "2016", approximate: true });
    const delegation = (
      await editDelegationLoader({
        request: await request(`/delegations/${demoDelegation()}/edit`),
        params: { delegationId: String(demoDelegation()) },
        context: {},
      })
    ).delegation;
    expect(delegation.arrival).toMatchObject({ unknown: true });
  });
});

describe("13.7 links are kept, with the https:// they were typed without", () => {
  const latestSource = () => db().select().from(s.sources).orderBy(desc(s.sources.id)).limit(1).get()!;

  test("a relation step's link and a meeting's source link get https:// when typed without it", async () => {
    await saved(forms.relationStep(), {
      status: "signed",
      "date.year": "2017",
      sourceUrl: "tengrinews.kz/kazakhstan_news/some-news-123/",
    });
    expect(latestSource().url).toBe("https://tengrinews.kz/kazakhstan_news/some-news-123/");
    await saved(forms.meeting(), {
      ...valid.meeting(),
      "date.unknown": "on",
      "sources[0].url": "www.akorda.kz/ru/events",
    });
    expect(latestSource().url).toBe("https://www.akorda.kz/ru/events");
    await saved(forms.meeting(), {
      ...valid.meeting(),
      "date.unknown": "on",
      "sources[0].url": "http://astana.gov.kz/ru/news",
    });
    expect(latestSource().url).toBe("http://astana.gov.kz/ru/news");
  });

  test.each([
    "javascript:alert(1)",
    "tengrinews",
    "ftp://files.example.kz/a",
    "http://localhost/a",
    "https://user:secret@example.kz/",
    "mailto:press@akorda.kz",
    "https://",
  ])("%s is refused, with its message shown once", async (url) => {
    expect(await refused(forms.relationStep(), { status: "signed", "date.year": "2017", sourceUrl: url })).toEqual({
      sourceUrl: ["Enter a web address, such as tengrinews.kz/news."],
    });
    expect(
      await refused(forms.meeting(), { ...valid.meeting(), "date.unknown": "on", "sources[0].url": url }, "kk"),
    ).toEqual({
      "sources[0].url": ["Веб-мекенжайды жазыңыз, мысалы tengrinews.kz/news."],
    });
  });

  test("in Russian too", async () => {
    expect(
      (await refused(forms.relationStep(), { status: "signed", "date.unknown": "on", sourceUrl: "tengrinews" }, "ru"))
        .sourceUrl,
    ).toEqual(["Введите веб-адрес, например tengrinews.kz/news."]);
  });
});
