/**
 * What a record is called in the lists of changes (the activity page, the bin, a record's
 * history), said on the server in the reader's language: the pages get these words, not the
 * stored rows.
 */
import { describe, expect, test } from "vitest";
import { translatorFor } from "~/i18n/i18n.server";
import { labelled, recordLabel } from "~/models/history-labels.server";
import { createPartner, deletePartner } from "~/models/partners/write.server";
import { loader as activityLoader } from "~/routes/admin.activity";
import { loader as binLoader } from "~/routes/admin.bin";
import { loader as historyLoader } from "~/routes/history.$recordType.$recordId";
import { accountFor, cookieFor } from "./support/accounts";

const kk = translatorFor("kk");
const en = translatorFor("en");

describe("a record's label in a list of changes", () => {
  test("a meeting: its date in words, in the reader's language, and the start of its purpose", () => {
    const row = { date: "2017-03-01", date_precision: "month", date_approximate: 0, purpose: "EXPO-2017" };
    expect(recordLabel("meeting", row, "en", en)).toBe("Meeting March 2017 · EXPO-2017");
    expect(recordLabel("meeting", row, "kk", kk)).toBe("Кездесу 2017 жылғы наурыз · EXPO-2017");
    const long = recordLabel("meeting", { ...row, purpose: "Ж".repeat(200) }, "en", en);
    expect(long).toBe(`Meeting March 2017 · ${"Ж".repeat(79)}…`);
    expect(recordLabel("meeting", { purpose: null }, "en", en)).toBe("Meeting date unknown");
  });

  test("a named record by the reader's language, falling back to another script", () => {
    const row = { name_kk: "Пекин", name_ru: "Пекин", name_en: "Beijing", name_native: "北京" };
    expect(recordLabel("partner", row, "en", en)).toBe("Beijing");
    expect(recordLabel("partner", row, "kk", kk)).toBe("Пекин");
    expect(recordLabel("person", { name_native: "李文华" }, "en", en)).toBe("李文华");
    expect(recordLabel("initiative", { title_ru: "Неделя культуры" }, "kk", kk)).toBe("Неделя культуры");
  });

  test("with no row, the kind of record; a page of entries sends labels, not rows", () => {
    expect(recordLabel("document", null, "en", en)).toBe("Document");
    const [entry] = labelled(
      [
        {
          id: 1,
          recordType: "partner" as const,
          at: "2026-11-24T22:30:15.000Z",
          snapshot: { row: { name_en: "Urumqi", notes: "kept on the server" } },
        },
      ],
      "en",
      en,
    );
    expect(entry).toEqual({
      id: 1,
      recordType: "partner",
      at: { iso: "2026-11-24T22:30:15.000Z", text: "25 November 2026, 03:30" },
      label: "Urumqi",
    });
  });
});

describe("the lists of changes send labels and differences, not the stored versions", () => {
  test("each entry is who, what, when and its label; no stored row reaches the page", async () => {
    const admin = await accountFor("admin");
    const actor = { userId: admin.id };
    const id = createPartner({ kind: "city", countryCode: "CN", nameEn: "Label City", nameRu: "Лейбл-Сити" }, actor);
    deletePartner(id, actor);
    const request = async (path: string) =>
      new Request(`http://localhost${path}`, {
        headers: { Cookie: await cookieFor("admin"), "Accept-Language": "ru" },
      });

    const activity = await activityLoader({ request: await request("/admin/activity"), params: {}, context: {} });
    const bin = await binLoader({ request: await request("/admin/bin"), params: {}, context: {} });
    const history = await historyLoader({
      request: await request(`/history/partner/${id}`),
      params: { recordType: "partner", recordId: String(id) },
      context: {},
    });
    expect(history.label).toBe("Лейбл-Сити");
    // A record's own history: each entry's differences in words, not the versions they came from.
    expect(history.page.items.map(({ action, hasVersion }) => [action, hasVersion])).toEqual([
      ["delete", false],
      ["create", true],
    ]);
    expect(history.page.items.some((entry) => "before" in entry || "after" in entry)).toBe(false);
    for (const items of [activity.page.items, bin.page.items]) {
      const entry = items.find((item) => item.recordId === id)!;
      expect(entry).toMatchObject({ recordType: "partner", action: "delete", label: "Лейбл-Сити" });
      expect(Object.keys(entry).sort()).toEqual([
        "action",
        "at",
        "id",
        "label",
        "outside",
        "recordId",
        "recordType",
        "userId",
        "userName",
      ]);
    }
  });
});
