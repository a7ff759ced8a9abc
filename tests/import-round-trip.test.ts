/**
 * Issue 15.1 and 16's "a round trip export → import of the demo data changes nothing": each
 * kind's export is its import's template, so the demo history's meetings, people and partners
 * (with their relations and steps) exported, as CSV and as XLSX, in each language, and imported
 * back change nothing: every row is found by its ID, compared with the record on file, and left
 * as it is; no record and no history entry is added.
 */
import fs from "node:fs";
import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import {
  history,
  imports,
  meetings,
  partners,
  people,
  relationStepSignatories,
  relationSteps,
  relations,
  sources,
} from "~db/schema";
import { getDb } from "~/db.server";
import { formErrorMap } from "~/forms/error-map";
import { LANGUAGES } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import { seedDemoData } from "~/models/demo-data.server";
import { commitImport, previewImport, readImportFile, type ImportKind } from "~/models/imports.server";
import { aPerson, aRelationStep } from "./support/factories";
import { accountFor, cookieFor } from "./support/accounts";
import { temporaryDirectory } from "./support/temporary-directory";

const { loader } = await import("~/routes/export.$file");
const dir = temporaryDirectory("round-trip");

beforeAll(() => {
  const db = getDb();
  seedDemoData(db);
  // A relation of the demo with a second step, signed by two people, one of them new, with its
  // source: the partners file then has a partner on two rows and every step column filled.
  const heilongjiang = db
    .select({ id: partners.id })
    .from(partners)
    .where(eq(partners.nameEn, "Heilongjiang Province"))
    .get();
  const relation = db
    .select({ id: relations.id })
    .from(relations)
    .where(heilongjiang ? eq(relations.partnerId, heilongjiang.id) : sql`1`)
    .get()!;
  // A meeting with its start time: the file keeps it, and reads it back as the same.
  const first = db.select({ id: meetings.id }).from(meetings).get()!;
  db.update(meetings).set({ startTime: "09:05" }).where(eq(meetings.id, first.id)).run();
  const signatory = aPerson({ nameKk: "Сапарова Айгерім", nameEn: "Saparova Aigerim" });
  aRelationStep(relation.id, {
    status: "signed",
    date: "2017-06",
    note: "Меморандум; екі тарап",
    signatories: [{ personId: signatory }, { name: "Wang Wenhua" }],
    sourceOutlet: "Kazinform",
    sourceTitle: "=Signed in Harbin",
    sourceUrl: "https://example.kz/harbin",
  });
});

async function exported(file: string, language: string) {
  const request = new Request(`http://localhost/export/${file}`, {
    headers: { "Accept-Language": language, Cookie: await cookieFor("viewer") },
  });
  const response = (await loader({ request, params: { file }, context: {} })) as Response;
  const target = path.join(dir, `${language}-${file}`);
  fs.writeFileSync(target, Buffer.from(await response.arrayBuffer()));
  return target;
}

const tables = [meetings, partners, people, relations, relationSteps, relationStepSignatories, sources, history];
const counts = () => tables.map((t) => getDb().select({ n: count() }).from(t).get()!.n);

/** The rows each kind's export writes: a partner a row per step of its relations, or one alone. */
function exportedRows(kind: ImportKind) {
  const db = getDb();
  if (kind === "meetings") return db.select({ n: count() }).from(meetings).get()!.n;
  if (kind === "people") return db.select({ n: count() }).from(people).get()!.n;
  return db.get<{ n: number }>(sql`
    SELECT count(*) AS n FROM partners p
    LEFT JOIN relations r ON r.partner_id = p.id
    LEFT JOIN relation_steps s ON s.relation_id = r.id
    WHERE p.is_home = 0`).n;
}

const cases = (["meetings", "people", "partners"] as const).flatMap((kind) =>
  (["csv", "xlsx"] as const).flatMap((format) => LANGUAGES.map((lng) => [kind, format, lng] as const)),
);

test("the demo holds a partner with a relation of several steps, signatories and sources", () => {
  const steps = getDb().select({ n: count() }).from(relationSteps).get()!.n;
  expect(steps).toBeGreaterThan(getDb().select({ n: count() }).from(relations).get()!.n);
  expect(exportedRows("partners")).toBeGreaterThan(2);
});

test.each(cases)(
  "%s.%s in %s: every row is on file and unchanged; importing it writes no record and no history",
  async (kind, format, lng) => {
    const before = counts();
    const imported = getDb().select({ n: count() }).from(imports).get()!.n;
    const rows = exportedRows(kind);
    expect(rows).toBeGreaterThan(0);
    const file = await readImportFile(await exported(`${kind}.${format}`, lng), "auto", undefined, kind);
    expect(file.lng).toBe(lng);
    const errorMap = formErrorMap(translatorFor(lng));
    const preview = await previewImport(file, errorMap);
    expect(preview.shown.filter((r) => r.status !== "unchanged")).toEqual([]);
    expect(preview.shown.every((r) => r.notes.some((n) => n.key === "unchanged"))).toBe(true);
    expect(preview).toMatchObject({ rows, unchanged: rows, ready: 0, errors: 0 });
    const result = await commitImport(file, `${kind}.${format}`, errorMap, { userId: (await accountFor("admin")).id });
    expect(result).toMatchObject({ ready: 0, errors: 0, unchanged: rows });
    // Records, their children and the history as they were; only the import itself is noted.
    expect(counts()).toEqual(before);
    expect(getDb().select({ n: count() }).from(imports).get()!.n).toBe(imported + 1);
  },
);
