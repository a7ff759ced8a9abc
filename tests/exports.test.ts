/**
 * Issue 16.2: lists as CSV and XLSX, with the page's filters, headers in the reader's language,
 * dates at their typed precision, formula-looking cells neutralised, bounded, signed-in only.
 * The XLSX is read back with exceljs, the reader the import will use.
 */
import ExcelJS from "exceljs";
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { SYSTEM } from "~db/history";
import { initiatives, meetings } from "~db/schema";
import { getDb } from "~/db.server";
import { importDate } from "~/exchange/columns";
import { EXPORT_LIMIT, exportTable, inExportTurn, restoreCell } from "~/exchange/export.server";
import { translatorFor } from "~/i18n/i18n.server";
import { createPartner } from "~/models/partners/write.server";
import { cookieFor } from "./support/accounts";

const { loader } = await import("~/routes/export.$file");

async function download(file: string, query = "", language = "en", signedIn = true) {
  const request = new Request(`http://localhost/export/${file}${query}`, {
    headers: { "Accept-Language": language, ...(signedIn ? { Cookie: await cookieFor("viewer") } : {}) },
  });
  try {
    return (await loader({ request, params: { file }, context: {} })) as Response;
  } catch (thrown) {
    return thrown as Response;
  }
}

// Response.text() drops the BOM, as a UTF-8 reader should; the first test reads the bytes.

/** RFC 4180, enough for these files: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && c === '"') quoted = false;
    else if (quoted) field += c;
    else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  return rows;
}

const ids: Record<string, number> = {};

beforeAll(() => {
  const db = getDb();
  // Through the model, which writes the name keys that search and the name filters read.
  const partner = (nameRu: string, nameEn: string) =>
    createPartner({ kind: "province", countryCode: "CN", nameRu, nameEn }, SYSTEM);
  ids.heilongjiang = partner("Хэйлунцзян", "Heilongjiang");
  ids.beijing = partner("Пекин", "Beijing");
  const meeting = (values: Partial<typeof meetings.$inferInsert>) =>
    db
      .insert(meetings)
      .values({ language: "ru", partnerId: ids.heilongjiang, ...values })
      .returning({ id: meetings.id })
      .get().id;
  ids.approx = meeting({ date: "2016-01-01", datePrecision: "year", dateApproximate: true, purpose: "Дружба" });
  ids.month = meeting({ date: "2016-05-01", datePrecision: "month", purpose: '=HYPERLINK("http://evil","x")' });
  ids.day = meeting({
    date: "2016-05-12",
    datePrecision: "day",
    startTime: "15:30",
    purpose: "+7 701 000 00 00, @home; -1",
    location: "Астана",
  });
  ids.other = meeting({ date: "2017-03-01", datePrecision: "day", partnerId: ids.beijing, purpose: "Другой год" });
  db.insert(initiatives)
    .values([
      { titleRu: "ЭКСПО-2017", kind: "event", status: "agreed", partnerId: ids.heilongjiang },
      { titleRu: "Дни Хэйлунцзяна", kind: "culture", status: "done", partnerId: ids.heilongjiang },
    ])
    .run();
});

describe("a list as CSV", () => {
  test("starts with the BOM, has the headers in the reader's language, and only the filtered rows", async () => {
    const response = await download("meetings.csv", "?year=2016&page=3", "ru");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="meetings-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [headers, ...rows] = parseCsv(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1));
    const t = translatorFor("ru");
    expect(headers).toEqual([
      "ID",
      t("meeting.date"),
      t("meeting.time"),
      t("meeting.partner"),
      t("meeting.host"),
      t("meeting.place"),
      t("meeting.purpose"),
      // What the import reads back as well (issue 15.1).
      t("partner.country"),
      t("exports.ours"),
      t("exports.guests"),
      t("meeting.summary"),
      t("meeting.topics"),
      t("exports.initiatives"),
      t("exports.sourceUrl"),
      t("exports.outlet"),
    ]);
    expect(headers[1]).toBe("Дата");
    // Only 2016 (the page's filter), every page of it (the page number is not a filter).
    expect(rows.map((r) => Number(r[0]))).toEqual([ids.day, ids.month, ids.approx]);
    // Dates as typed: the day, the month, the year "approx." in the reader's language.
    expect(rows.map((r) => r[1])).toEqual(["2016-05-12", "2016-05", "2016 прибл."]);
    expect(rows[0][3]).toBe("Хэйлунцзян");
    // The start time as the form takes it (the 2016 meeting of a day has one).
    expect(rows.map((r) => r[2])).toEqual(["15:30", "", ""]);
  });

  test("writes a formula-looking cell so that a spreadsheet shows it and never runs it", async () => {
    const text = await (await download("meetings.csv", "?year=2016")).text();
    const rows = parseCsv(text.replace(/^\uFEFF/, ""));
    const purposes = new Map(rows.slice(1).map((r) => [Number(r[0]), r[6]]));
    expect(purposes.get(ids.month)).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(purposes.get(ids.day)).toBe("'+7 701 000 00 00, @home; -1");
    expect(text).not.toMatch(/(^|,)[=+\-@]/m);
    // The import takes back what was typed.
    expect(restoreCell(purposes.get(ids.month)!)).toBe('=HYPERLINK("http://evil","x")');
  });

  test("dates read back as they were stored", async () => {
    const rows = parseCsv(await (await download("meetings.csv", "?year=2016")).text());
    expect(rows.slice(1).map((r) => importDate(r[1], [translatorFor("en")("exports.approx")]))).toEqual([
      { value: "2016-05-12", precision: "day", approximate: false },
      { value: "2016-05-01", precision: "month", approximate: false },
      { value: "2016-01-01", precision: "year", approximate: true },
    ]);
  });

  test("follows the other lists' filters too", async () => {
    const partnerFiltered = parseCsv(
      (await (await download("meetings.csv", `?partner=${ids.beijing}`)).text()).slice(1),
    );
    expect(partnerFiltered.slice(1).map((r) => Number(r[0]))).toEqual([ids.other]);
    const done = parseCsv(await (await download("initiatives.csv", "?status=done", "ru")).text());
    expect(done.slice(1).map((r) => [r[1], r[2]])).toEqual([
      ["Дни Хэйлунцзяна", translatorFor("ru")("initiative.statuses.done")],
    ]);
    const found = parseCsv(await (await download("search.csv", "?q=Пекин", "en")).text());
    expect(found[0]).toEqual(["Kind", "ID", "Name", "Date"]);
    expect(found.slice(1)).toContainEqual(["Partner", String(ids.beijing), "Beijing", ""]);
    const partnerList = parseCsv(await (await download("partners.csv", "", "en")).text());
    expect(partnerList.slice(1).map((r) => r[1])).toEqual(["Beijing", "Heilongjiang"]);
  });
});

describe("a list as XLSX", () => {
  test("opens with exceljs and holds the filtered rows, headers translated, formulas as text", async () => {
    const response = await download("meetings.xlsx", "?year=2016", "kk");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe("Кездесулер");
    const values = (n: number) => (sheet.getRow(n).values as ExcelJS.CellValue[]).slice(1);
    expect(values(1)[1]).toBe(translatorFor("kk")("meeting.date"));
    expect(sheet.rowCount).toBe(4);
    expect([2, 3, 4].map((n) => values(n)[0])).toEqual([ids.day, ids.month, ids.approx]);
    expect([2, 3, 4].map((n) => values(n)[1])).toEqual(["2016-05-12", "2016-05", "2016 шамамен"]);
    // A text cell, shown as typed and never run: no formula, and no apostrophe (that is the CSV's).
    const formulaLike = sheet.getRow(3).getCell(7);
    expect(formulaLike.type).toBe(ExcelJS.ValueType.String);
    expect(formulaLike.formula).toBeUndefined();
    expect(formulaLike.value).toBe(`=HYPERLINK("http://evil","x")`);
  });
});

describe("exports", () => {
  test("are for signed-in accounts only", async () => {
    const response = await download("meetings.csv", "", "en", false);
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toMatch(/^\/sign-in\?redirectTo=/);
  });

  test("of a list or format that is not one are a 404", async () => {
    for (const file of ["users.csv", "meetings.json", "meetings.csv.exe", "../meetings.csv"])
      expect((await download(file)).status, file).toBe(404);
  });

  test(`hold at most ${EXPORT_LIMIT} rows, and say when they were cut`, async () => {
    const db = getDb();
    db.$client.transaction(() => {
      for (let i = 0; i <= EXPORT_LIMIT; i++)
        db.insert(meetings).values({ language: "en", date: "1990-01-01", datePrecision: "year" }).run();
    })();
    let started = performance.now();
    const response = await download("meetings.xlsx", "?year=1990");
    const file = await response.arrayBuffer();
    const made = performance.now() - started;
    started = performance.now();
    const csvSize = (await (await download("meetings.csv", "?year=1990")).arrayBuffer()).byteLength;
    console.log(
      `${EXPORT_LIMIT} meetings: XLSX ${Math.round(made)} ms, ${file.byteLength} bytes; CSV ${Math.round(performance.now() - started)} ms, ${csvSize} bytes`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file);
    expect(response.headers.get("X-Export-Total")).toBe(String(EXPORT_LIMIT + 1));
    expect(response.headers.get("X-Export-Truncated")).toBe("true");
    expect(workbook.worksheets[0].rowCount).toBe(EXPORT_LIMIT + 1);
    const csv = await download("meetings.csv", "?year=2016");
    expect(csv.headers.get("X-Export-Truncated")).toBe("false");
  }, 60_000);

  test("are built a turn at a time: others are answered meanwhile, and what they save is read whole", async () => {
    // The 1990 meetings of the test above, newest id first: the last turn reads the oldest.
    const db = getDb();
    const oldest = db
      .select({ id: meetings.id })
      .from(meetings)
      .where(eq(meetings.date, "1990-01-01"))
      .orderBy(asc(meetings.id))
      .limit(3)
      .all()
      .map((m) => m.id);
    const [, edited, deleted] = oldest as [number, number, number];
    const building = Promise.resolve(
      exportTable("meetings", new URLSearchParams("year=1990"), "en", translatorFor("en")),
    );
    // Another request's saves, one a turn, while the export is built.
    let turns = 0;
    let done = false;
    void building.finally(() => (done = true));
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      if (done) break;
      turns++;
      db.update(meetings)
        .set({ purpose: `Edited in turn ${turns}` })
        .where(eq(meetings.id, edited))
        .run();
      if (turns === 1) db.delete(meetings).where(eq(meetings.id, deleted)).run();
    }
    const { rows } = await building;
    // A turn between each 250 rows it reads (the first and last read next to the test's own turns).
    expect(turns).toBeGreaterThanOrEqual(EXPORT_LIMIT / 250 - 2);
    const exported = rows.map((row) => Number(row[0]));
    // Read after the other saves: the deleted meeting is left out, the edited one is as saved.
    expect(exported).not.toContain(deleted);
    expect(rows.find((row) => Number(row[0]) === edited)?.[6]).toMatch(/^Edited in turn \d+$/);
    expect(exported).toEqual([...exported].sort((a, b) => b - a));
    expect(rows.every((row) => row[1] === "1990")).toBe(true);
  }, 60_000);

  test("are built two at a time in a process: a third waits for one of them to end", async () => {
    const started: number[] = [];
    const ends: Array<() => void> = [];
    const building = [1, 2, 3].map((n) =>
      inExportTurn(() => {
        started.push(n);
        return new Promise<number>((resolve) => ends.push(() => resolve(n)));
      }),
    );
    const turn = () => new Promise((resolve) => setImmediate(resolve));
    await turn();
    expect(started).toEqual([1, 2]);
    ends[1]!();
    expect(await building[1]).toBe(2);
    await turn();
    expect(started).toEqual([1, 2, 3]);
    ends[0]!();
    ends[2]!();
    expect(await Promise.all(building)).toEqual([1, 2, 3]);
    // And a build that fails gives its place up.
    await expect(inExportTurn(() => Promise.reject(new Error("failed")))).rejects.toThrow("failed");
    const after = await Promise.all([1, 2].map((n) => inExportTurn(async () => n)));
    expect(after).toEqual([1, 2]);
  });

  test("three asked at once are each answered whole", async () => {
    const answers = await Promise.all(
      ["meetings.xlsx", "meetings.csv", "meetings.xlsx"].map((f) => download(f, "?year=1990")),
    );
    for (const answer of answers) expect(answer.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await answers[2]!.arrayBuffer());
    expect(workbook.worksheets[0].rowCount).toBe(EXPORT_LIMIT + 1);
    expect(parseCsv((await answers[1]!.text()).slice(1)).length).toBe(EXPORT_LIMIT + 1);
  }, 60_000);
});
