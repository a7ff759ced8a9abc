/**
 * Issue 17, round 3: each kind of record has its own full-text index (migration 0024), so that a
 * query for words that begin as typed reads only that kind's rows. Migration 0024 carries every
 * row of the one index over to its kind's; the writes keep each kind's index as they kept the one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, test } from "vitest";
import { migrationsUpTo } from "./support/migrations";
import { openDatabase } from "~db/client";
import { SYSTEM } from "~db/history";
import { foldForMatch } from "~db/shared/fold";
import { getDb } from "~/db.server";
import { DelegationSchema } from "~/forms/delegation";
import { PartnerSchema } from "~/forms/partner";
import { RelationFieldsSchema, RelationSchema } from "~/forms/relation";
import { deleteDelegation, saveDelegation } from "~/models/delegations.server";
import { createPartner, deletePartner, updatePartner } from "~/models/partners/write.server";
import { createRelation, deleteRelation, updateRelation } from "~/models/relations/write.server";
import { indexPartner, removeFromSearch, searchRowid, SEARCH_KINDS } from "~/models/search-index.server";
import { searchTexts } from "~/models/search.server";
import { migrateDatabase } from "~/models/writes.server";

const partnerInput = (nameEn: string) => PartnerSchema.parse({ kind: "city", countryCode: "UZ", nameEn });

describe("written through the models, found through each kind's index", () => {
  test("a partner is found by its new name once renamed, by neither once deleted", () => {
    const id = createPartner(partnerInput("Quvasoyabad"), SYSTEM);
    expect(searchTexts("quvasoy", "en").partner.map((p) => p.id)).toEqual([id]);

    updatePartner(id, partnerInput("Marghilonabad"), SYSTEM);
    expect(searchTexts("quvasoy", "en").partner).toEqual([]);
    expect(searchTexts("marghilon", "en").partner.map((p) => p.id)).toEqual([id]);

    expect(deletePartner(id, SYSTEM)).toMatchObject({ deleted: true });
    expect(searchTexts("marghilon", "en").partner).toEqual([]);
  });

  test("a relation and a delegation are found by their texts, renamed with their partner, and gone once deleted", () => {
    const partner = createPartner(partnerInput("Namanganabad"), SYSTEM);
    const relation = createRelation(
      partner,
      RelationSchema.parse({
        type: "friendly",
        note: "Pistachio orchards",
        status: "proposed",
        date: { unknown: true },
      }),
      "en",
      SYSTEM,
    );
    if (!relation.ok) throw new Error("relation not saved");
    const delegation = saveDelegation(
      undefined,
      DelegationSchema.parse({ partnerId: partner, direction: "incoming", arrival: { year: "2025" }, purpose: "Silk" }),
      SYSTEM,
    );
    if (!delegation.ok) throw new Error("delegation not saved");

    // Each kind's words are in its own index only: the relation's note finds no delegation.
    const found = searchTexts("pistach", "en");
    expect(found.relation.map((r) => r.id)).toEqual([relation.id]);
    expect(found.delegation).toEqual([]);
    expect(found.partner).toEqual([]);
    expect(searchTexts("namanganab", "en").delegation.map((d) => d.id)).toEqual([delegation.id]);

    updateRelation(relation.id, RelationFieldsSchema.parse({ type: "friendly", note: "Walnut groves" }), SYSTEM);
    expect(searchTexts("pistach", "en").relation).toEqual([]);
    expect(searchTexts("walnut", "en").relation.map((r) => r.id)).toEqual([relation.id]);

    // The partner's new name reaches the relation's and the delegation's rows too.
    updatePartner(partner, partnerInput("Andijonabad"), SYSTEM);
    expect(searchTexts("namanganab", "en").delegation).toEqual([]);
    expect(searchTexts("andijonab", "en").delegation.map((d) => d.id)).toEqual([delegation.id]);
    expect(searchTexts("andijonab walnut", "en").relation.map((r) => r.id)).toEqual([relation.id]);

    deleteRelation(relation.id, SYSTEM);
    expect(searchTexts("walnut", "en").relation).toEqual([]);
    expect(deleteDelegation(delegation.id, SYSTEM)).toMatchObject({ deleted: true });
    expect(searchTexts("andijonab", "en").delegation).toEqual([]);
  });

  test("no kind's rows are left in another kind's index", () => {
    const db = getDb().$client;
    for (const kind of SEARCH_KINDS) {
      const table = `search_text_${kind}`;
      const rows = db.prepare(`select rowid, record_id as id from ${table}`).all() as Array<{
        rowid: number;
        id: number;
      }>;
      const kept = db.prepare("select fts_rowid as rowid, record_id as id from search_rows where kind = ?").all(kind);
      expect(
        rows.sort((a, b) => a.rowid - b.rowid),
        table,
      ).toEqual((kept as typeof rows).sort((a, b) => a.rowid - b.rowid));
    }
  });
});

/**
 * A database at the migration before 0024, its records in the one index as that code wrote
 * them: after 0024 each is found through its kind's index, under the same rowid, and the writes
 * then replace and remove rows there.
 */
describe("the one index, at the migration before 0024", () => {
  test("is carried over to one index per kind, row for row, and the writes keep them", async () => {
    const { migrate } = await import("drizzle-orm/better-sqlite3/migrator");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "kezdesu-migrate-search-"));
    const partial = migrationsUpTo(dir, (tag) => tag.endsWith("_search_text_per_kind"), { including: false });

    const db = openDatabase(path.join(dir, "old.db"));
    try {
      migrate(db, { migrationsFolder: partial });
      const sql = db.$client;
      sql.exec(`
        INSERT INTO partners (id, kind, country_code, name_en) VALUES (7, 'city', 'TR', 'Samsun');
        INSERT INTO meetings (id, date, date_precision, date_approximate, language, purpose) VALUES
          (3, '2021-06-12', 'day', 0, 'ru', 'Обсуждение хлопка'), (4, NULL, 'unknown', 0, 'ru', 'Хлопковые ярмарки');
        INSERT INTO initiatives (id, kind, status, title_en) VALUES (5, 'trade', 'proposed', 'Cotton fair');
        INSERT INTO relations (id, partner_id, type, note) VALUES (6, 7, 'friendly', 'Cotton port');
      `);
      const rows = [
        { kind: "meeting", id: 3, date: "2021-06-12", body: "Обсуждение хлопка" },
        { kind: "meeting", id: 4, date: null, body: "Хлопковые ярмарки" },
        { kind: "initiative", id: 5, date: null, body: "Cotton fair" },
        { kind: "partner", id: 7, date: null, body: "Samsun Turkey" },
        { kind: "relation", id: 6, date: null, body: "Samsun Cotton port" },
      ] as const;
      const addText = sql.prepare("insert into search_text (rowid, kind, record_id, body) values (?, ?, ?, ?)");
      const addRow = sql.prepare("insert into search_rows (kind, record_id, fts_rowid) values (?, ?, ?)");
      for (const row of rows) {
        const rowid = searchRowid(row.kind, row.id, row.date);
        addText.run(BigInt(rowid), row.kind, row.id, foldForMatch(row.body));
        addRow.run(row.kind, row.id, BigInt(rowid));
      }

      sql.exec("DELETE FROM pending_changes"); // as the app's transaction left them
      // Then another program renames the partner: its mark is pending when the app starts.
      sql.exec("UPDATE partners SET name_en = 'Sinop' WHERE id = 7");

      migrateDatabase(db);

      expect(sql.prepare("select count(*) from sqlite_schema where name = 'search_text'").pluck().get()).toBe(0);
      const found = (kind: string, words: string) =>
        sql
          .prepare(
            `select rowid, record_id as id from search_text_${kind} where search_text_${kind} match ? order by rowid`,
          )
          .all(
            foldForMatch(words)
              .split(" ")
              .map((w) => `"${w}"*`)
              .join(" AND "),
          ) as Array<{ rowid: number; id: number }>;
      for (const row of rows.filter((r) => r.kind === "meeting" || r.kind === "initiative"))
        expect(found(row.kind, row.body.split(" ")[0]), `${row.kind} ${row.id}`).toContainEqual({
          rowid: searchRowid(row.kind, row.id, row.date),
          id: row.id,
        });
      // The partner and its relation are re-indexed under the name the other program gave.
      expect(found("partner", "samsun")).toEqual([]);
      expect(found("partner", "sinop")).toEqual([{ rowid: searchRowid("partner", 7), id: 7 }]);
      expect(found("relation", "sinop cotton")).toEqual([{ rowid: searchRowid("relation", 6), id: 6 }]);
      // Each kind holds only its own rows.
      expect(found("meeting", "хлопк").map((r) => r.id)).toEqual([4, 3]);
      expect(found("initiative", "cotton").map((r) => r.id)).toEqual([5]);
      expect(found("relation", "cotton").map((r) => r.id)).toEqual([6]);
      expect(found("partner", "cotton")).toEqual([]);
      expect(found("meeting", "cotton")).toEqual([]);

      // The writes replace and remove rows in the kind's index.
      sql.prepare("update partners set name_en = 'Trabzon' where id = 7").run();
      indexPartner(db, 7);
      expect(found("partner", "sinop")).toEqual([]);
      expect(found("partner", "trabzon").map((r) => r.id)).toEqual([7]);
      removeFromSearch(db, "meeting", 3);
      expect(found("meeting", "хлопк").map((r) => r.id)).toEqual([4]);
      expect(sql.pragma("integrity_check", { simple: true })).toBe("ok");
    } finally {
      db.$client.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
