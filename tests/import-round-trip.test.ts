/**
 * Issue 15.1: the meetings export is the import's template, so the demo history's meetings
 * exported (CSV and XLSX, in each language) and imported back change nothing: every row is
 * found by its ID, compared with the meeting on file, and left as it is.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { count } from "drizzle-orm";
import { beforeAll, expect, test } from "vitest";
import { history, meetings, partners, people } from "~db/schema";
import { getDb } from "~/db.server";
import { formErrorMap } from "~/forms/error-map";
import { translatorFor } from "~/i18n/i18n.server";
import { seedDemoData } from "~/models/demo-data.server";
import { commitImport, previewImport, readImportFile } from "~/models/imports.server";
import { accountFor, cookieFor } from "./support/accounts";

const { loader } = await import("~/routes/export.$file");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-round-trip-"));

beforeAll(() => {
  seedDemoData(getDb());
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

const counts = () => [meetings, partners, people, history].map((t) => getDb().select({ n: count() }).from(t).get()!.n);

test.each([
  ["meetings.csv", "kk"],
  ["meetings.csv", "ru"],
  ["meetings.xlsx", "en"],
])("%s in %s: every row is on file and unchanged; importing it writes nothing", async (file, language) => {
  const before = counts();
  expect(before[0]).toBeGreaterThan(0);
  const rows = await readImportFile(await exported(file, language), "auto");
  const errorMap = formErrorMap(translatorFor("en"));
  const preview = previewImport(rows, errorMap);
  expect(preview.shown.filter((r) => r.status !== "unchanged")).toEqual([]);
  expect(preview).toMatchObject({ rows: before[0], unchanged: before[0], ready: 0, errors: 0 });
  const result = commitImport(rows, file, errorMap, { userId: (await accountFor("admin")).id });
  expect(result.ready).toBe(0);
  expect(counts()).toEqual(before);
});

test.each([
  ["people.csv", "kk"],
  ["people.csv", "ru"],
  ["people.xlsx", "en"],
])(
  "%s in %s: the people export imported back as people is every person unchanged; nothing written",
  async (file, language) => {
    const before = counts();
    expect(before[2]).toBeGreaterThan(0);
    const rows = await readImportFile(await exported(file, language), "auto", undefined, "people");
    const errorMap = formErrorMap(translatorFor("en"));
    const preview = previewImport(rows, errorMap);
    expect(preview.shown.filter((r) => r.status !== "unchanged")).toEqual([]);
    expect(preview).toMatchObject({ rows: before[2], unchanged: before[2], ready: 0, errors: 0 });
    const result = commitImport(rows, file, errorMap, { userId: (await accountFor("admin")).id });
    expect(result.ready).toBe(0);
    expect(counts()).toEqual(before);
  },
);
