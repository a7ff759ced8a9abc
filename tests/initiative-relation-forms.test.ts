import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { getInitiative } from "~/models/initiatives/read.server";
import { getPartner } from "~/models/partners/read.server";
import { action as newInitiative } from "~/routes/initiatives.new";
import { action as editInitiative } from "~/routes/initiatives.$initiativeId_.edit";
import { action as initiativeStep } from "~/routes/initiatives.$initiativeId_.step";
import { action as deleteInitiative } from "~/routes/initiatives.$initiativeId_.delete";
import { action as newRelation } from "~/routes/partners.$partnerId_.relation";
import { action as relationStep } from "~/routes/relations.$relationId.step";
import { action as relationDelete } from "~/routes/relations.$relationId.delete";
import { submit } from "./support/forms";

seedDemoData(getDb());
const db = () => getDb();
const count = (table: typeof s.initiatives | typeof s.initiativeSteps | typeof s.relations | typeof s.relationSteps) =>
  db().select().from(table).all().length;
const lrt = () =>
  db()
    .select()
    .from(s.initiatives)
    .all()
    .find((i) => i.titleEn?.includes("LRT"))!;
const beijing = () =>
  db()
    .select()
    .from(s.partners)
    .all()
    .find((p) => p.nameEn === "Beijing")!;
const demoMeeting = () => db().select().from(s.meetings).all()[0];

describe("initiatives", () => {
  test("a new initiative needs a title in some language and a kind; nothing is written otherwise", async () => {
    const before = count(s.initiatives);
    const noKind = await submit(newInitiative, "/initiatives/new", { titleEn: "A title" });
    expect(noKind.status).toBe(400);
    expect(noKind.reply?.result.error?.kind).toEqual(["Fill this in."]);
    const noTitle = await submit(newInitiative, "/initiatives/new", { kind: "trade", description: "no title" });
    expect(noTitle.status).toBe(400);
    expect(noTitle.reply?.result.error?.titleKk).toEqual(["Give the title in at least one language."]);
    expect(count(s.initiatives)).toBe(before);
  });

  test("an owner who is not on file is refused, not a server error", async () => {
    const before = count(s.initiatives);
    const { status, reply } = await submit(newInitiative, "/initiatives/new", {
      titleEn: "X",
      kind: "trade",
      ownerPersonId: "424242",
    });
    expect(status).toBe(400);
    expect(reply?.result.error?.ownerPersonId).toEqual(["This record is no longer on file. Choose another."]);
    expect(count(s.initiatives)).toBe(before);
  });

  test("a new initiative has the status it was recorded with, and an empty trail", async () => {
    const { status, location } = await submit(newInitiative, "/initiatives/new", {
      titleRu: "Обмен студентами",
      kind: "education",
      status: "agreed",
      partnerId: String(beijing().id),
    });
    expect(status).toBe(302);
    const id = Number(location?.split("/").at(-1));
    expect(getInitiative(id, "ru")).toMatchObject({ title: "Обмен студентами", status: "agreed", steps: [] });
  });

  test("a step with a status moves the initiative; a note alone does not", async () => {
    const id = lrt().id;
    const params = { initiativeId: String(id) };
    const moved = await submit(
      initiativeStep,
      `/initiatives/${id}/step`,
      {
        "date.year": "2017",
        "date.month": "3",
        status: "in_progress",
        meetingId: String(demoMeeting().id),
        note: "Design started",
      },
      { params },
    );
    expect(moved.status).toBe(302);
    expect(lrt().status).toBe("in_progress");

    const noted = await submit(initiativeStep, `/initiatives/${id}/step`, { note: "Talks continue" }, { params });
    expect(noted.status).toBe(302);
    expect(lrt().status).toBe("in_progress");
    expect(getInitiative(id, "en")!.steps.map((st) => st.status)).toEqual(["proposed", "in_progress", null]);
  });

  test("a step needs a status or a note, and a meeting on file", async () => {
    const id = lrt().id;
    const params = { initiativeId: String(id) };
    const before = count(s.initiativeSteps);
    expect((await submit(initiativeStep, `/initiatives/${id}/step`, { "date.year": "2018" }, { params })).status).toBe(
      400,
    );
    expect(
      (await submit(initiativeStep, `/initiatives/${id}/step`, { note: "x", meetingId: "999999" }, { params })).status,
    ).toBe(400);
    expect(count(s.initiativeSteps)).toBe(before);
  });

  test("editing keeps the status, which only steps change", async () => {
    const id = lrt().id;
    const { status } = await submit(
      editInitiative,
      `/initiatives/${id}/edit`,
      { titleEn: "LRT phase 1", kind: "investment", status: "dropped" },
      { params: { initiativeId: String(id) } },
    );
    expect(status).toBe(302);
    expect(lrt()).toMatchObject({ titleEn: "LRT phase 1", status: "in_progress", titleKk: null });
  });

  test("deleting an initiative takes its trail with it", async () => {
    const id = lrt().id;
    const { status } = await submit(
      deleteInitiative,
      `/initiatives/${id}/delete`,
      {},
      { params: { initiativeId: String(id) } },
    );
    expect(status).toBe(302);
    expect(db().select().from(s.initiativeSteps).where(eq(s.initiativeSteps.initiativeId, id)).all()).toEqual([]);
  });
});

describe("relations", () => {
  test("a relation is made with its first dated step; the status shown is derived from the steps", async () => {
    const id = beijing().id;
    const params = { partnerId: String(id) };
    const bad = await submit(
      newRelation,
      `/partners/${id}/relation`,
      { type: "memorandum", status: "signed", "date.year": "2019", "date.month": "2", "date.day": "30" },
      { params },
    );
    expect(bad.status).toBe(400);

    const before = count(s.relations);
    const made = await submit(
      newRelation,
      `/partners/${id}/relation`,
      { type: "memorandum", status: "signed", "date.year": "2019", "date.month": "2", "date.day": "28" },
      { params },
    );
    expect(made.status).toBe(302);
    expect(count(s.relations)).toBe(before + 1);
    const memorandum = getPartner(id, "en")!.relations.find((r) => r.type === "memorandum")!;
    expect(memorandum.status).toBe("signed");

    const step = await submit(
      relationStep,
      `/relations/${memorandum.id}/step`,
      { status: "suspended", "date.year": "2021" },
      { params: { relationId: String(memorandum.id) } },
    );
    expect(step.status).toBe(302);
    expect(getPartner(id, "en")!.relations.find((r) => r.type === "memorandum")!.status).toBe("suspended");
  });

  test("a step at a meeting that is not on file is refused", async () => {
    const relation = db().select().from(s.relations).all()[0];
    const before = count(s.relationSteps);
    const { status } = await submit(
      relationStep,
      `/relations/${relation.id}/step`,
      { status: "active", "date.unknown": "on", meetingId: "999999" },
      { params: { relationId: String(relation.id) } },
    );
    expect(status).toBe(400);
    expect(count(s.relationSteps)).toBe(before);
  });

  test("deleting a relation takes its steps with it", async () => {
    const relation = db()
      .select()
      .from(s.relations)
      .all()
      .find((r) => r.type === "memorandum")!;
    const { status } = await submit(
      relationDelete,
      `/relations/${relation.id}/delete`,
      {},
      { params: { relationId: String(relation.id) } },
    );
    expect(status).toBe(302);
    expect(db().select().from(s.relationSteps).where(eq(s.relationSteps.relationId, relation.id)).all()).toEqual([]);
  });

  test("a signing step records its signatories, found by another spelling, and its source", async () => {
    const relation = db()
      .select()
      .from(s.relations)
      .all()
      .find((r) => r.type === "friendly")!;
    const params = { relationId: String(relation.id) };
    const signed = await submit(
      relationStep,
      `/relations/${relation.id}/step`,
      {
        status: "signed",
        "date.year": "2017",
        "date.month": "6",
        "date.day": "10",
        "signatories[0].name": "Нурпеисов Жанат",
        "signatories[1].name": "Du Jimin",
        sourceOutlet: "Akorda",
        sourceUrl: "https://example.kz/memorandum",
      },
      { params },
    );
    expect(signed.status).toBe(302);
    const partner = getPartner(relation.partnerId, "en")!;
    const last = partner.relations.find((r) => r.id === relation.id)!.steps.at(-1)!;
    expect(last).toMatchObject({
      status: "signed",
      signatories: [{ name: "Zhanat Nurpeisov" }, { name: "Du Jimin" }],
      source: { outlet: "Akorda" },
    });
    expect(partner.relations.find((r) => r.id === relation.id)!.status).toBe("signed");
  });
});
