/**
 * Issue 15.1: importing a spreadsheet of people. Each row is checked with the person form's
 * schema; a person on file under any spelling is matched (and given the posts they lack), anyone
 * else is new; posts name organisations on file. The preview writes nothing, the import is one
 * import of kind "people", and undo takes back what it made and added.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { imports, people, posts } from "~db/schema";
import { getDb } from "~/db.server";
import { formErrorMap } from "~/forms/error-map";
import { translatorFor } from "~/i18n/i18n.server";
import { commitImport, previewImport, readImportFile, templateHeaders, undoImport } from "~/models/imports.server";
import { aPartner, aPerson, anOrganisation } from "./support/factories";
import { accountFor } from "./support/accounts";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-import-people-"));
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
  const preview = previewImport(await readImportFile(file("p.csv", rows()), "auto", undefined, "people"), errorMap);
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
  const result = commitImport(
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

  expect(undoImport(result.id, { userId: adminId })).toEqual({ ok: true, fileName: "people.csv" });
  expect(people_()).toBe(before);
  expect(db.select().from(people).where(eq(people.nameEn, "Sultanov Bakyt")).get()).toBeUndefined();
  expect(db.select().from(posts).where(eq(posts.personId, known)).all().length).toBe(postsBefore);
});

test("a people file read as meetings (or the other way) is refused by its headers", async () => {
  await expect(readImportFile(file("p.csv", rows()), "auto")).rejects.toMatchObject({
    refusal: { key: "imports.errors.unknownHeaders" },
  });
});
