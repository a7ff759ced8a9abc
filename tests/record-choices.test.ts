/**
 * A form's partner, organisation or person: a select while the records are few, a name picker
 * once they are many (app/models/record-refs.server.ts). At the national size the selects listed
 * thousands of records, and were cut at a fixed count: a record past the cut could not be chosen.
 */
import type { LoaderFunctionArgs } from "@remix-run/node";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { SYSTEM } from "~db/history";
import { ensureHomeCity } from "~db/home";
import * as s from "~db/schema";
import { getDb } from "~/db.server";
import { writeTransaction } from "~/models/writes.server";
import { SELECT_LIMIT } from "~/models/record-refs.server";
import { action as newOrganisation, loader as newOrganisationPage } from "~/routes/organisations.new";
import {
  action as editOrganisation,
  loader as editOrganisationPage,
} from "~/routes/organisations.$organisationId_.edit";
import { loader as partnerSuggestions } from "~/routes/partners.search";
import { action as newDelegation, loader as newDelegationPage } from "~/routes/delegations.new";
import { action as newInitiative, loader as newInitiativePage } from "~/routes/initiatives.new";
import { action as editInitiative, loader as editInitiativePage } from "~/routes/initiatives.$initiativeId_.edit";
import { cookieFor } from "./support/accounts";
import {
  aDelegation,
  aMeeting,
  aPartner,
  aPerson,
  aRelation,
  aRelationStep,
  anOrganisation,
} from "./support/factories";
import { loader as editRelationStepPage } from "~/routes/relations.$relationId.steps.$stepId.edit";
import { loader as initiativesPage } from "~/routes/initiatives._index";
import { partialDate } from "~db/shared/partial-date";
import { anInitiative } from "./support/factories";
import { action as newMeeting, loader as newMeetingPage } from "~/routes/meetings.new";
import { loader as editMeetingPage } from "~/routes/meetings.$meetingId_.edit";
import { submit } from "./support/forms";

const db = () => getDb();
const organisationCount = () => db().select().from(s.organisations).all().length;
const organisation = (id: number) => db().select().from(s.organisations).where(eq(s.organisations.id, id)).get()!;
const delegation = (id: number) => db().select().from(s.delegations).where(eq(s.delegations.id, id)).get()!;
const initiative = (id: number) => db().select().from(s.initiatives).where(eq(s.initiatives.id, id)).get()!;
const meeting = (id: number) => db().select().from(s.meetings).where(eq(s.meetings.id, id)).get()!;
const meetingCount = () => db().select().from(s.meetings).all().length;
const idIn = (location: string | null) => Number(location!.split("/").pop());

async function load(
  loader: (args: LoaderFunctionArgs) => unknown,
  path: string,
  {
    params = {},
    language = "en",
    signedIn = true,
  }: { params?: Record<string, string>; language?: string; signedIn?: boolean } = {},
) {
  const headers: Record<string, string> = { "Accept-Language": language };
  if (signedIn) headers.Cookie = await cookieFor("editor");
  try {
    return await loader({ request: new Request(`http://localhost${path}`, { headers }), params, context: {} });
  } catch (thrown) {
    return thrown;
  }
}

type FormPage = { partners: unknown[] | null; organisations: unknown[] | null };

let qingzhou: number;
let home: number;
beforeAll(() => {
  home = writeTransaction(getDb(), SYSTEM, (tx) => ensureHomeCity(tx));
  qingzhou = aPartner({ nameKk: "Цинчжоу", nameRu: "Цинчжоу", nameEn: "Qingzhou", nameNative: "青州" });
});

describe("while the partners are few", () => {
  test("the organisation form lists them all in a select, the home city among them", async () => {
    const page = (await load(newOrganisationPage, "/organisations/new")) as FormPage;
    expect(page.partners).toEqual(
      expect.arrayContaining([
        { value: qingzhou, label: "Qingzhou" },
        { value: home, label: "Astana" },
      ]),
    );
    expect(page.organisations).toEqual([]);
  });
});

describe(`past ${SELECT_LIMIT} partners`, () => {
  let springfields: number[];
  let council: number;
  beforeAll(() => {
    for (let i = 0; i < SELECT_LIMIT; i++) aPartner({ nameEn: `Town ${i}` });
    springfields = [aPartner({ nameEn: "Springfield" }), aPartner({ nameEn: "Springfield", countryCode: "US" })];
    council = anOrganisation(qingzhou, { nameEn: "Qingzhou City Council" });
  });

  test("the form asks for a name instead of sending a select of them all; organisations, still few, keep theirs", async () => {
    const page = (await load(newOrganisationPage, "/organisations/new")) as FormPage;
    expect(page.partners).toBeNull();
    expect(page.organisations).toEqual([{ value: council, label: "Qingzhou City Council (Qingzhou)" }]);
  });

  test("a partner typed in another script, without a pick, is the one on file", async () => {
    const saved = await submit(newOrganisation, "/organisations/new", {
      nameEn: "Qingzhou Foreign Affairs Office",
      partnerId: "",
      partnerName: "  ЦИНЧЖОУ ",
      parentName: "qingzhou city council",
    });
    expect(saved.status).toBe(302);
    const id = Number(saved.location!.split("/").pop());
    expect(organisation(id)).toMatchObject({ partnerId: qingzhou, parentId: council });
  });

  test("a name not on file, or of two partners, is refused beside the field, in the reader's language, and nothing is written", async () => {
    anOrganisation(qingzhou, { nameEn: "City Hall" });
    anOrganisation(springfields[1], { nameEn: "City Hall", nameKk: "Қала әкімдігі" });
    const before = organisationCount();
    const unknown = await submit(
      newOrganisation,
      "/organisations/new",
      { nameRu: "Мэрия", partnerName: "Атлантида" },
      { language: "ru" },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.reply?.result.error?.partnerName).toEqual([
      "Партнёра с таким названием в базе нет. Сначала добавьте его или выберите из подсказок.",
    ]);
    expect(unknown.reply?.result.initialValue).toMatchObject({ nameRu: "Мэрия", partnerName: "Атлантида" });

    const several = await submit(newOrganisation, "/organisations/new", {
      nameEn: "Town hall",
      partnerName: "Springfield",
    });
    expect(several.status).toBe(400);
    expect(several.reply?.result.error?.partnerName).toEqual([
      "Several partners on file have this name: Springfield (China), Springfield (United States). Pick one from the suggestions.",
    ]);

    // Bodies of the same name are told apart by their partner.
    const twoBodies = await submit(newOrganisation, "/organisations/new", {
      nameEn: "Mayor's press office",
      partnerId: String(springfields[1]),
      parentName: "city hall",
    });
    expect(twoBodies.reply?.result.error?.parentName).toEqual([
      "Several organisations on file have this name: City Hall (Qingzhou), City Hall (Springfield). Pick one from the suggestions.",
    ]);

    const none = await submit(newOrganisation, "/organisations/new", { nameEn: "Town hall", partnerName: "" });
    expect(none.status).toBe(400);
    expect(none.reply?.result.error?.partnerName).toEqual(["Fill this in."]);
    expect(organisationCount()).toBe(before);
  });

  test("a pick of a namesake is that one; an id no longer on file is refused", async () => {
    const picked = await submit(newOrganisation, "/organisations/new", {
      nameEn: "Springfield Mayor's Office",
      partnerId: String(springfields[1]),
      partnerName: "Springfield",
    });
    expect(picked.status).toBe(302);
    expect(organisation(Number(picked.location!.split("/").pop())).partnerId).toBe(springfields[1]);

    const gone = await submit(newOrganisation, "/organisations/new", { nameEn: "Ghost office", partnerId: "999999" });
    expect(gone.status).toBe(400);
    expect(gone.reply?.result.error?.partnerName).toEqual(["This record is no longer on file. Choose another."]);
  });

  test("an edit starts with the names of its partner and parent, and saving them unchanged keeps both", async () => {
    const unit = anOrganisation(qingzhou, { nameEn: "Qingzhou Protocol Department", parentId: council });
    const page = (await load(editOrganisationPage, `/organisations/${unit}/edit`, {
      params: { organisationId: String(unit) },
    })) as { organisation: Record<string, unknown> };
    expect(page.organisation).toMatchObject({
      partnerId: qingzhou,
      partnerName: "Qingzhou",
      parentId: council,
      parentName: "Qingzhou City Council",
    });
    const saved = await submit(
      editOrganisation,
      `/organisations/${unit}/edit`,
      {
        nameEn: "Qingzhou Protocol Department",
        partnerId: String(qingzhou),
        partnerName: "Qingzhou",
        parentId: String(council),
        parentName: "Qingzhou City Council",
      },
      { params: { organisationId: String(unit) } },
    );
    expect(saved.status).toBe(302);
    expect(organisation(unit)).toMatchObject({ partnerId: qingzhou, parentId: council });

    const ownParent = await submit(
      editOrganisation,
      `/organisations/${unit}/edit`,
      {
        nameEn: "Qingzhou Protocol Department",
        partnerId: String(qingzhou),
        parentName: "Qingzhou Protocol Department",
      },
      { params: { organisationId: String(unit) } },
    );
    expect(ownParent.status).toBe(400);
    expect(ownParent.reply?.result.error?.parentName).toEqual(["An organisation cannot be a unit of itself."]);
  });

  test("the picker's suggestions: any name form, the home city only when asked, nothing signed out", async () => {
    const found = async (path: string) =>
      ((await ((await load(partnerSuggestions, path)) as Response).json()) as { suggestions: unknown[] }).suggestions;
    expect(await found("/partners/search?q=青州")).toEqual([{ id: qingzhou, name: "Qingzhou", detail: "China" }]);
    expect(await found("/partners/search?q=аста")).toEqual([]);
    expect(await found("/partners/search?q=аста&home=1")).toEqual([
      expect.objectContaining({ id: home, name: "Astana" }),
    ]);
    expect(await found("/partners/search?q=town")).toHaveLength(8);
    const signedOut = (await load(partnerSuggestions, "/partners/search?q=qing", { signedIn: false })) as Response;
    expect(signedOut.status).toBe(302);
    expect(signedOut.headers.get("Location")).toMatch(/^\/sign-in/);
  });

  test("a delegation names its partner and body by name: the home city is not a delegation's partner", async () => {
    const page = (await load(newDelegationPage, "/delegations/new")) as { choices: FormPage };
    expect(page.choices.partners).toBeNull();
    const saved = await submit(newDelegation, "/delegations/new", {
      partnerName: "青州",
      organisationName: "Qingzhou City Council",
      direction: "incoming",
      "arrival.year": "2024",
    });
    expect(saved.status).toBe(302);
    expect(delegation(idIn(saved.location))).toMatchObject({ partnerId: qingzhou, organisationId: council });

    const ours = await submit(
      newDelegation,
      "/delegations/new",
      { partnerName: "Астана", direction: "incoming", "arrival.year": "2024" },
      { language: "kk" },
    );
    expect(ours.status).toBe(400);
    expect(ours.reply?.result.error?.partnerName).toEqual([
      "Мұнда әріптес ретінде өз қаламызды көрсетуге болмайды: шетелдік қаланы, провинцияны немесе елді көрсетіңіз.",
    ]);
  });

  test("an initiative's partner and owners, typed, are the ones on file; its edit starts with their names and keeps them", async () => {
    const owner = aPerson({ nameKk: "Жанат Нұрпейісов", nameEn: "Zhanat Nurpeisov" });
    const page = (await load(newInitiativePage, "/initiatives/new")) as { choices: FormPage & { owners: unknown } };
    expect(page.choices.partners).toBeNull();
    const saved = await submit(newInitiative, "/initiatives/new", {
      titleEn: "A week of Qingzhou in Astana",
      kind: "culture",
      partnerName: "Qingzhou",
      ownerPersonName: "Нурпеисов Жанат",
      ownerOrganisationName: "QINGZHOU CITY COUNCIL",
    });
    expect(saved.status).toBe(302);
    const id = idIn(saved.location);
    expect(initiative(id)).toMatchObject({ partnerId: qingzhou, ownerPersonId: owner, ownerOrganisationId: council });

    const edit = (await load(editInitiativePage, `/initiatives/${id}/edit`, {
      params: { initiativeId: String(id) },
      language: "kk",
    })) as { initiative: Record<string, unknown> };
    expect(edit.initiative).toMatchObject({
      partnerId: qingzhou,
      partnerName: "Цинчжоу",
      ownerPersonName: "Жанат Нұрпейісов",
      ownerOrganisationId: council,
    });
    const kept = await submit(
      editInitiative,
      `/initiatives/${id}/edit`,
      {
        titleEn: "A week of Qingzhou in Astana, 2025",
        kind: "culture",
        partnerId: String(qingzhou),
        partnerName: "Цинчжоу",
        ownerPersonId: String(owner),
        ownerPersonName: "Жанат Нұрпейісов",
      },
      { params: { initiativeId: String(id) } },
    );
    expect(kept.status).toBe(302);
    expect(initiative(id)).toMatchObject({
      titleEn: "A week of Qingzhou in Astana, 2025",
      partnerId: qingzhou,
      ownerPersonId: owner,
      ownerOrganisationId: null,
    });
  });

  test("a meeting's partner typed without a pick is the one on file; its edit and a prefilled form start with its name", async () => {
    const page = (await load(newMeetingPage, "/meetings/new")) as { choices: FormPage };
    expect(page.choices.partners).toBeNull();
    const saved = await submit(newMeeting, "/meetings/new", {
      language: "en",
      "date.year": "2024",
      partnerName: "qingzhou",
      purpose: "Talks on a sister-city agreement",
    });
    expect(saved.status).toBe(302);
    const id = idIn(saved.location);
    expect(meeting(id).partnerId).toBe(qingzhou);
    const edit = (await load(editMeetingPage, `/meetings/${id}/edit`, { params: { meetingId: String(id) } })) as {
      meeting: Record<string, unknown>;
    };
    expect(edit.meeting).toMatchObject({ partnerId: qingzhou, partnerName: "Qingzhou" });
    const prefilled = (await load(newMeetingPage, `/meetings/new?partner=${qingzhou}`, { language: "ru" })) as {
      defaultValue: Record<string, unknown>;
    };
    expect(prefilled.defaultValue).toMatchObject({ partnerId: qingzhou, partnerName: "Цинчжоу" });

    const ours = await submit(newMeeting, "/meetings/new", {
      language: "en",
      "date.year": "2024",
      partnerName: "Astana",
      purpose: "Talks",
    });
    expect(ours.status).toBe(400);
    expect(ours.reply?.result.error?.partnerName).toEqual([
      "The home city cannot be the partner here: name the foreign city, province or country.",
    ]);
  });
});

test("the home city named where a foreign partner is asked for is refused as such, by name or by id, in the reader's language", async () => {
  const meetings = meetingCount();
  const typed = await submit(
    newMeeting,
    "/meetings/new",
    { language: "kk", "date.year": "2024", partnerName: "астана", purpose: "Кездесу" },
    { language: "kk" },
  );
  expect(typed.reply?.result.error?.partnerName).toEqual([
    "Мұнда әріптес ретінде өз қаламызды көрсетуге болмайды: шетелдік қаланы, провинцияны немесе елді көрсетіңіз.",
  ]);
  const chosen = await submit(
    newDelegation,
    "/delegations/new",
    { partnerId: String(home), direction: "incoming", "arrival.year": "2024" },
    { language: "ru" },
  );
  expect(chosen.reply?.result.error?.partnerId).toEqual([
    "Родной город не может быть здесь партнёром: укажите иностранный город, провинцию или страну.",
  ]);
  const initiative = await submit(newInitiative, "/initiatives/new", {
    titleEn: "A week of Astana",
    kind: "culture",
    partnerName: "Astana",
  });
  expect(initiative.reply?.result.error?.partnerName).toEqual([
    "The home city cannot be the partner here: name the foreign city, province or country.",
  ]);
  expect(meetingCount()).toBe(meetings);
  // A body of the home city still names it: only a foreign partner's fields refuse it.
  const body = await submit(newOrganisation, "/organisations/new", { nameEn: "City archive", partnerName: "Astana" });
  expect(body.status).toBe(302);
  expect(organisation(idIn(body.location)).partnerId).toBe(home);
});

test("a meeting's delegation stays among the choices of its edit, however many delegations came after it", async () => {
  const partner = aPartner({ nameEn: "Harbin" });
  const first = aDelegation({ partnerId: partner, arrival: "2015-06" });
  for (let i = 0; i < 300; i++) aDelegation({ partnerId: partner, arrival: "2020" });
  const id = aMeeting({ date: "2015-06", delegationId: first, purpose: "The first visit" });
  const edit = (await load(editMeetingPage, `/meetings/${id}/edit`, { params: { meetingId: String(id) } })) as {
    meeting: { delegationId?: number };
    choices: { delegations: Array<{ value: number; label: string }> };
  };
  expect(edit.meeting.delegationId).toBe(first);
  expect(edit.choices.delegations).toHaveLength(301);
  expect(edit.choices.delegations).toContainEqual({ value: first, label: "Harbin · 2015" });
});

test("a relation step's meeting stays among the choices of its edit, however many meetings came after it", async () => {
  const partner = aPartner({ nameEn: "Urumqi" });
  const signing = aMeeting({ date: "2011-05-14", partnerId: partner, purpose: "The signing" });
  for (let i = 0; i < 200; i++) aMeeting({ date: "2021", partnerId: partner, purpose: `Talks ${i}` });
  const relation = aRelation(partner, { date: "2010" });
  aRelationStep(relation, { date: "2011-05-14", meetingId: signing });
  const step = db()
    .select()
    .from(s.relationSteps)
    .all()
    .find((row) => row.meetingId === signing)!;
  const edit = (await load(editRelationStepPage, `/relations/${relation}/steps/${step.id}/edit`, {
    params: { relationId: String(relation), stepId: String(step.id) },
  })) as { step: { meetingId?: number }; meetings: Array<{ value: number; label: string }> };
  expect(edit.step.meetingId).toBe(signing);
  expect(edit.meetings).toHaveLength(201);
  expect(edit.meetings).toContainEqual({ value: signing, label: `14 May 2011 (#${signing})` });
});

test(`past ${SELECT_LIMIT} people on our side, the initiatives' owner filter is a name to type, read in any script`, async () => {
  const maslikhat = anOrganisation(home, { nameEn: "Astana City Maslikhat" });
  const post = (title: string) => ({
    organisationId: maslikhat,
    titleEn: title,
    start: partialDate("2020"),
    end: partialDate(null),
    asOf: partialDate(null),
  });
  const owner = aPerson({ nameKk: "Әсел Бекова", nameEn: "Assel Bekova", posts: [post("Deputy")] });
  const before = (await load(initiativesPage, "/initiatives")) as { owners: unknown[] | null };
  expect(before.owners).toContainEqual({ value: owner, label: "Assel Bekova" });
  for (let i = 0; i < SELECT_LIMIT; i++) aPerson({ nameEn: `Staff member ${i}`, posts: [post("Adviser")] });
  const theirs = anInitiative({ titleEn: "Trees along the embankment", ownerPersonId: owner });
  anInitiative({ titleEn: "Someone else's initiative" });

  type Page = {
    owners: unknown[] | null;
    filter: { ownerName: string };
    byStatus: Array<{ list: { items: Array<{ id: number }> } }>;
  };
  const shown = (page: Page) => page.byStatus.flatMap((group) => group.list.items.map((row) => row.id));
  const typed = (await load(initiativesPage, `/initiatives?ownerName=${encodeURIComponent("бекова")}`)) as Page;
  expect(typed.owners).toBeNull();
  expect(typed.filter.ownerName).toBe("бекова");
  expect(shown(typed)).toEqual([theirs]);
  // A link that names the owner by id (a person's page links so) still filters, and shows the name.
  const linked = (await load(initiativesPage, `/initiatives?owner=${owner}`, { language: "kk" })) as Page;
  expect(linked.filter.ownerName).toBe("Әсел Бекова");
  expect(shown(linked)).toEqual([theirs]);
  const nobody = (await load(initiativesPage, "/initiatives?ownerName=Nobody")) as Page;
  expect(shown(nobody)).toEqual([]);
});
