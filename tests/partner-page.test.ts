import { expect, test } from "vitest";
import { initiatives, meetings, partners } from "~db/schema";
import { getDb } from "~/db.server";
import { cookieFor } from "./support/accounts";

test("a busy partner's page shows a page of its history and the newest initiatives, with the way to the rest", async () => {
  const db = getDb();
  const id = db
    .insert(partners)
    .values({ kind: "city", countryCode: "CN", nameEn: "Busy City" })
    .returning({ id: partners.id })
    .get().id;
  db.$client.transaction(() => {
    for (let i = 0; i < 12; i++)
      db.insert(initiatives)
        .values({ titleEn: `Initiative ${i}`, kind: "other", status: "proposed", partnerId: id })
        .run();
    for (let i = 0; i < 60; i++) {
      db.insert(meetings)
        .values({
          language: "en",
          purpose: `Meeting ${i}`,
          partnerId: id,
          date: `${1960 + i}-01-01`,
          datePrecision: "year",
        })
        .run();
    }
  })();
  const { loader } = await import("~/routes/partners.$partnerId");
  const request = new Request(`http://localhost/partners/${id}`, {
    headers: { Cookie: await cookieFor("viewer"), "Accept-Language": "en" },
  });
  const data = await loader({ request, params: { partnerId: String(id) }, context: {} });

  expect(data.initiatives.total).toBe(12);
  expect(data.initiatives.items.map((i) => i.title)).toEqual(
    Array.from({ length: 10 }, (_, i) => `Initiative ${11 - i}`),
  );
  // 60 meetings (undated initiatives are not on the timeline): the 50 newest, then page 2.
  expect(data.timeline.total).toBe(60);
  expect(data.timeline.groups.flatMap((g) => g.events)).toHaveLength(50);
  expect(data.timeline.pageCount).toBe(2);
});
