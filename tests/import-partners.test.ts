/**
 * Issue 15.1's third kind: partners with their relations and steps. One row a step of a
 * relation, the partner repeated on each (a partner with no relation on a row of its own), the
 * partners export's columns. A partner is found by its ID or its name in any script; a relation
 * by its ID or its kind; the partner, relation and step forms' schemas check what is new; the
 * preview writes nothing; the import is one import of kind "partners", undone as a whole.
 */
import path from "node:path";
import ExcelJS from "exceljs";
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { history, imports, partners, people, relationStepSignatories, relationSteps, relations } from "~db/schema";
import { getDb } from "~/db.server";
import { formErrorMap } from "~/forms/error-map";
import { LANGUAGES } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import {
  commitImport,
  fold,
  previewImport,
  readImportFile,
  templateHeaders,
  undoImport,
} from "~/models/imports.server";
import { aPartner, aPerson, aRelation } from "./support/factories";
import { accountFor, cookieFor } from "./support/accounts";
import { action } from "~/routes/import._index";
import { loader as template } from "~/routes/import.template.$file";
import { temporaryDirectory } from "./support/temporary-directory";

const dir = temporaryDirectory("import-partners");
const errorMap = formErrorMap(translatorFor("en"));
const KEYS = [
  "id",
  "name",
  "nameKk",
  "nameRu",
  "nameEn",
  "nameNative",
  "kind",
  "country",
  "wikidataId",
  "relationId",
  "relation",
  "relationNote",
  "status",
  "date",
  "stepNote",
  "signatories",
  "sourceTitle",
  "sourceUrl",
  "outlet",
];
type Value = string | number | { formula: string; result?: unknown };
const row = (values: Partial<Record<string, Value>>) => KEYS.map((k) => values[k] ?? null);

async function xlsx(name: string, rows: Array<Array<Value | null>>) {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Partners");
  sheet.addRow(templateHeaders("en", "partners"));
  for (const r of rows) sheet.addRow(r);
  const p = path.join(dir, name);
  await workbook.xlsx.writeFile(p);
  return p;
}
const read = async (p: string) => readImportFile(p, "auto", undefined, "partners");
const tally = () =>
  [partners, relations, relationSteps, people, history].map((t) => getDb().select({ n: count() }).from(t).get()!.n);

let adminId = 0;
let harbin = 0;
let nurpeisov = 0;
let twoRelations = 0;
beforeAll(async () => {
  adminId = (await accountFor("admin")).id;
  harbin = aPartner({ nameEn: "Harbin", kind: "city", countryCode: "CN" });
  nurpeisov = aPerson({ nameKk: "Нұрпейісов Жанат", nameEn: "Nurpeisov Zhanat" });
  twoRelations = aPartner({ nameEn: "Two Relations City", countryCode: "DE" });
  aRelation(twoRelations, { type: "friendly", date: "2001" });
  aRelation(twoRelations, { type: "friendly", date: "2005" });
});

const rows = () => [
  // 2: the partner on file, by its Russian spelling; a new relation whose first step an
  // official on file signed, by his Russian spelling.
  row({
    name: "Харбин",
    relation: "Sister city",
    status: "Signed",
    date: "2016-05-12",
    signatories: "Нурпеисов Жанат",
    sourceUrl: "https://example.kz/harbin",
    outlet: "Kazinform",
  }),
  // 3: the same relation, its next step (the relation's kind in Russian).
  row({ name: "Harbin", relation: "Город-побратим", status: "Active", date: "2017" }),
  // 4: a new partner, its kind in Russian, its country by name, with a relation and a new signatory.
  row({
    nameEn: "Kazan",
    nameRu: "Казань",
    kind: "Город",
    country: "Russia",
    wikidataId: "Q900",
    relation: "Memorandum of cooperation",
    status: "Proposed",
    date: "2019",
    signatories: "Ilsur Metshin",
  }),
  // 5: the same new partner in Cyrillic only: the partner of row 4, another step.
  row({ name: "Казань", relation: "Memorandum of cooperation", status: "Signed", date: "2020-03" }),
  // 6: the same partner in its other script with another country: an error.
  row({ name: "Kazan", country: "Germany", relation: "Memorandum of cooperation", status: "Active", date: "2021" }),
  // 7: the same partner again, with no relation: it adds nothing, an error.
  row({ name: "KAZAN" }),
  // 8: an unknown kind of relation.
  row({ name: "Harbin", relation: "Alliance", status: "Signed", date: "2016" }),
  // 9: a date that is none.
  row({ name: "Harbin", relation: "Friendly relations", status: "Signed", date: "someday" }),
  // 10: a formula where the name should be, never run.
  row({ name: { formula: '"Har"&"bin"', result: "Harbin" }, relation: "Friendly relations", status: "Signed" }),
  // 11: a new partner without a country.
  row({ name: "Nowhere Town", kind: "City" }),
  // 12: a partner with two relations of the kind: which one is not said.
  row({ name: "Two Relations City", relation: "Friendly relations", status: "Active", date: "2010" }),
  // 13: a step that has happened cannot be in the future (the step form's rule).
  row({ name: "Harbin", relation: "Sister city", status: "Signed", date: "2030" }),
  // 14: the step of row 3 again.
  row({ name: "Харбин", relation: "Sister city", status: "Active", date: "2017" }),
  // 15: a partner alone, new.
  row({ name: "Астана қаласының серіктесі", kind: "Region", country: "KZ" }),
  // 16: a step without its status, a partner of an unknown kind.
  row({ name: "Harbin", kind: "Village", relation: "Sister city", date: "2018" }),
];

describe("the partners template", () => {
  test("its headers are the partners export's, and each language's fold apart, so any of them reads back", () => {
    for (const lng of LANGUAGES) {
      const headers = templateHeaders(lng, "partners");
      expect(headers).toHaveLength(KEYS.length);
      expect(new Set(headers.map(fold)).size).toBe(headers.length);
    }
    expect(templateHeaders("en", "partners").slice(0, 2)).toEqual(["ID", "Name"]);
  });

  test("is served in Russian as CSV, and as XLSX, with the export's headers", async () => {
    const get = async (file: string) =>
      (await template({
        request: new Request(`http://localhost/import/template/${file}`, {
          headers: { Cookie: await cookieFor("editor") },
        }),
        params: { file },
        context: {},
      })) as Response;
    const csv = (await (await get("partners-ru.csv")).text()).replace(/^\uFEFF/, "").trim();
    expect(csv).toBe(templateHeaders("ru", "partners").join(","));
    expect(csv).toContain("Вид отношений");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await get("partners-kk.xlsx")).arrayBuffer());
    expect((workbook.worksheets[0].getRow(1).values as string[]).slice(1)).toEqual(templateHeaders("kk", "partners"));
  });
});

test("the preview says what each row matches or makes, every error by row and column, and writes nothing", async () => {
  const before = tally();
  const preview = await previewImport(await read(await xlsx("p.xlsx", rows())), errorMap);
  const byLine = new Map(preview.shown.map((r) => [r.line, r]));
  expect(byLine.get(2)).toMatchObject({
    status: "ready",
    notes: [
      { key: "matchesPartner", name: "Harbin" },
      { key: "newRelation", name: "Sister city" },
      { key: "newStep", name: "Signed, 2016-05-12" },
      { key: "matchesPerson", name: "Nurpeisov Zhanat" },
    ],
  });
  expect(byLine.get(3)).toMatchObject({
    status: "ready",
    notes: [
      { key: "matchesPartner", name: "Harbin" },
      { key: "newStep", name: "Active, 2017" },
    ],
  });
  expect(byLine.get(4)).toMatchObject({
    status: "ready",
    notes: [
      { key: "newPartner", name: "Казань" },
      { key: "newRelation", name: "Memorandum of cooperation" },
      { key: "newStep", name: "Proposed, 2019" },
      { key: "newPerson", name: "Ilsur Metshin" },
    ],
  });
  expect(byLine.get(5)).toMatchObject({ status: "ready", notes: [{ key: "newPartner" }, { key: "newStep" }] });
  const errorsOf = (line: number) =>
    byLine.get(line)?.errors.map((e) => [e.column, (e.message as { key: string }).key]);
  expect(errorsOf(6)).toEqual([["name", "imports.errors.partnerDiffers"]]);
  expect(byLine.get(6)?.errors[0].message).toMatchObject({ values: { row: "4" } });
  expect(errorsOf(7)).toEqual([["name", "imports.errors.duplicatePartner"]]);
  expect(errorsOf(8)).toEqual([["relation", "imports.errors.relationType"]]);
  expect(errorsOf(9)).toEqual([["date", "imports.errors.date"]]);
  expect(errorsOf(10)?.[0]).toEqual(["name", "imports.errors.formula"]);
  expect(errorsOf(11)).toEqual([["country", "imports.errors.countryNeeded"]]);
  expect(errorsOf(12)).toEqual([["relation", "imports.errors.severalRelations"]]);
  expect(byLine.get(13)?.errors).toEqual([{ column: "date", message: expect.stringMatching(/future/i) }]);
  expect(errorsOf(14)).toEqual([["date", "imports.errors.duplicateStep"]]);
  expect(byLine.get(15)).toMatchObject({ status: "ready", notes: [{ key: "newPartner" }] });
  expect(errorsOf(16)).toEqual([
    ["kind", "imports.errors.partnerKind"],
    ["status", "form.errors.required"],
  ]);
  expect(preview).toMatchObject({ rows: 15, ready: 5, errors: 10, unchanged: 0 });
  expect(tally()).toEqual(before);
});

test("the import writes the rows without errors as one import, and undo takes it all back", async () => {
  const db = getDb();
  const before = tally();
  const result = await commitImport(await read(await xlsx("p.xlsx", rows())), "partners.xlsx", errorMap, {
    userId: adminId,
  });
  expect(result).toMatchObject({ ready: 5, errors: 10 });
  expect(db.select().from(imports).where(eq(imports.id, result.id)).get()).toMatchObject({
    kind: "partners",
    rowCount: 5,
  });
  // Two new partners, two new relations, four steps, one new person.
  const [p, r, s, pe] = tally();
  expect([p - before[0], r - before[1], s - before[2], pe - before[3]]).toEqual([2, 2, 4, 1]);
  const kazan = db.select().from(partners).where(eq(partners.nameEn, "Kazan")).get()!;
  expect(kazan).toMatchObject({ nameRu: "Казань", kind: "city", countryCode: "RU", wikidataId: "Q900" });
  const [memorandum] = db.select().from(relations).where(eq(relations.partnerId, kazan.id)).all();
  expect(memorandum.type).toBe("memorandum");
  expect(
    db
      .select({ status: relationSteps.status, date: relationSteps.date })
      .from(relationSteps)
      .where(eq(relationSteps.relationId, memorandum.id))
      .all(),
  ).toEqual([
    { status: "proposed", date: "2019-01-01" },
    { status: "signed", date: "2020-03-01" },
  ]);
  const [sister] = db.select().from(relations).where(eq(relations.partnerId, harbin)).all();
  const steps = db.select().from(relationSteps).where(eq(relationSteps.relationId, sister.id)).all();
  expect(steps.map((x) => x.status)).toEqual(["signed", "active"]);
  expect(
    db.select().from(relationStepSignatories).where(eq(relationStepSignatories.stepId, steps[0].id)).all(),
  ).toMatchObject([{ personId: nurpeisov }]);

  // The same file again: what it made is on file now, unchanged; the errors stay errors (row 6's
  // Kazan in Germany is not the Kazan on file).
  const again = await previewImport(await read(await xlsx("p.xlsx", rows())), errorMap);
  expect(again).toMatchObject({ ready: 0 });
  expect(again.shown.filter((r) => r.status === "unchanged").map((r) => r.line)).toEqual([2, 3, 4, 5, 7, 14, 15]);
  expect(again.shown.find((r) => r.line === 6)?.errors[0]).toMatchObject({
    column: "name",
    message: { key: "imports.errors.partnerOnFileDiffers", values: { name: "Kazan" } },
  });

  expect(await undoImport(result.id, { userId: adminId })).toEqual({ ok: true, fileName: "partners.xlsx" });
  expect(tally().slice(0, 4)).toEqual(before.slice(0, 4));
  expect(db.select().from(partners).where(eq(partners.nameEn, "Kazan")).get()).toBeUndefined();
  expect(db.select().from(relations).where(eq(relations.partnerId, harbin)).all()).toEqual([]);
});

test("a step added by its relation's ID to a relation on file, through the import page in Russian", async () => {
  const relationId = aRelation(harbin, { type: "friendly", date: "2003", note: "Дружба" });
  const headers = templateHeaders("ru", "partners");
  const cells = row({
    id: String(harbin),
    name: "Harbin",
    nameEn: "Harbin",
    kind: "Город",
    country: "Китай",
    relationId: String(relationId),
    status: "Действует",
    date: "12 мая 2016",
  });
  const bad = row({ name: "Харбин", relation: "Союз", status: "Подписано", date: "2016" });
  const text = [headers, ...[cells, bad].map((r) => r.map((c) => (c == null ? "" : String(c))))]
    .map((r) => r.join(","))
    .join("\r\n");
  const body = new FormData();
  for (const [k, v] of Object.entries({ intent: "preview", kind: "partners", encoding: "auto" })) body.append(k, v);
  body.append("file", new File([text], "ru.csv", { type: "text/csv" }));
  const post = async (form: FormData | URLSearchParams) =>
    (await action({
      request: new Request("http://localhost/import", {
        method: "POST",
        headers: { Cookie: await cookieFor("editor"), "Accept-Language": "ru" },
        body: form,
      }),
      params: {},
      context: {},
    } as never)) as unknown;
  const reply = (
    (await post(body)) as {
      data: {
        stage: string;
        token: string;
        preview: { ready: number; shown: Array<{ notes: string[]; errors: string[] }> };
      };
    }
  ).data;
  expect(reply.stage).toBe("preview");
  expect(reply.preview.ready).toBe(1);
  // The error by its column, in the reader's language.
  expect(reply.preview.shown[1].errors).toEqual([
    "Вид отношений: Такого вида отношений нет: укажите одно из значений: Дружественные отношения, Меморандум о сотрудничестве, Город-побратим, Другие отношения.",
  ]);
  expect(reply.preview.shown[0].notes).toEqual([
    translatorFor("ru")("imports.matchesPartner", { name: "Harbin" }),
    "новый шаг: Действует, 12 мая 2016",
  ]);
  const done = await post(new URLSearchParams({ intent: "import", stagedId: reply.token }));
  expect(done).toBeInstanceOf(Response);
  const steps = getDb().select().from(relationSteps).where(eq(relationSteps.relationId, relationId)).all();
  expect(steps.map((s) => [s.status, s.date])).toEqual([
    ["signed", "2003-01-01"],
    ["active", "2016-05-12"],
  ]);

  // Undone, the relation on file is as it was: its first step alone.
  const last = getDb().select().from(imports).all().at(-1)!;
  expect(await undoImport(last.id, { userId: adminId })).toMatchObject({ ok: true });
  expect(
    getDb()
      .select({ status: relationSteps.status })
      .from(relationSteps)
      .where(eq(relationSteps.relationId, relationId))
      .all(),
  ).toEqual([{ status: "signed" }]);
});

test("a write that fails in the middle of the import leaves nothing written, and no import recorded", async () => {
  const db = getDb();
  const before = tally();
  const importsBefore = db.select({ n: count() }).from(imports).get()!.n;
  // Row 2 makes a partner, a relation and a step; row 3's step is refused by the database.
  db.$client.exec(
    "CREATE TEMP TRIGGER refuse_boom BEFORE INSERT ON relation_steps WHEN NEW.note = 'boom' BEGIN SELECT RAISE(ABORT, 'boom'); END",
  );
  try {
    const file = await read(
      await xlsx("boom.xlsx", [
        row({ name: "Tbilisi", kind: "City", country: "GE", relation: "Friendly relations", status: "Signed" }),
        row({ name: "Tbilisi", relation: "Friendly relations", status: "Active", date: "2020", stepNote: "boom" }),
      ]),
    );
    expect(await previewImport(file, errorMap)).toMatchObject({ ready: 2, errors: 0 });
    await expect(commitImport(file, "boom.xlsx", errorMap, { userId: adminId })).rejects.toThrow(/boom/);
  } finally {
    db.$client.exec("DROP TRIGGER refuse_boom");
  }
  expect(tally()).toEqual(before);
  expect(db.select().from(partners).where(eq(partners.nameEn, "Tbilisi")).get()).toBeUndefined();
  expect(db.select({ n: count() }).from(imports).get()!.n).toBe(importsBefore);
});
