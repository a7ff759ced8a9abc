import { expect, test } from "vitest";
import { getDb } from "~/db.server";
import { cookieFor } from "./support/accounts";
import { aMeeting, anInitiative, aPartner, aRelation } from "./support/factories";

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
  expect(data.timeline?.match(/href="\/meetings\/\d+"/g)).toHaveLength(50);
  expect(data.timeline).toContain("1–50 of 60");
  expect(data.timeline).toMatch(new RegExp(`<a href="/partners/${id}\\?page=2"[^>]* rel="next">Next</a>`));
  expect(data.timeline).toContain("Page 1 of 2");
}, 30_000);

test("the timeline's filter and pages are drawn for the view asked for, and its pages' links keep the filter", async () => {
  const id = aPartner({ nameEn: "Filtered City" });
  for (let i = 0; i < 55; i++) aMeeting({ purpose: `Talk ${i}`, partnerId: id, date: `${1950 + i}` });
  aRelation(id, { date: "1990" });
  const { loader } = await import("~/routes/partners.$partnerId");
  const load = async (query: string) => {
    const request = new Request(`http://localhost/partners/${id}${query}`, {
      headers: { Cookie: await cookieFor("viewer"), "Accept-Language": "en" },
    });
    return (await loader({ request, params: { partnerId: String(id) }, context: {} })).timeline ?? "";
  };

  const meetingsOldestFirst = await load("?kind=meeting&order=oldest&page=2");
  // Page 2 of the 55 meetings, oldest first: the five newest, and no initiative.
  expect(meetingsOldestFirst.match(/href="\/meetings\/\d+"/g)).toHaveLength(5);
  expect(meetingsOldestFirst).not.toContain("Sister city: Signed");
  expect(meetingsOldestFirst).toMatch(
    new RegExp(`<a href="/partners/${id}\\?kind=meeting&amp;order=oldest"[^>]* rel="prev">Previous</a>`),
  );
  expect(meetingsOldestFirst).toContain(`<form method="get" action="/partners/${id}" data-keep-scroll="true"`);
  expect(meetingsOldestFirst).toMatch(/<input type="checkbox" name="kind"[^>]* checked="" value="meeting"\/>/);
  expect(meetingsOldestFirst).toMatch(/<input type="checkbox" name="kind" class="h-4 w-4" value="initiative"\/>/);
  expect(meetingsOldestFirst).toContain('<option value="oldest" selected="">');
  expect(await load("")).toContain("Sister city: Signed");
}, 30_000);

test("a partner's relations are drawn with the links to edit them for editors only, whoever asked first", async () => {
  const id = aPartner({ nameEn: "Related City" });
  const relationId = aRelation(id, { date: "2016-05-10", note: "Signed in the city hall" });
  const { loader } = await import("~/routes/partners.$partnerId");
  const relationsFor = async (role: "viewer" | "editor") => {
    const request = new Request(`http://localhost/partners/${id}`, {
      headers: { Cookie: await cookieFor(role), "Accept-Language": "en" },
    });
    return (await loader({ request, params: { partnerId: String(id) }, context: {} })).relations ?? "";
  };
  // The reader asks first, then the editor, then the reader again: each gets the markup of its own.
  for (const role of ["viewer", "editor", "viewer"] as const) {
    const relations = await relationsFor(role);
    expect(relations).toContain("Signed in the city hall");
    expect(relations).toContain(`href="/history/relation/${relationId}"`);
    const editing = [
      `href="/relations/${relationId}/step"`,
      `href="/relations/${relationId}/edit"`,
      `href="/relations/${relationId}/delete"`,
      `href="/partners/${id}/relation"`,
      "Documents: 0",
    ];
    for (const link of editing) {
      if (role === "editor") expect(relations).toContain(link);
      else expect(relations).not.toContain(link);
    }
  }
});

test("a relation step's source is a link only when its address is a web address", async () => {
  const id = aPartner({ nameEn: "Sourced City" });
  aRelation(id, { date: "2016-05-10", sourceUrl: "https://news.example.kz/agreement", sourceTitle: "Signed at last" });
  const hostile = aRelation(id, { type: "friendly", date: "2017-01-01", sourceTitle: "Odd address" });
  // An address no form accepts (a file from before the check, or written outside the app).
  getDb()
    .$client.prepare(
      "UPDATE sources SET url = 'javascript:alert(1)' WHERE id = (SELECT source_id FROM relation_steps WHERE relation_id = ?)",
    )
    .run(hostile);
  const { loader } = await import("~/routes/partners.$partnerId");
  const request = new Request(`http://localhost/partners/${id}`, {
    headers: { Cookie: await cookieFor("viewer"), "Accept-Language": "en" },
  });
  const relations = (await loader({ request, params: { partnerId: String(id) }, context: {} })).relations ?? "";
  expect(relations).toMatch(/<a href="https:\/\/news\.example\.kz\/agreement"[^>]*>Signed at last<\/a>/);
  expect(relations).toContain("Odd address");
  expect(relations).not.toContain("javascript:");
});
