/**
 * Issue 15.1: importing a spreadsheet of people. Each row is checked with the person form's
 * schema; a person on file under any spelling is matched (and given the posts they lack), anyone
 * else is new; posts name organisations on file. The preview writes nothing, the import is one
 * import of kind "people", and undo takes back what it made and added.
 */
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { imports, organisations, people, posts } from "~db/schema";
import { getDb } from "~/db.server";
import { formErrorMap } from "~/forms/error-map";
import { translatorFor } from "~/i18n/i18n.server";
import { commitImport, previewImport, readImportFile, templateHeaders, undoImport } from "~/models/imports.server";
import { aPartner, aPerson, anOrganisation } from "./support/factories";
import { accountFor, cookieFor } from "./support/accounts";
import { action } from "~/routes/import._index";
import { loader as template } from "~/routes/import.template.$file";
import { temporaryDirectory } from "./support/temporary-directory";

const dir = temporaryDirectory("import-people");
const errorMap = formErrorMap(translatorFor("en"));
const KEYS = ["id", "name", "nameKk", "nameRu", "nameEn", "nameNative", "posts"];
const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => (/[",;\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(",")).join("\r\n");
const row = (values: Partial<Record<string, string>>) => KEYS.map((k) => values[k] ?? "");

function file(name: string, rows: string[][]) {
  const p = path.join(dir, name);
  fs.writeFileSync(p, csv([templateHeaders("en", "people"), ...rows]));
  return p;
}

/** The preview of a people file of these rows. */
const previewOf = async (name: string, rows: string[][]) =>
  previewImport(await readImportFile(file(name, rows), "auto", undefined, "people"), errorMap);

let adminId = 0;
let known = 0;
beforeAll(async () => {
  adminId = (await accountFor("admin")).id;
  const partner = aPartner({ nameEn: "Astana", nameRu: "Астана", countryCode: "KZ" });
  anOrganisation(partner, { nameEn: "Astana Akimat", nameRu: "Акимат Астаны" });
  known = aPerson({ nameKk: "Нұрпейісов Жанат", nameRu: "Нурпеисов Жанат", nameEn: "Nurpeisov Zhanat" });
});

const people_ = () => getDb().select({ n: count() }).from(people).get()!.n;
const rows = () => [
  // One name, in Russian: the person on file, matched by that spelling.
  row({ name: "Нурпеисов Жанат", posts: "Deputy akim (Акимат Астаны)" }),
  row({ nameKk: "Сұлтанов Бақыт", nameEn: "Sultanov Bakyt", posts: "Adviser (Astana Akimat); Expert (Astana Akimat)" }),
  row({ name: "Ghost Person", posts: "Chief (Nowhere Ltd)" }),
  row({ name: "No Post Body", posts: "Chief" }),
  row({ nameNative: "", posts: "Adviser (Astana Akimat)" }),
];

test("the preview says who is on file and who is new, every error by row and column, and writes nothing", async () => {
  const before = people_();
  const preview = await previewOf("p.csv", rows());
  expect(preview).toMatchObject({ rows: 5, ready: 2, errors: 3, unchanged: 0 });
  expect(preview.shown[0]).toMatchObject({
    status: "ready",
    notes: [{ key: "matchesPerson", name: "Nurpeisov Zhanat" }],
  });
  expect(preview.shown[1]).toMatchObject({ status: "ready", notes: [{ key: "newPerson", name: "Сұлтанов Бақыт" }] });
  expect(preview.shown[2].errors).toEqual([
    { column: "posts", message: { key: "imports.errors.organisation", values: { name: "Nowhere Ltd" } } },
  ]);
  expect(preview.shown[3].errors).toEqual([
    { column: "posts", message: { key: "imports.errors.postOrganisation", values: { title: "Chief" } } },
  ]);
  expect(preview.shown[4].status).toBe("error");
  expect(preview.shown[4].errors.map((e) => e.column)).toEqual(["name"]);
  expect(people_()).toBe(before);
});

test("the import adds the new person with their posts, gives the one on file their new post; undo takes both back", async () => {
  const db = getDb();
  const before = people_();
  const postsBefore = db.select().from(posts).where(eq(posts.personId, known)).all().length;
  const result = await commitImport(
    await readImportFile(file("p.csv", rows()), "auto", undefined, "people"),
    "people.csv",
    errorMap,
    { userId: adminId },
  );
  expect(result).toMatchObject({ ready: 2, errors: 3 });
  expect(db.select().from(imports).where(eq(imports.id, result.id)).get()).toMatchObject({
    kind: "people",
    rowCount: 2,
  });
  expect(people_()).toBe(before + 1);
  const added = db.select().from(people).where(eq(people.nameEn, "Sultanov Bakyt")).get()!;
  expect(added.nameKk).toBe("Сұлтанов Бақыт");
  expect(
    db
      .select()
      .from(posts)
      .where(eq(posts.personId, added.id))
      .all()
      .map((p) => p.titleEn)
      .sort(),
  ).toEqual(["Adviser", "Expert"]);
  const knownPosts = db.select().from(posts).where(eq(posts.personId, known)).all();
  expect(knownPosts.length).toBe(postsBefore + 1);
  expect(knownPosts.at(-1)?.titleEn).toBe("Deputy akim");

  expect(await undoImport(result.id, { userId: adminId })).toEqual({ ok: true, fileName: "people.csv" });
  expect(people_()).toBe(before);
  expect(db.select().from(people).where(eq(people.nameEn, "Sultanov Bakyt")).get()).toBeUndefined();
  expect(db.select().from(posts).where(eq(posts.personId, known)).all().length).toBe(postsBefore);
});

test("a people file read as meetings (or the other way) is refused by its headers", async () => {
  await expect(readImportFile(file("p.csv", rows()), "auto")).rejects.toMatchObject({
    refusal: { key: "imports.errors.unknownHeaders" },
  });
});

describe("through the import page", () => {
  async function post(fields: Record<string, string>, file?: { name: string; text: string }) {
    const body = file ? new FormData() : new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) body.append(name, value);
    if (file) (body as FormData).append("file", new File([file.text], file.name, { type: "text/csv" }));
    const request = new Request("http://localhost/import", {
      method: "POST",
      headers: { Cookie: await cookieFor("editor"), "Accept-Language": "en" },
      body,
    });
    try {
      return await action({ request, params: {}, context: {} } as never);
    } catch (thrown) {
      return thrown;
    }
  }
  type Reply = {
    stage: string;
    token?: string;
    fileError?: string;
    preview?: { kind: string; ready: number; errors: number; shown: Array<{ notes: string[]; errors: string[] }> };
  };
  const replyOf = (outcome: unknown) => (outcome as { data: Reply }).data;
  const text = csv([
    templateHeaders("en", "people"),
    row({ name: "Айгерім Сапарова", posts: "Head of protocol (Astana Akimat)" }),
    row({ name: "Nobody Known", posts: "Chief (Nowhere Ltd)" }),
  ]);

  test("kind “people”: the preview names each row's plan and errors by column; the import makes one import of people", async () => {
    const reply = replyOf(await post({ intent: "preview", kind: "people", encoding: "auto" }, { name: "p.csv", text }));
    expect(reply.stage).toBe("preview");
    expect(reply.preview).toMatchObject({ kind: "people", ready: 1, errors: 1 });
    expect(reply.preview!.shown[0].notes).toEqual(["new person: Айгерім Сапарова"]);
    expect(reply.preview!.shown[1].errors).toEqual([
      "Posts: No organisation on file by the name “Nowhere Ltd”: add it first, or write it with the partner it belongs to, Title (Organisation, Partner), to add it with the import.",
    ]);
    const done = await post({ intent: "import", stagedId: reply.token! });
    expect(done).toBeInstanceOf(Response);
    expect(getDb().select().from(people).where(eq(people.nameKk, "Айгерім Сапарова")).get()).toBeDefined();
    const last = getDb().select().from(imports).all().at(-1)!;
    expect(last).toMatchObject({ kind: "people", fileName: "p.csv", rowCount: 1 });
  });

  test("the same file sent as meetings is refused as another kind's template (no mapping step for a mistaken kind)", async () => {
    const reply = replyOf(
      await post({ intent: "preview", kind: "meetings", encoding: "auto" }, { name: "p.csv", text }),
    );
    expect(reply.stage).toBe("refused");
    expect(reply.fileError).toBe(
      "These are the headers of the people template: choose “People” under “What the file holds”.",
    );
    const people = replyOf(
      await post(
        { intent: "preview", kind: "people", encoding: "auto" },
        { name: "m.csv", text: "Date,Partner\r\n2016,X" },
      ),
    );
    expect(people.stage).toBe("refused");
    expect(people.fileError).toBe(
      "These are the headers of the meetings template: choose “Meetings” under “What the file holds”.",
    );
  });

  test("the people template, in Russian, is the people export's headers", async () => {
    const response = (await template({
      request: new Request("http://localhost/import/template/people-ru.csv", {
        headers: { Cookie: await cookieFor("editor") },
      }),
      params: { file: "people-ru.csv" },
      context: {},
    })) as Response;
    const headers = (await response.text()).replace(/^\uFEFF/, "").trim();
    expect(headers).toBe(templateHeaders("ru", "people").join(","));
    expect(headers).toContain("Должности");
  });
});

test("an organisation not on file, written with its partner, is a new organisation: made once, undone with the import", async () => {
  const db = getDb();
  const partner = aPartner({ nameEn: "Harbin City", nameRu: "Харбин Сити", countryCode: "CN" });
  const lines = [
    row({ name: "Li Wei", posts: "Director (Foreign Affairs Office, Харбин Сити)" }),
    row({
      name: "Zhang Min",
      posts: "Deputy director (Foreign Affairs Office, Harbin City); Adviser (Foreign Affairs Office)",
    }),
    row({ name: "Nobody Else", posts: "Chief (Nowhere Ltd, Atlantis)" }),
    // A post with no dates, at a body on file: accepted as the form accepts it.
    row({ name: "Dateless Post", posts: "Adviser (Astana Akimat)" }),
  ];
  const organisations_ = () =>
    db
      .select()
      .from(organisations)
      .where(eq(organisations.partnerId, partner))
      .all()
      .map((o) => o.nameEn);
  const preview = await previewOf("o.csv", lines);
  expect(preview).toMatchObject({ rows: 4, ready: 3, errors: 1 });
  expect(preview.shown[0].notes).toEqual([
    { key: "newPerson", name: "Li Wei" },
    { key: "newOrganisation", name: "Foreign Affairs Office (Harbin City)" },
  ]);
  expect(preview.shown[1].notes.filter((n) => n.key === "newOrganisation")).toHaveLength(2);
  expect(preview.shown[2].errors).toEqual([
    { column: "posts", message: { key: "imports.errors.organisation", values: { name: "Nowhere Ltd, Atlantis" } } },
  ]);
  expect(organisations_()).toEqual([]);

  const result = await commitImport(
    await readImportFile(file("o.csv", lines), "auto", undefined, "people"),
    "o.csv",
    errorMap,
    { userId: adminId },
  );
  expect(result).toMatchObject({ ready: 3, errors: 1 });
  expect(organisations_()).toEqual(["Foreign Affairs Office"]);
  const [office] = db.select().from(organisations).where(eq(organisations.partnerId, partner)).all();
  const zhang = db.select().from(people).where(eq(people.nameEn, "Zhang Min")).get()!;
  expect(
    db
      .select()
      .from(posts)
      .where(eq(posts.personId, zhang.id))
      .all()
      .map((p) => [p.titleEn, p.organisationId]),
  ).toEqual([
    ["Deputy director", office.id],
    ["Adviser", office.id],
  ]);
  expect(await undoImport(result.id, { userId: adminId })).toMatchObject({ ok: true });
  expect(organisations_()).toEqual([]);
});

test("a name with no letter in it (a formula typed as text, a number, a dash) is refused beside the name, as the form refuses it", async () => {
  const refused = ["=1+1", "123", "—"];
  const preview = await previewOf("letters.csv", [...refused.map((name) => row({ name })), row({ name: "Ли Мин 2" })]);
  expect(preview).toMatchObject({ rows: 4, ready: 1, errors: 3 });
  for (const shown of preview.shown.slice(0, 3))
    expect(shown.errors).toEqual([{ column: "name", message: "A name holds at least one letter." }]);
});

test("a name with initials, as an office's list writes it, is the person on file it can be", async () => {
  const preview = await previewOf("initials.csv", [
    row({ name: "Нурпеисов Ж." }),
    row({ name: "Zh. Nurpeisov" }),
    row({ name: "Нурпеисов А." }),
  ]);
  expect(preview.shown.map((r) => r.notes[0])).toEqual([
    { key: "matchesPerson", name: "Nurpeisov Zhanat" },
    { key: "matchesPerson", name: "Nurpeisov Zhanat" },
    { key: "newPerson", name: "Нурпеисов А." },
  ]);
});

test("a Chinese name in Pinyin is the person on file in Palladius, and the other way round", async () => {
  aPerson({ nameRu: "Чжан Сюэлян", nameKk: undefined, nameEn: undefined });
  aPerson({ nameEn: "Zhou Enlai", nameKk: undefined, nameRu: undefined });
  const preview = await previewOf("chinese.csv", [row({ name: "Zhang Xueliang" }), row({ name: "Чжоу Эньлай" })]);
  expect(preview.shown.map((r) => r.notes[0])).toEqual([
    { key: "matchesPerson", name: "Чжан Сюэлян" },
    { key: "matchesPerson", name: "Zhou Enlai" },
  ]);
});

test("one new person named twice down the file, in two spellings, is one person in the preview as in the import", async () => {
  const rowsOf = () => [row({ name: "Wang Wei" }), row({ name: "Ван Вэй" })];
  const preview = await previewOf("twice.csv", rowsOf());
  expect(preview.shown.map((r) => r.notes[0])).toEqual([
    { key: "newPerson", name: "Wang Wei" },
    // Not "on file": the row above makes them.
    { key: "sameAsRow", name: "Wang Wei", row: 2 },
  ]);
  const before = people_();
  const result = await commitImport(
    await readImportFile(file("twice.csv", rowsOf()), "auto", undefined, "people"),
    "twice.csv",
    errorMap,
    { userId: adminId },
  );
  expect(result.shown.map((r) => r.notes[0]?.key)).toEqual(["newPerson", "matchesPerson"]);
  expect(people_()).toBe(before + 1);
});
