import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { action as newDelegation } from "~/routes/delegations.new";
import { action as editDelegation } from "~/routes/delegations.$delegationId_.edit";
import { action as deleteDelegation } from "~/routes/delegations.$delegationId_.delete";
import { submit } from "./support/forms";
import { aPerson } from "./support/factories";

seedDemoData(getDb());
const db = () => getDb();
const urumqi = () =>
  db()
    .select()
    .from(s.partners)
    .all()
    .find((p) => p.nameEn === "Urumqi")!.id;
const personId = (nameEn: string) =>
  db()
    .select()
    .from(s.people)
    .all()
    .find((p) => p.nameEn === nameEn)!.id;
const delegationCount = () => db().select().from(s.delegations).all().length;

describe("delegations", () => {
  test("an outgoing visit is recorded with its leader found by another spelling and its members", async () => {
    const before = delegationCount();
    const { status, location } = await submit(newDelegation, "/delegations/new", {
      partnerId: String(urumqi()),
      direction: "outgoing",
      "arrival.year": "2019",
      "arrival.month": "9",
      "departure.year": "2019",
      "departure.month": "9",
      "leader.name": "Нурпеисов Жанат",
      "members[0].personId": String(personId("Almaz Kim")),
      "members[1].name": "Шайдаров Мажит",
    });
    expect(status).toBe(302);
    expect(delegationCount()).toBe(before + 1);
    const delegation = db().select().from(s.delegations).all().at(-1)!;
    // Saved, the delegation opens on its own page.
    expect(location).toBe(`/delegations/${delegation.id}`);
    expect(delegation).toMatchObject({
      leaderId: personId("Zhanat Nurpeisov"),
      direction: "outgoing",
      arrival: "2019-09-01",
      arrivalPrecision: "month",
    });
    const members = db()
      .select()
      .from(s.delegationMembers)
      .where(eq(s.delegationMembers.delegationId, delegation.id))
      .orderBy(s.delegationMembers.position)
      .all();
    expect(members.map((m) => m.personId)).toEqual([personId("Almaz Kim"), personId("Mazhit Shaidarov")]);
  });

  test("a leader not on file, or a departure before the arrival, is refused and nothing is written", async () => {
    const before = delegationCount();
    const unknown = await submit(newDelegation, "/delegations/new", {
      partnerId: String(urumqi()),
      direction: "incoming",
      "arrival.unknown": "on",
      "leader.name": "Nobody Known",
    });
    expect(unknown.status).toBe(400);
    expect(unknown.reply?.result.error?.["leader.name"]?.[0]).toMatch(/No one on file/);
    const backwards = await submit(newDelegation, "/delegations/new", {
      partnerId: String(urumqi()),
      direction: "incoming",
      "arrival.year": "2020",
      "departure.year": "2019",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.reply?.result.error?.departure).toEqual(["The end cannot be before the start."]);
    // Two people of one name: a member typed so must be picked, in the reader's language.
    aPerson({ nameEn: "Aigerim Sultanova" });
    aPerson({ nameRu: "Айгерим Султанова" });
    const namesakes = await submit(
      newDelegation,
      "/delegations/new",
      {
        partnerId: String(urumqi()),
        direction: "incoming",
        "arrival.year": "2020",
        "members[0].name": "aigerim sultanova",
      },
      { language: "ru" },
    );
    expect(namesakes.reply?.result.error?.["members[0].name"]).toEqual([
      "В базе несколько человек с таким именем: выберите одного из подсказок.",
    ]);
    expect(delegationCount()).toBe(before);
  });

  test("an edit rewrites the members; a delegation that came to a meeting is not deleted", async () => {
    const demo = db().select().from(s.delegations).all()[0];
    const params = { delegationId: String(demo.id) };
    const edited = await submit(
      editDelegation,
      `/delegations/${demo.id}/edit`,
      {
        partnerId: String(demo.partnerId),
        direction: "incoming",
        "arrival.unknown": "on",
        "leader.personId": String(personId("Du Jimin")),
        "members[0].personId": String(personId("Du Jimin")),
      },
      { params },
    );
    expect(edited.status).toBe(302);
    expect(
      db().select().from(s.delegationMembers).where(eq(s.delegationMembers.delegationId, demo.id)).all(),
    ).toHaveLength(1);
    const refused = await submit(deleteDelegation, `/delegations/${demo.id}/delete`, {}, { params });
    expect(refused.status).toBe(409);
    expect(delegationCount()).toBeGreaterThan(0);
  });
});
