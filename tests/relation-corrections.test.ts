/**
 * Issue 13, items 8-11: a relation and each of its steps corrected or deleted on its own, with
 * history; signatories typed like participants; a delegation's page; delete pages that tell two
 * alike apart. Through the real actions and loaders, on a real database.
 */
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { latestEntry, SYSTEM } from "~db/history";
import * as s from "~db/schema";
import { getDb } from "~/db.server";
import { saveDelegation } from "~/models/delegations.server";
import { binContents } from "~/models/history.server";
import { getPartner } from "~/models/partners/read.server";
import { createPerson } from "~/models/people/write.server";
import { logMeeting } from "~/models/meetings/write.server";
import { loader as delegationPage } from "~/routes/delegations.$delegationId";
import { loader as deleteDelegationPage } from "~/routes/delegations.$delegationId_.delete";
import { loader as deleteMeetingPage } from "~/routes/meetings.$meetingId_.delete";
import { loader as newMeetingPage } from "~/routes/meetings.new";
import { loader as partnerPage } from "~/routes/partners.$partnerId";
import { action as newRelation } from "~/routes/partners.$partnerId_.relation";
import { action as relationDelete, loader as relationDeletePage } from "~/routes/relations.$relationId.delete";
import { action as relationEdit } from "~/routes/relations.$relationId.edit";
import { action as relationStep } from "~/routes/relations.$relationId.step";
import { action as stepDelete, loader as stepDeletePage } from "~/routes/relations.$relationId.steps.$stepId.delete";
import { action as stepEdit, loader as stepEditPage } from "~/routes/relations.$relationId.steps.$stepId.edit";
import { cookieFor } from "./support/accounts";
import { anOrganisation, aPartner, aPerson } from "./support/factories";
import { submit } from "./support/forms";

const db = () => getDb();
const sqlite = () => getDb().$client;
const partnerId = aPartner({ nameEn: "Harbin", nameRu: "Харбин" });
const mayorId = aPerson({ nameEn: "Sun Zhe", nameRu: "Сунь Чжэ" });

async function get<T>(
  loader: (args: never) => T,
  path: string,
  params: Record<string, string>,
  role: "viewer" | "editor" = "editor",
  language = "en",
) {
  const request = new Request(`http://localhost${path}`, {
    headers: { Cookie: await cookieFor(role), "Accept-Language": language },
  });
  return (await loader({ request, params, context: {} } as never)) as Awaited<T>;
}

const relationsOfPartner = () => db().select().from(s.relations).where(eq(s.relations.partnerId, partnerId)).all();
const stepsOf = (relationId: number) =>
  db().select().from(s.relationSteps).where(eq(s.relationSteps.relationId, relationId)).all();
const signatoriesOf = (stepId: number) =>
  db()
    .select({ personId: s.relationStepSignatories.personId })
    .from(s.relationStepSignatories)
    .where(eq(s.relationStepSignatories.stepId, stepId))
    .orderBy(s.relationStepSignatories.position)
    .all()
    .map((r) => r.personId);
const historyOf = (id: number) =>
  sqlite()
    .prepare(
      "select action, user_id as userId from history where record_type = 'relation' and record_id = ? order by id",
    )
    .all(id) as Array<{ action: string; userId: number | null }>;

async function addRelation(fields: Record<string, string>, language = "en") {
  const outcome = await submit(newRelation, `/partners/${partnerId}/relation`, fields, {
    params: { partnerId: String(partnerId) },
    language,
  });
  expect(outcome.status).toBe(302);
  return relationsOfPartner().at(-1)!;
}

describe("adding a relation records its first step once, with who signed and the source", () => {
  test("signatories picked and typed (a new name is a new person, named in the form's language), and the source, on the one first step", async () => {
    const before = db().select().from(s.people).all().length;
    const relation = await addRelation(
      {
        type: "sister_city",
        status: "signed",
        "date.year": "2016",
        "date.month": "6",
        "date.day": "10",
        "signatories[0].personId": String(mayorId),
        "signatories[1].name": "Ли Хайтао",
        sourceOutlet: "Astana Akshamy",
        sourceUrl: "https://example.kz/sister-city",
      },
      "ru",
    );
    const steps = stepsOf(relation.id);
    expect(steps).toHaveLength(1);
    expect(steps[0]).toMatchObject({ status: "signed", date: "2016-06-10", datePrecision: "day" });
    const newcomer = db().select().from(s.people).where(eq(s.people.nameRu, "Ли Хайтао")).all();
    expect(newcomer).toHaveLength(1);
    expect(newcomer[0]).toMatchObject({ nameKk: null, nameEn: null });
    expect(db().select().from(s.people).all()).toHaveLength(before + 1);
    expect(signatoriesOf(steps[0].id)).toEqual([mayorId, newcomer[0].id]);
    expect(db().select().from(s.sources).where(eq(s.sources.id, steps[0].sourceId!)).get()).toMatchObject({
      outlet: "Astana Akshamy",
      url: "https://example.kz/sister-city",
    });
    expect(historyOf(relation.id).map((h) => h.action)).toEqual(["create"]);
  });

  test("a signatory typed again, in another spelling, is the person made before, not a second one", async () => {
    const relation = relationsOfPartner()[0];
    const before = db().select().from(s.people).all().length;
    const step = await submit(
      relationStep,
      `/relations/${relation.id}/step`,
      { status: "active", "date.year": "2017", "signatories[0].name": "ли хайтао" },
      { params: { relationId: String(relation.id) } },
    );
    expect(step.status).toBe(302);
    expect(db().select().from(s.people).all()).toHaveLength(before);
  });

  test("one new name typed twice on a step is one new person, who signed once", async () => {
    const relation = relationsOfPartner()[0];
    const before = db().select().from(s.people).all().length;
    const outcome = await submit(
      relationStep,
      `/relations/${relation.id}/step`,
      {
        status: "active",
        "date.year": "2018",
        "signatories[0].name": "Aidos Twice",
        "signatories[1].name": "AIDOS  twice",
      },
      { params: { relationId: String(relation.id) } },
    );
    expect(outcome.status).toBe(302);
    expect(db().select().from(s.people).all()).toHaveLength(before + 1);
    const step = stepsOf(relation.id).find((st) => st.date === "2018-01-01")!;
    expect(signatoriesOf(step.id)).toHaveLength(1);
    await submit(stepDelete, "/", {}, { params: { relationId: String(relation.id), stepId: String(step.id) } });
  });

  test("a typed name that several people on file bear is refused, and nothing is written", async () => {
    aPerson({ nameEn: "Wang Wei" });
    aPerson({ nameEn: "Wang Wei", nameKk: "Ван Вэй" });
    const relations = relationsOfPartner().length;
    const people = db().select().from(s.people).all().length;
    const outcome = await submit(
      newRelation,
      `/partners/${partnerId}/relation`,
      { type: "memorandum", status: "signed", "date.unknown": "on", "signatories[0].name": "Wang Wei" },
      { params: { partnerId: String(partnerId) } },
    );
    expect(outcome.status).toBe(400);
    expect(outcome.reply?.result.error?.["signatories[0].name"]?.[0]).toMatch(/Several people/);
    expect(relationsOfPartner()).toHaveLength(relations);
    expect(db().select().from(s.people).all()).toHaveLength(people);
  });

  test("no more than 20 signatories on a step", async () => {
    const fields = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`signatories[${i}].name`, `Signer ${i}`]));
    const outcome = await submit(
      newRelation,
      `/partners/${partnerId}/relation`,
      { type: "memorandum", status: "signed", ...fields },
      { params: { partnerId: String(partnerId) } },
    );
    expect(outcome.status).toBe(400);
  });
});

describe("a relation and each step corrected on its own, with history", () => {
  test("the relation's kind and note are edited; the history has the update, by the editor", async () => {
    const relation = relationsOfPartner()[0];
    const { status } = await submit(
      relationEdit,
      `/relations/${relation.id}/edit`,
      { type: "friendly", note: "Renewed every five years" },
      { params: { relationId: String(relation.id) } },
    );
    expect(status).toBe(302);
    expect(relationsOfPartner()[0]).toMatchObject({ type: "friendly", note: "Renewed every five years" });
    const entry = latestEntry(sqlite(), "relation", relation.id)!;
    expect(entry.action).toBe("update");
    expect(entry.before?.row).toMatchObject({ type: "sister_city", note: null });
    expect(entry.after?.row).toMatchObject({ type: "friendly" });
    expect(historyOf(relation.id).at(-1)!.userId).not.toBeNull();
  });

  test("a step's date, status, note, signatories and source are corrected; the other steps are untouched", async () => {
    const relation = relationsOfPartner()[0];
    const [first, second] = stepsOf(relation.id);
    const params = { relationId: String(relation.id), stepId: String(first.id) };
    const form = await get(stepEditPage, `/relations/${relation.id}/steps/${first.id}/edit`, params);
    expect(form.step).toMatchObject({
      status: "signed",
      date: { year: "2016", month: 6, day: "10" },
      sourceOutlet: "Astana Akshamy",
    });
    expect(form.step.signatories.map((p) => p.personId)).toEqual(signatoriesOf(first.id));

    const oldSource = first.sourceId!;
    const { status } = await submit(
      stepEdit,
      `/relations/${relation.id}/steps/${first.id}/edit`,
      {
        status: "signed",
        "date.year": "2016",
        "date.month": "7",
        "date.day": "12",
        note: "Signed in Harbin",
        "signatories[0].personId": String(mayorId),
        sourceOutlet: "Kazinform",
        sourceTitle: "Astana and Harbin sign",
      },
      { params },
    );
    expect(status).toBe(302);
    const corrected = stepsOf(relation.id).find((st) => st.id === first.id)!;
    expect(corrected).toMatchObject({ date: "2016-07-12", note: "Signed in Harbin" });
    expect(signatoriesOf(first.id)).toEqual([mayorId]);
    expect(db().select().from(s.sources).where(eq(s.sources.id, corrected.sourceId!)).get()).toMatchObject({
      outlet: "Kazinform",
      title: "Astana and Harbin sign",
      url: null,
    });
    // The old source, cited by nothing now, goes; the history keeps it for an earlier version.
    expect(db().select().from(s.sources).where(eq(s.sources.id, oldSource)).get()).toBeUndefined();
    expect(stepsOf(relation.id).find((st) => st.id === second.id)).toEqual(second);

    const entry = latestEntry(sqlite(), "relation", relation.id)!;
    expect(entry.action).toBe("update");
    const stepBefore = entry.before!.children.relation_steps.find((row) => row.id === first.id);
    const stepAfter = entry.after!.children.relation_steps.find((row) => row.id === first.id);
    expect(stepBefore).toMatchObject({ date: "2016-06-10" });
    expect(stepAfter).toMatchObject({ date: "2016-07-12" });
    expect(entry.before!.support?.sources.map((row) => row.outlet)).toEqual(["Astana Akshamy"]);
  });

  test("a correction of the source alone is a new version in the history", async () => {
    const relation = relationsOfPartner()[0];
    const [first] = stepsOf(relation.id);
    const entries = historyOf(relation.id).length;
    const params = { relationId: String(relation.id), stepId: String(first.id) };
    const fields = {
      status: "signed",
      "date.year": "2016",
      "date.month": "7",
      "date.day": "12",
      note: "Signed in Harbin",
      "signatories[0].personId": String(mayorId),
      sourceOutlet: "Kazinform",
      sourceTitle: "Astana and Harbin sign",
    };
    await submit(stepEdit, `/relations/${relation.id}/steps/${first.id}/edit`, fields, { params });
    expect(historyOf(relation.id)).toHaveLength(entries);
    await submit(
      stepEdit,
      `/relations/${relation.id}/steps/${first.id}/edit`,
      { ...fields, sourceTitle: "Astana and Harbin sign a sister-city agreement" },
      { params },
    );
    expect(historyOf(relation.id)).toHaveLength(entries + 1);
  });

  test("a step of another relation, or a signatory not on file by id, is refused and nothing changes", async () => {
    const [relation] = relationsOfPartner();
    const other = await addRelation({ type: "memorandum", status: "proposed", "date.year": "2020" });
    const foreign = stepsOf(other.id)[0];
    const step = stepsOf(relation.id)[0];
    const notOurs = await submit(
      stepEdit,
      "/",
      { status: "ended" },
      { params: { relationId: String(relation.id), stepId: String(foreign.id) } },
    );
    expect(notOurs.status).toBe(404);
    const missing = await submit(
      stepEdit,
      "/",
      { status: "ended", "signatories[0].personId": "999999" },
      { params: { relationId: String(relation.id), stepId: String(step.id) } },
    );
    expect(missing.status).toBe(400);
    expect(stepsOf(other.id)[0]).toEqual(foreign);
    expect(stepsOf(relation.id)[0]).toEqual(step);
  });

  test("a step is deleted on its own, as an update of the relation in its history", async () => {
    const relation = relationsOfPartner()[0];
    const [, second] = stepsOf(relation.id);
    const params = { relationId: String(relation.id), stepId: String(second.id) };
    const page = await get(stepDeletePage, "/", params);
    expect(page.onlyStep).toBe(false);
    expect(page.name).toContain("2017");
    const { status } = await submit(stepDelete, "/", {}, { params });
    expect(status).toBe(302);
    expect(stepsOf(relation.id).map((st) => st.id)).not.toContain(second.id);
    expect(
      db().select().from(s.relationStepSignatories).where(eq(s.relationStepSignatories.stepId, second.id)).all(),
    ).toEqual([]);
    const entry = latestEntry(sqlite(), "relation", relation.id)!;
    expect(entry.action).toBe("update");
    expect(entry.before!.children.relation_steps.map((row) => row.id)).toContain(second.id);
    expect(entry.after!.children.relation_steps.map((row) => row.id)).not.toContain(second.id);
  });

  test("the only step is kept: the relation is what is deleted then, and it goes to the bin", async () => {
    const relation = relationsOfPartner()[0];
    const [only] = stepsOf(relation.id);
    const params = { relationId: String(relation.id), stepId: String(only.id) };
    expect((await get(stepDeletePage, "/", params)).onlyStep).toBe(true);
    expect((await submit(stepDelete, "/", {}, { params })).status).toBe(409);
    expect(stepsOf(relation.id)).toHaveLength(1);

    expect((await submit(relationDelete, "/", {}, { params: { relationId: String(relation.id) } })).status).toBe(302);
    expect(relationsOfPartner().map((r) => r.id)).not.toContain(relation.id);
    expect(historyOf(relation.id).at(-1)!.action).toBe("delete");
    expect(binContents(1).items.some((item) => item.recordType === "relation" && item.recordId === relation.id)).toBe(
      true,
    );
  });
});

describe("delete pages name the record fully", () => {
  test("two relations of one partner, of one kind, are told apart by their dates and steps", async () => {
    const a = await addRelation({ type: "memorandum", status: "signed", "date.year": "2012", "date.month": "3" });
    const b = await addRelation({
      type: "memorandum",
      status: "signed",
      "date.year": "2019",
      "date.month": "11",
      "date.day": "4",
    });
    const pageA = await get(relationDeletePage, "/", { relationId: String(a.id) });
    const pageB = await get(relationDeletePage, "/", { relationId: String(b.id) });
    expect(pageA.name).toBe("Harbin · Memorandum of cooperation · March 2012");
    expect(pageB.name).toBe("Harbin · Memorandum of cooperation · 4 November 2019");
    expect(pageA.details).toContainEqual({ label: "History of the relation", value: "March 2012 — Signed" });
    expect(pageA.title).not.toBe(pageB.title);
  });

  test("a meeting's and a delegation's delete pages give their dates and partner", async () => {
    const delegation = saveDelegation(
      undefined,
      {
        partnerId,
        direction: "incoming",
        arrival: { value: "2023-05-02", precision: "day", approximate: false },
        departure: { value: "2023-05-05", precision: "day", approximate: false },
        members: [],
        leader: { personId: mayorId },
      },
      SYSTEM,
    );
    if (!delegation.ok) throw new Error("delegation not saved");
    const page = await get(deleteDelegationPage, "/", { delegationId: String(delegation.id) });
    expect(page.name).toBe("Delegation · Harbin · 2 May 2023 – 5 May 2023");
    expect(page.details).toContainEqual({ label: "Led by", value: "Sun Zhe" });

    const meeting = logMeeting(
      {
        date: { value: "2023-05-03", precision: "day", approximate: false },
        partnerId,
        delegationId: delegation.id,
        language: "en",
        participants: [],
        topics: [],
        sources: [],
        initiatives: [],
        delegationDirection: "incoming",
        location: "Akimat",
      },
      "en",
      SYSTEM,
    );
    if (!meeting.ok) throw new Error("meeting not saved");
    const meetingPage = await get(deleteMeetingPage, "/", { meetingId: String(meeting.id) });
    expect(meetingPage.name).toBe("Meeting with Harbin · 3 May 2023");
    expect(meetingPage.details).toContainEqual({ label: "Place", value: "Akimat" });
  });
});

describe("a delegation's page, and meetings logged from a partner or a delegation", () => {
  test("the page shows the leader and members with their posts, the visit's dates and its meetings, to a viewer", async () => {
    const organisationId = anOrganisation(partnerId, { nameEn: "Harbin People's Government" });
    const created = createPerson(
      {
        nameEn: "Zhang Qing",
        posts: [
          {
            organisationId,
            titleEn: "Deputy mayor",
            start: { value: null, precision: "unknown", approximate: false },
            end: { value: null, precision: "unknown", approximate: false },
            asOf: { value: null, precision: "unknown", approximate: false },
          },
        ],
      },
      SYSTEM,
    );
    if (!created.ok) throw new Error("the deputy was refused");
    const deputy = created.id;
    const saved = saveDelegation(
      undefined,
      {
        partnerId,
        direction: "incoming",
        arrival: { value: "2024-09-01", precision: "month", approximate: false },
        departure: { value: null, precision: "unknown", approximate: false },
        leader: { personId: deputy },
        members: [{ personId: mayorId }, { personId: deputy }],
      },
      SYSTEM,
    );
    if (!saved.ok) throw new Error("delegation not saved");
    const meeting = logMeeting(
      {
        date: { value: "2024-09-03", precision: "day", approximate: false },
        partnerId,
        delegationId: saved.id,
        language: "en",
        participants: [],
        topics: [],
        sources: [],
        initiatives: [],
        delegationDirection: "incoming",
      },
      "en",
      SYSTEM,
    );
    if (!meeting.ok) throw new Error("meeting not saved");

    const page = await get(delegationPage, `/delegations/${saved.id}`, { delegationId: String(saved.id) }, "viewer");
    expect(page.title).toBe("Delegation of Harbin");
    expect(page.delegation.leader).toMatchObject({
      id: deputy,
      name: "Zhang Qing",
      post: { title: "Deputy mayor", organisation: { name: "Harbin People's Government" } },
    });
    expect(page.delegation.members.map((m) => m.name)).toEqual(["Sun Zhe", "Zhang Qing"]);
    expect(page.delegation.arrival).toEqual({ value: "2024-09-01", precision: "month", approximate: false });
    expect(page.delegation.meetings.map((m) => m.id)).toEqual([meeting.id]);

    const partner = await get(partnerPage, `/partners/${partnerId}`, { partnerId: String(partnerId) }, "viewer");
    expect(partner.delegationsAndInitiatives).toContain(`href="/delegations/${saved.id}"`);
  });

  test("Log a meeting from a partner's page or a delegation's fills them in; ids not on file are ignored", async () => {
    const fromPartner = await get(newMeetingPage, `/meetings/new?partner=${partnerId}`, {});
    expect(fromPartner.defaultValue).toMatchObject({ partnerId, delegationId: undefined, language: "en" });
    const delegation = db().select().from(s.delegations).where(eq(s.delegations.partnerId, partnerId)).all().at(-1)!;
    const fromDelegation = await get(newMeetingPage, `/meetings/new?delegation=${delegation.id}`, {});
    expect(fromDelegation.defaultValue).toMatchObject({
      partnerId,
      delegationId: delegation.id,
      date: { year: "2024", month: 9 },
    });
    expect(fromDelegation.draftKey).not.toBe(fromPartner.draftKey);
    const unknown = await get(newMeetingPage, "/meetings/new?partner=999999", {});
    expect(unknown.defaultValue).toMatchObject({ partnerId: undefined });
    expect(getPartner(partnerId, "en")).not.toBeNull();
  });
});
