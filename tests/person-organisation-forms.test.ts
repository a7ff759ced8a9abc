import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import * as s from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { action as newPerson } from "~/routes/people.new";
import { action as editPerson } from "~/routes/people.$personId_.edit";
import { action as deletePerson } from "~/routes/people.$personId_.delete";
import { action as newOrganisation } from "~/routes/organisations.new";
import { action as editOrganisation } from "~/routes/organisations.$organisationId_.edit";
import { action as deleteOrganisation } from "~/routes/organisations.$organisationId_.delete";
import { submit } from "./support/forms";

seedDemoData(getDb());
const db = () => getDb();
const peopleCount = () => db().select().from(s.people).all().length;
const orgId = (nameEn: string) =>
  db()
    .select()
    .from(s.organisations)
    .all()
    .find((o) => o.nameEn === nameEn)!.id;
const home = () => db().select().from(s.partners).where(eq(s.partners.isHome, true)).get()!.id;

describe("people", () => {
  test("'Нурпеисов' is Нұрпейісов: the guard shows him before a second one is made", async () => {
    const before = peopleCount();
    const guarded = await submit(newPerson, "/people/new", { nameRu: "Жанат Нурпеисов" }, { language: "ru" });
    expect(guarded.status).toBe(409);
    expect(guarded.reply?.duplicates).toEqual([expect.objectContaining({ name: "Жанат Нурпеисов" })]);
    const latin = await submit(newPerson, "/people/new", { nameEn: "NURPEISOV Zhanat" });
    expect(latin.status).toBe(409);
    expect(peopleCount()).toBe(before);
  });

  test("'Нурпеисов Ж.Т.' is the Нұрпейісов on file too: the guard shows him, and saving anyway is still possible", async () => {
    const before = peopleCount();
    const guarded = await submit(newPerson, "/people/new", { nameRu: "Нурпеисов Ж." }, { language: "ru" });
    expect(guarded.status).toBe(409);
    expect(guarded.reply?.duplicates).toEqual([expect.objectContaining({ name: "Жанат Нурпеисов" })]);
    // Another initial is someone else.
    expect((await submit(newPerson, "/people/new", { nameRu: "Нурпеисов А." })).status).toBe(302);
    expect(peopleCount()).toBe(before + 1);
  });

  test("a person with posts is saved; a post's end before its start is refused", async () => {
    const maslikhat = String(orgId("Astana City Maslikhat"));
    const backwards = await submit(newPerson, "/people/new", {
      nameKk: "Әсел Бекова",
      "posts[0].organisationId": maslikhat,
      "posts[0].titleKk": "Депутат",
      "posts[0].start.year": "2020",
      "posts[0].end.year": "2018",
    });
    expect(backwards.status).toBe(400);
    expect(backwards.reply?.result.error?.["posts[0].end"]).toEqual(["The end cannot be before the start."]);

    const saved = await submit(newPerson, "/people/new", {
      nameKk: "Әсел Бекова",
      "posts[0].organisationId": maslikhat,
      "posts[0].titleKk": "Депутат",
      "posts[0].start.year": "2016",
      "posts[0].end.year": "2021",
      "posts[1].organisationId": maslikhat,
      "posts[1].titleRu": "Секретарь комиссии",
      "posts[1].start.year": "2021",
      "posts[1].start.month": "3",
    });
    expect(saved.status).toBe(302);
    const id = Number(saved.location?.split("/").at(-1));
    expect(db().select().from(s.posts).where(eq(s.posts.personId, id)).all()).toHaveLength(2);

    const edited = await submit(
      editPerson,
      `/people/${id}/edit`,
      { nameKk: "Әсел Бекова", nameEn: "Assel Bekova" },
      { params: { personId: String(id) } },
    );
    expect(edited.status).toBe(302);
    expect(db().select().from(s.posts).where(eq(s.posts.personId, id)).all()).toEqual([]);
    expect(db().select().from(s.people).where(eq(s.people.id, id)).get()).toMatchObject({ nameEn: "Assel Bekova" });

    expect((await submit(deletePerson, `/people/${id}/delete`, {}, { params: { personId: String(id) } })).status).toBe(
      302,
    );
    expect(db().select().from(s.people).where(eq(s.people.id, id)).get()).toBeUndefined();
  });

  test("someone who took part in a meeting is not deleted", async () => {
    const du = db()
      .select()
      .from(s.people)
      .all()
      .find((p) => p.nameEn === "Du Jimin")!.id;
    const { status } = await submit(deletePerson, `/people/${du}/delete`, {}, { params: { personId: String(du) } });
    expect(status).toBe(409);
    expect(db().select().from(s.people).where(eq(s.people.id, du)).get()).toBeDefined();
  });
});

describe("organisations", () => {
  test("the guard, the parent rule and delete", async () => {
    const dup = await submit(newOrganisation, "/organisations/new", {
      partnerId: String(home()),
      nameRu: "маслихат города астаны",
    });
    expect(dup.status).toBe(409);

    const made = await submit(newOrganisation, "/organisations/new", {
      partnerId: String(home()),
      parentId: String(orgId("Astana City Maslikhat")),
      nameKk: "Әлеуметтік мәселелер жөніндегі тұрақты комиссия",
    });
    expect(made.status).toBe(302);
    const id = Number(made.location?.split("/").at(-1));

    const ownParent = await submit(
      editOrganisation,
      `/organisations/${id}/edit`,
      { partnerId: String(home()), parentId: String(id), nameKk: "X" },
      { params: { organisationId: String(id) } },
    );
    expect(ownParent.status).toBe(400);
    expect(ownParent.reply?.result.error?.parentId).toEqual(["An organisation cannot be a unit of itself."]);

    const parentRefused = await submit(
      deleteOrganisation,
      "/x",
      {},
      { params: { organisationId: String(orgId("Astana City Maslikhat")) } },
    );
    expect(parentRefused.status).toBe(409);
    expect((await submit(deleteOrganisation, "/x", {}, { params: { organisationId: String(id) } })).status).toBe(302);
  });
});

describe("ids that are not on file", () => {
  test("an organisation of a partner or parent that does not exist is refused next to the field, not with a 500", async () => {
    const before = getDb().$client.prepare("select count(*) from organisations").pluck().get();
    const outcome = await submit(newOrganisation, "/organisations/new", {
      partnerId: "999999",
      parentId: "888888",
      nameEn: "Nowhere Council",
    });
    expect(outcome.status).toBe(400);
    expect(outcome.reply?.result.error?.partnerId?.[0]).toBeTruthy();
    expect(outcome.reply?.result.error?.parentId?.[0]).toBeTruthy();
    expect(getDb().$client.prepare("select count(*) from organisations").pluck().get()).toBe(before);
  });

  test("a post's body typed by name, in any script, is the one on file; the edit form shows its name (issue 12.4)", async () => {
    const saved = await submit(
      newPerson,
      "/people/new",
      {
        nameRu: "Гульнара Ахметова",
        "posts[0].organisationName": "astana city maslikhat",
        "posts[0].titleRu": "Депутат",
      },
      { language: "ru" },
    );
    expect(saved.status).toBe(302);
    const id = Number(saved.location?.split("/").at(-1));
    expect(db().select().from(s.posts).where(eq(s.posts.personId, id)).all()).toEqual([
      expect.objectContaining({ organisationId: orgId("Astana City Maslikhat"), titleRu: "Депутат" }),
    ]);
    const { personForEdit } = await import("~/models/people/read.server");
    expect(personForEdit(id, "kk")!.posts).toEqual([
      expect.objectContaining({ organisationName: "Астана қаласының мәслихаты" }),
    ]);

    const before = peopleCount();
    const unknown = await submit(
      newPerson,
      "/people/new",
      { nameRu: "Ерлан Садыков", "posts[0].organisationName": "Министерство чудес", "posts[0].titleRu": "Советник" },
      { language: "kk" },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.reply?.result.error?.["posts[0].organisationName"]).toEqual([
      "Бұл атаумен ешбір ұйым тіркелмеген. Алдымен ұйымды қосыңыз немесе ұсыныстардан таңдаңыз.",
    ]);
    expect(peopleCount()).toBe(before);
  });

  test("a post at an organisation that does not exist is refused the same way", async () => {
    const before = getDb().$client.prepare("select count(*) from people").pluck().get();
    const outcome = await submit(newPerson, "/people/new", {
      nameEn: "Nobody Anywhere",
      "posts[0].organisationId": "999999",
      "posts[0].titleEn": "Chair",
    });
    expect(outcome.status).toBe(400);
    expect(outcome.reply?.result.error?.["posts[0].organisationName"]?.[0]).toBeTruthy();
    expect(getDb().$client.prepare("select count(*) from people").pluck().get()).toBe(before);
  });
});
