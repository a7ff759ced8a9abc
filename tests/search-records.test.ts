/**
 * Issue 13 item 14: relations, their steps and delegations are found by their texts, partners by
 * their country in any language, and a result found by a text its line does not show carries
 * the passage that matched. Written through the models, as the forms write them, so any write
 * path keeps them found (writeTransaction re-indexes what it touched).
 */
import { describe, expect, test } from "vitest";
import { SYSTEM } from "~db/history";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { DelegationSchema } from "~/forms/delegation";
import { PartnerSchema } from "~/forms/partner";
import { RelationSchema, RelationStepSchema } from "~/forms/relation";
import { saveDelegation } from "~/models/delegations.server";
import { createPartner } from "~/models/partners/write.server";
import { addRelationStep, createRelation } from "~/models/relations/write.server";
import { searchTexts } from "~/models/search.server";

seedDemoData(getDb());
const amman = createPartner(
  PartnerSchema.parse({ kind: "city", countryCode: "JO", nameEn: "Amman", nameRu: "Амман" }),
  SYSTEM,
);

describe("partners by their country", () => {
  test.each(["Amman Jordan", "амман иордания", "Jordan", "Иордания"])("%s finds Amman", (query) => {
    expect(searchTexts(query, "en").partner.map((p) => p.name)).toContain("Amman");
  });

  test("and the country is shown beside the name, so no passage is needed", () => {
    expect(searchTexts("Amman Jordan", "en").partner).toEqual([{ id: amman, name: "Amman", country: "Jordan" }]);
  });

  test("the search page lists it among the partners", async () => {
    const { cookieFor } = await import("./support/accounts");
    const { loader } = await import("~/routes/search");
    const request = new Request("http://localhost/search?q=Amman%20Jordan", {
      headers: { Cookie: await cookieFor("viewer"), "Accept-Language": "en" },
    });
    const data = await loader({ request, params: {}, context: {} });
    expect(data.found).toBe(true);
    // The results come drawn: the partners' section, with a link to Amman and its country.
    const partners = /<section aria-labelledby="results-partner"[^]*?<\/section>/.exec(data.list ?? "")?.[0] ?? "";
    expect(partners).toContain(`<a href="/partners/${amman}" class="font-medium text-sky-800 underline">`);
    expect(partners).toContain(">Amman</a>");
    expect(partners).toContain(" · Jordan");
    expect(partners.match(/<li /g)).toHaveLength(1);
  }, 30_000);
});

describe("relations and their steps", () => {
  const created = createRelation(
    amman,
    RelationSchema.parse({
      type: "sister_city",
      note: "Proposed by the Jordanian embassy",
      status: "proposed",
      date: { unknown: true },
    }),
    "en",
    SYSTEM,
  );
  if (!created.ok) throw new Error("relation not saved");
  const relation = created.id;

  test("by kind, in every language, and by note", () => {
    expect(searchTexts("побратим", "en").relation.map((r) => r.id)).toContain(relation);
    expect(searchTexts("побратим амман", "en").relation.map((r) => r.id)).toEqual([relation]);
    expect(searchTexts("embassy", "en").relation.map((r) => r.id)).toEqual([relation]);
  });

  test("found by its kind in another language, the passage shows that kind; in the reader's, none", () => {
    const found = (query: string, lng: "kk" | "ru" | "en") =>
      searchTexts(query, lng).relation.find((r) => r.id === relation);
    expect(found("побратим", "en")?.passage).toEqual({ text: "Город-побратим", word: "побратим" });
    expect(found("sister", "kk")?.passage).toEqual({ text: "Sister city", word: "Sister" });
    // The line shows the kind in the reader's language, marked there.
    expect(found("побратим", "ru")?.passage).toBeNull();
    expect(found("бауырлас", "kk")?.passage).toBeNull();
  });

  test("by a step's note, source and signatory, with the passage that matched, marked", () => {
    const result = addRelationStep(
      relation,
      RelationStepSchema.parse({
        status: "signed",
        date: { year: "2024" },
        note: "Signed at the Expo pavilion",
        signatories: [{ name: "Zhanat Nurpeisov" }],
        sourceOutlet: "Petra news agency",
        sourceTitle: "Astana and Amman become twin cities",
      }),
      "en",
      SYSTEM,
    );
    expect(result.ok).toBe(true);
    const [found] = searchTexts("pavilion", "en").relation;
    expect(found).toMatchObject({ id: relation, partnerId: amman, partner: "Amman", type: "sister_city" });
    expect(found.passage).toEqual({ text: "Signed at the Expo pavilion", word: "pavilion" });
    expect(searchTexts("petra", "en").relation[0].passage?.word).toBe("Petra");
    expect(searchTexts("нурпеисов", "en").relation[0].passage).toEqual({ text: "Zhanat Nurpeisov", word: "Nurpeisov" });
    // A word the line shows (the partner's name) needs no passage.
    expect(searchTexts("amman twin", "en").relation[0].passage).toBeNull();
  });
});

describe("delegations", () => {
  test("by purpose, organisation and people; the passage when the line does not show it", () => {
    const saved = saveDelegation(
      undefined,
      DelegationSchema.parse({
        partnerId: amman,
        direction: "incoming",
        arrival: { year: "2025" },
        purpose: "Water management exchange",
        members: [{ name: "Almaz Kim" }],
      }),
      SYSTEM,
    );
    expect(saved.ok).toBe(true);
    const found = searchTexts("water management", "en").delegation;
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ partner: "Amman", purpose: "Water management exchange", passage: null });
    expect(searchTexts("алмаз ким", "en").delegation[0].passage).toEqual({ text: "Almaz Kim", word: "Almaz" });
  });
});

describe("a word that only begins words, in partners, relations and delegations at once", () => {
  // Each kind's own records, the newest first, however many the others have (each kind has its
  // own index since issue 17's round 3; before it, these three were read in one prefix query).
  test("finds each kind's records, the newest first, within the limit", () => {
    const partners = ["Zarafshan", "Zarafkent", "Zarafabad"].map((nameEn) =>
      createPartner(PartnerSchema.parse({ kind: "city", countryCode: "UZ", nameEn }), SYSTEM),
    );
    const created = createRelation(
      partners[0],
      RelationSchema.parse({
        type: "sister_city",
        note: "Zarafshanian cooperation",
        status: "proposed",
        date: { unknown: true },
      }),
      "en",
      SYSTEM,
    );
    expect(created.ok).toBe(true);
    const saved = saveDelegation(
      undefined,
      DelegationSchema.parse({
        partnerId: amman,
        direction: "incoming",
        arrival: { year: "2025" },
        purpose: "Zarafshanian visit",
      }),
      SYSTEM,
    );
    expect(saved.ok).toBe(true);

    const all = searchTexts("zaraf", "en");
    expect(all.partner.map((p) => p.id)).toEqual([...partners].reverse());
    expect(all.relation.map((r) => r.id)).toEqual([created.ok && created.id]);
    expect(all.delegation.map((d) => d.purpose)).toEqual(["Zarafshanian visit"]);

    const one = searchTexts("zaraf", "en", 1);
    expect(one.partner.map((p) => p.id)).toEqual([partners[2]]);
    expect(one.relation).toHaveLength(1);
    expect(one.delegation).toHaveLength(1);
  });
});

describe("a long source shows only the passage around the word", () => {
  test("cut at spaces, with marks of what was left out", async () => {
    const { passageOf } = await import("~db/shared/fold");
    const text = `${"Lorem ipsum dolor sit amet. ".repeat(10)}The Кокпар festival opens. ${"Consectetur adipiscing elit. ".repeat(10)}`;
    const passage = passageOf(["nothing here", text], "kokpar")!;
    expect(passage.word).toBe("Кокпар");
    expect(passage.text.startsWith("… ")).toBe(true);
    expect(passage.text.endsWith(" …")).toBe(true);
    expect(passage.text.length).toBeLessThan(170);
    expect(passage.text).toContain("The Кокпар festival opens.");
  });
});
