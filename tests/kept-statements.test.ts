/**
 * drizzle's statements are kept by the connection (db/client.ts): the same query is prepared
 * once, gives the same rows however it was last asked, and the kept ones stay bounded.
 */
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { eq, sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import { KEPT_CHARACTERS, KEPT_STATEMENTS } from "~db/client";
import { partners } from "~db/schema";

describe("a connection keeps the statements drizzle prepares", () => {
  const prepared: string[] = [];
  const sqlite = getDb().$client;
  const prepare = sqlite.prepare.bind(sqlite);

  beforeEach(() => {
    prepared.length = 0;
    sqlite.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare;
  });
  afterEach(() => {
    sqlite.prepare = prepare;
  });

  test("a query run again is not prepared again, and reads what was written between", () => {
    const db = getDb();
    const [{ id }] = db
      .insert(partners)
      .values({ kind: "city", nameEn: "Tashkent", countryCode: "UZ" })
      .returning({ id: partners.id })
      .all();
    const read = () => db.select({ name: partners.nameEn }).from(partners).where(eq(partners.id, id)).get();
    expect(read()).toEqual({ name: "Tashkent" });
    db.update(partners).set({ nameEn: "Toshkent" }).where(eq(partners.id, id)).run();
    expect(read()).toEqual({ name: "Toshkent" });
    const readText = db.select({ name: partners.nameEn }).from(partners).where(eq(partners.id, id)).toSQL().sql;
    expect(prepared.filter((source) => source === readText)).toHaveLength(1);
  });

  test("the same text asked for arrays, then for objects, gives objects", () => {
    const db = getDb();
    db.insert(partners).values({ kind: "city", nameEn: "Bishkek", countryCode: "KG" }).run();
    // drizzle reads a select with named columns as arrays (raw mode) and maps them itself...
    const query = db
      .select({ id: partners.id, name: partners.nameEn })
      .from(partners)
      .where(eq(partners.nameEn, "Bishkek"));
    expect(query.all()).toEqual([{ id: expect.any(Number), name: "Bishkek" }]);
    // ...and the same text written by hand is read as objects by SQLite's own column names.
    const { sql: text } = query.toSQL();
    expect(text).toMatch(/= \?$/);
    const byHand = db.all(sql`${sql.raw(text.slice(0, -1))}${"Bishkek"}`);
    expect(byHand).toEqual([{ id: expect.any(Number), name_en: "Bishkek" }]);
    expect(prepared.filter((source) => source === text)).toHaveLength(1);
  });

  test(`at most ${KEPT_STATEMENTS} are kept: the least recently used is prepared anew`, () => {
    const db = getDb();
    const texts = Array.from({ length: KEPT_STATEMENTS + 1 }, (_, i) => `select ${i} as n`);
    for (const text of texts) expect(db.get(sql.raw(text))).toEqual({ n: Number(text.split(" ")[1]) });
    // The last one is still kept; the first went when the last came.
    db.get(sql.raw(texts.at(-1)!));
    db.get(sql.raw(texts[0]));
    expect(prepared.filter((source) => source === texts.at(-1))).toHaveLength(1);
    expect(prepared.filter((source) => source === texts[0])).toHaveLength(2);
  });

  test(`at most ${KEPT_CHARACTERS.toLocaleString("en")} characters of SQL are kept, however few the statements`, () => {
    const db = getDb();
    // Long texts, as an insert of a form's longest list is: fifty-one of 10,000 characters.
    const texts = Array.from({ length: KEPT_CHARACTERS / 10_000 + 1 }, (_, i) => {
      const head = `select ${i} as n /* `;
      return `${head}${"x".repeat(10_000 - head.length - 3)} */`;
    });
    for (const text of texts) db.get(sql.raw(text));
    db.get(sql.raw(texts.at(-1)!));
    db.get(sql.raw(texts[1]));
    db.get(sql.raw(texts[0]));
    expect(prepared.filter((source) => source === texts.at(-1))).toHaveLength(1);
    expect(prepared.filter((source) => source === texts[1])).toHaveLength(1);
    expect(prepared.filter((source) => source === texts[0])).toHaveLength(2);
  });

  test("a write that fails in a transaction leaves nothing, and the same write succeeds after", () => {
    const db = getDb();
    const insert = (name: string) =>
      db.insert(partners).values({ kind: "city", nameEn: name, countryCode: "TJ" }).run();
    expect(() =>
      db.transaction(() => {
        insert("Dushanbe");
        throw new Error("the form's second table refused its row");
      }),
    ).toThrow(/refused/);
    const count = () => db.select({ id: partners.id }).from(partners).where(eq(partners.nameEn, "Dushanbe")).all();
    expect(count()).toHaveLength(0);
    insert("Dushanbe");
    expect(count()).toHaveLength(1);
  });
});
