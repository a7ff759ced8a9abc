import Database from "better-sqlite3";
import { describe, expect, test } from "vitest";
import { partners } from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { translations } from "~/i18n/i18n.server";
import { cachedRead } from "~/utils/read-cache.server";
import { logSecurityEvent } from "~/models/security-log.server";
import { cookieFor } from "./support/accounts";
import { aMeeting, aPartner, aPerson, aRelation } from "./support/factories";
import { aDocumentId, aPdf } from "./support/documents";
import { deleteDocument } from "~/models/documents.server";
import { SYSTEM } from "~db/history";

seedDemoData(getDb());

describe("a cached read", () => {
  test("is read once until a record changes", () => {
    let reads = 0;
    const read = () => cachedRead("count", () => ++reads);
    expect([read(), read(), read()]).toEqual([1, 1, 1]);
    expect(cachedRead("another key", () => "own")).toBe("own");
    // A write on this connection, by any path.
    getDb().insert(partners).values({ kind: "city", countryCode: "TR", nameEn: "Ankara" }).run();
    expect([read(), read()]).toEqual([2, 2]);
    // A save through the app, which turns the marks into history.
    aPartner({ countryCode: "TR", nameEn: "Bursa" });
    expect([read(), read()]).toEqual([3, 3]);
  });

  test("is not read again for a sign-in, a session or a refusal", async () => {
    let reads = 0;
    const read = () => cachedRead("sessions", () => ++reads);
    expect(read()).toBe(1);
    await cookieFor("editor");
    logSecurityEvent({ event: "cross_site", address: "127.0.0.1" });
    expect(read()).toBe(1);
  });

  test("is not pushed out by searches, which keep to a shelf of their own", () => {
    let reads = 0;
    const read = () => cachedRead("a page", () => ++reads);
    expect(read()).toBe(1);
    for (let i = 0; i < 300; i++) cachedRead(`search:en:word ${i}`, () => i, "searches");
    expect(read()).toBe(1);
    // The searches' shelf keeps the most recent, and lets the oldest go.
    expect(cachedRead("search:en:word 299", () => "again", "searches")).toBe(299);
    expect(cachedRead("search:en:word 0", () => "again", "searches")).toBe("again");
  });

  test("is read again after another process changes a record in the file", () => {
    let reads = 0;
    const read = () => cachedRead("other process", () => ++reads);
    expect([read(), read()]).toEqual([1, 1]);
    const other = new Database(process.env.DATABASE_PATH!);
    other.prepare("update partners set name_en = 'Ankara (Turkey)' where name_en = 'Ankara'").run();
    other.close();
    expect([read(), read()]).toEqual([2, 2]);
  });
});

describe("the pages that keep their reads show a change at once", () => {
  const cookie = cookieFor("viewer");
  const get = async (path: string, loader: (args: never) => Promise<unknown>) => {
    const request = new Request(`http://localhost${path}`, {
      headers: { Cookie: await cookie, "Accept-Language": "en" },
    });
    return (await loader({ request, params: {}, context: {} } as never)) as Record<string, unknown>;
  };

  test("the overview and the chart list a partner added since they were last read", async () => {
    const overview = (await import("~/routes/_index")).loader;
    const chart = (await import("~/routes/partners.chart")).loader;
    // The overview's lists come drawn as markup (app/components/OverviewLists.tsx).
    const before = await get("/", overview);
    expect(before.lists).toContain(">Beijing</a>");
    const chartBefore = await get("/partners/chart", chart);
    expect(before.lists).not.toContain("Izmir");
    aPartner({ countryCode: "TR", nameEn: "Izmir", nameKk: "Измир" });
    expect((await get("/", overview)).lists).toContain(">Izmir</a>");
    expect((await get("/partners/chart", chart)).chart).toContain("<td>Izmir</td>");
    expect(chartBefore.chart).not.toContain("<td>Izmir</td>");
  });

  test("a partner's page shows a meeting logged since", async () => {
    const page = (await import("~/routes/partners.$partnerId")).loader;
    const beijing = getDb()
      .select()
      .from(partners)
      .all()
      .find((p) => p.nameEn === "Beijing")!.id;
    const read = async () => {
      const request = new Request(`http://localhost/partners/${beijing}`, {
        headers: { Cookie: await cookie, "Accept-Language": "en" },
      });
      return JSON.stringify(await page({ request, params: { partnerId: String(beijing) }, context: {} }));
    };
    expect(await read()).not.toContain("A cached-read check");
    expect(await read()).not.toContain("A cached-read check");
    aMeeting({ purpose: "A cached-read check", partnerId: beijing, date: "2017-05-01" });
    expect(await read()).toContain("A cached-read check");
  });
});

test("a meeting's page shows a participant's name corrected since, and the meeting's own change", async () => {
  const { loader } = await import("~/routes/meetings.$meetingId");
  const cookie = await cookieFor("viewer");
  const person = aPerson({ nameEn: "Aigerim Beforehand" });
  const id = aMeeting({
    purpose: "A meeting page cache check",
    partnerId: aPartner({ nameEn: "Trabzon", countryCode: "TR" }),
    participants: [{ personId: person, side: "guest", role: "attended" }],
  });
  const read = async () => {
    const request = new Request(`http://localhost/meetings/${id}`, {
      headers: { Cookie: cookie, "Accept-Language": "en" },
    });
    return JSON.stringify(await loader({ request, params: { meetingId: String(id) }, context: {} }));
  };
  expect(await read()).toContain("Aigerim Beforehand");
  expect(await read()).toContain("Aigerim Beforehand");
  // Corrected on the person's record, not the meeting's.
  getDb().$client.prepare("UPDATE people SET name_en = 'Aigerim Corrected' WHERE id = ?").run(person);
  expect(await read()).toContain("Aigerim Corrected");
  getDb().$client.prepare("UPDATE partners SET name_en = 'Trabzon Province' WHERE name_en = 'Trabzon'").run();
  expect(await read()).toContain("Trabzon Province");
  getDb().$client.prepare("UPDATE meetings SET summary = 'Summed up since' WHERE id = ?").run(id);
  expect(await read()).toContain("Summed up since");
});

test("a document attached or deleted shows at once on its meeting's page and its relation step's", async () => {
  const { loader: meetingLoader } = await import("~/routes/meetings.$meetingId");
  const { loader: partnerLoader } = await import("~/routes/partners.$partnerId");
  const cookie = await cookieFor("viewer");
  const partnerId = aPartner({ nameEn: "Documented City" });
  const meetingId = aMeeting({ purpose: "Documented talks", partnerId });
  const relationId = aRelation(partnerId, { date: "2015-03-02" });
  const request = (path: string) => new Request(`http://localhost${path}`, { headers: { Cookie: cookie } });
  const meetingDocuments = async () =>
    (
      await meetingLoader({
        request: request(`/meetings/${meetingId}`),
        params: { meetingId: String(meetingId) },
        context: {},
      })
    ).documents.items.map((d) => d.name);
  // The relation's section is drawn markup: what a reader sees of the step's documents.
  const relationSection = async () =>
    (
      await partnerLoader({
        request: request(`/partners/${partnerId}`),
        params: { partnerId: String(partnerId) },
        context: {},
      })
    ).relations ?? "";
  expect(await meetingDocuments()).toEqual([]);
  expect(await relationSection()).not.toContain("agreement.pdf");

  const minutes = await aDocumentId("meeting", meetingId, aPdf("minutes"), "minutes.pdf");
  expect(await meetingDocuments()).toEqual(["minutes.pdf"]);
  const stepId = getDb()
    .$client.prepare("SELECT id FROM relation_steps WHERE relation_id = ?")
    .pluck()
    .get(relationId) as number;
  await aDocumentId("relationStep", stepId, aPdf("agreement"), "agreement.pdf");
  expect(await relationSection()).toContain("agreement.pdf");

  deleteDocument(minutes, SYSTEM);
  expect(await meetingDocuments()).toEqual([]);
});

test("many meetings opened do not push the lists' reads out", () => {
  let reads = 0;
  expect(cachedRead("a list", () => ++reads)).toBe(1);
  for (let i = 0; i < 300; i++) cachedRead(`meeting:${i}:en`, () => i, "records");
  expect(cachedRead("a list", () => ++reads)).toBe(1);
  expect(cachedRead("meeting:299:en", () => "again", "records")).toBe(299);
  expect(cachedRead("meeting:0:en", () => "again", "records")).toBe("again");
});

test("the meetings list shows a meeting logged since, with the same filters", async () => {
  const { loader } = await import("~/routes/meetings._index");
  const cookie = await cookieFor("viewer");
  const read = async () => {
    const request = new Request("http://localhost/meetings?year=2017", {
      headers: { Cookie: cookie, "Accept-Language": "en" },
    });
    return JSON.stringify(await loader({ request, params: {}, context: {} }));
  };
  expect(await read()).not.toContain("A list cache check");
  expect(await read()).not.toContain("A list cache check");
  aMeeting({ purpose: "A list cache check", date: "2017-06-01" });
  expect(await read()).toContain("A list cache check");
});

test("a search lists a meeting logged since the same words were searched", async () => {
  const { loader } = await import("~/routes/search");
  const cookie = await cookieFor("viewer");
  const search = async (lng: string) => {
    const request = new Request(`http://localhost/search?q=${encodeURIComponent("desalination")}`, {
      headers: { Cookie: cookie, "Accept-Language": lng },
    });
    return (await loader({ request, params: {}, context: {} })) as { found: boolean; list: string };
  };
  expect((await search("en")).found).toBe(false);
  expect((await search("en")).found).toBe(false);
  aMeeting({ purpose: "Desalination plants on the Caspian", date: "2017-07-01" });
  const found = await search("en");
  expect(found.found).toBe(true);
  expect(found.list).toContain("Caspian");
  // Each language its own results: the Kazakh page is not the English one kept.
  expect(found.list).toContain(`>${translations.en.search.meetings}<`);
  expect((await search("kk")).list).toContain(`>${translations.kk.search.meetings}<`);
});
