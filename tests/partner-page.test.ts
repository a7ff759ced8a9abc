import { expect, test } from "vitest";
import { cookieFor } from "./support/accounts";
import { aMeeting, anInitiative, aPartner } from "./support/factories";

test("a busy partner's page shows a page of its history and the newest initiatives, with the way to the rest", async () => {
  const id = aPartner({ nameEn: "Busy City" });
  for (let i = 0; i < 12; i++) anInitiative({ titleEn: `Initiative ${i}`, partnerId: id });
  // 72 saves, each its own write transaction as in the app: several seconds on a busy machine.
  for (let i = 0; i < 60; i++) aMeeting({ purpose: `Meeting ${i}`, partnerId: id, date: `${1960 + i}` });
  const { loader } = await import("~/routes/partners.$partnerId");
  const request = new Request(`http://localhost/partners/${id}`, {
    headers: { Cookie: await cookieFor("viewer"), "Accept-Language": "en" },
  });
  const data = await loader({ request, params: { partnerId: String(id) }, context: {} });

  // The lists come drawn as markup (app/components/PartnerLists.tsx): read as a person would.
  const initiatives = [
    ...(data.delegationsAndInitiatives ?? "").matchAll(/<a href="\/initiatives\/\d+"[^>]*>([^<]*)<\/a>/g),
  ];
  expect(initiatives.map((link) => link[1])).toEqual(Array.from({ length: 10 }, (_, i) => `Initiative ${11 - i}`));
  expect(data.delegationsAndInitiatives).toContain(`href="/initiatives?partner=${id}"`);
  expect(data.delegationsAndInitiatives).toContain("Show all: 12");
  // 60 meetings (undated initiatives are not on the timeline): the 50 newest, then page 2.
  expect(data.timeline.total).toBe(60);
  expect(data.timelineEvents?.match(/href="\/meetings\/\d+"/g)).toHaveLength(50);
  expect(data.timeline.pageCount).toBe(2);
}, 30_000);
