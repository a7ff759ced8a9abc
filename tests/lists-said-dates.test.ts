/**
 * The lists of initiatives and of people say their dates on the server, in the reader's words
 * (issue 17: a list's page then ships none of the code that words a date), and send what the
 * list shows, not every name and post of each person.
 */
import { describe, expect, test } from "vitest";
import { partialDate } from "~db/shared/partial-date";
import { SYSTEM } from "~db/history";
import { createPerson } from "~/models/people/write.server";
import { loader as initiativesLoader } from "~/routes/initiatives._index";
import { loader as peopleLoader } from "~/routes/people._index";
import { cookieFor } from "./support/accounts";
import { anInitiative, anOrganisation, aPartner } from "./support/factories";

const request = async (path: string, language: string) =>
  new Request(`http://localhost${path}`, {
    headers: { Cookie: await cookieFor("viewer"), "Accept-Language": language },
  });

const unknownIn: Record<string, string> = { en: "date unknown", kk: "күні белгісіз", ru: "дата неизвестна" };

describe("the initiatives list", () => {
  test("each due date in the reader's words, with its machine-readable day", async () => {
    const partnerId = aPartner({ nameEn: "Due City" });
    anInitiative({ titleEn: "Week of Due City", partnerId, status: "agreed", due: "2031-06" });
    anInitiative({ titleEn: "Undated step", partnerId, status: "agreed", due: null });
    for (const [language, words] of [
      ["en", "June 2031"],
      ["kk", "2031 жылғы маусым"],
      ["ru", "июнь 2031"],
    ]) {
      const data = await initiativesLoader({
        request: await request(`/initiatives?status=agreed&partner=Due+City`, language),
        params: {},
        context: {},
      });
      const items = data.list!.items.map(({ title, due }) => [title, due]);
      expect(items).toEqual(
        expect.arrayContaining([
          ["Week of Due City", { text: words, machine: "2031-06" }],
          ["Undated step", { text: unknownIn[language], machine: undefined }],
        ]),
      );
    }
  });
});

describe("the people list", () => {
  test("a post known only as of a day says that day in words; the list sends name and post alone", async () => {
    const organisationId = anOrganisation(aPartner(), { nameEn: "As-of Committee" });
    const unknown = partialDate(null);
    const created = createPerson(
      {
        nameEn: "Asof Person",
        nameRu: "Асоф Персон",
        posts: [{ organisationId, titleEn: "Chair", start: unknown, end: unknown, asOf: partialDate("2016-05") }],
      },
      SYSTEM,
    );
    expect(created.ok).toBe(true);
    const data = await peopleLoader({
      request: await request(`/people?organisation=As-of+Committee`, "en"),
      params: {},
      context: {},
    });
    expect(data.people.items).toEqual([
      {
        id: expect.any(Number),
        name: "Asof Person",
        post: { title: "Chair", organisation: "As-of Committee", asOf: "as of May 2016" },
      },
    ]);
  });

  test("an approximate 'as of' is said once, where each language puts it", async () => {
    const organisationId = anOrganisation(aPartner(), { nameEn: "Circa Committee" });
    const unknown = partialDate(null);
    const circa2016 = { value: "2016-01-01", precision: "year" as const, approximate: true };
    createPerson(
      {
        nameEn: "Circa Person",
        posts: [{ organisationId, titleEn: "Chair", start: unknown, end: unknown, asOf: circa2016 }],
      },
      SYSTEM,
    );
    const said = async (language: string) => {
      const data = await peopleLoader({
        request: await request(`/people?organisation=Circa+Committee`, language),
        params: {},
        context: {},
      });
      return data.people.items[0].post?.asOf;
    };
    expect(await said("ru")).toBe("примерно по состоянию на 2016 г.");
    expect(await said("kk")).toBe("шамамен 2016 жылғы жағдай бойынша");
    expect(await said("en")).toBe("as of 2016, approx.");
  });
});
