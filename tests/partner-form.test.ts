import type { Language } from "~/i18n/config";
import { describe, expect, test } from "vitest";
import { partners } from "~db/schema";
import { seedDemoData } from "~/models/demo-data.server";
import { parseWithZod } from "@conform-to/zod";
import { getDb } from "~/db.server";
import { formErrorMap } from "~/forms/error-map";
import { PartnerSchema } from "~/forms/partner";
import { translatorFor } from "~/i18n/i18n.server";
import { action as createAction } from "~/routes/partners.new";
import { action as editAction } from "~/routes/partners.$partnerId_.edit";
import { action as deleteAction } from "~/routes/partners.$partnerId_.delete";
import { submit } from "./support/forms";

seedDemoData(getDb());
const partnerCount = () => getDb().select().from(partners).all().length;
const valid = { kind: "city", countryCode: "TR", nameEn: "Ankara", nameKk: "Анкара" };

async function errorsFor(fields: Record<string, string>, lng: Language = "en") {
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) formData.append(k, v);
  const t = translatorFor(lng);
  const submission = parseWithZod(formData, { schema: PartnerSchema, errorMap: formErrorMap(t) });
  return (submission.status === "success" ? {} : submission.error) ?? {};
}

describe("the partner schema, rule by rule", () => {
  test("a complete partner passes", async () => {
    expect(await errorsFor({ ...valid, nameNative: "Ankara", wikidataId: "Q3640" })).toEqual({});
  });
  test.each([
    ["kind is required", { ...valid, kind: "" }, "kind", "Fill this in."],
    ["kind must be one of the kinds", { ...valid, kind: "village" }, "kind", "Choose one of the options."],
    ["country must be an ISO code", { ...valid, countryCode: "XX" }, "countryCode", "Choose one of the options."],
    [
      "a name in at least one language",
      { kind: "city", countryCode: "TR" },
      "nameKk",
      "Give the name in at least one language.",
    ],
    [
      "names are at most 200 characters",
      { ...valid, nameRu: "я".repeat(201) },
      "nameRu",
      "Use at most 200 characters.",
    ],
    [
      "a name holds a letter: emoji alone are none",
      { ...valid, nameEn: "🏙️🏙️" },
      "nameEn",
      "A name holds at least one letter.",
    ],
    ["nor are digits or dashes", { ...valid, nameKk: "— 123 —" }, "nameKk", "A name holds at least one letter."],
    [
      "in the partner's own language too",
      { ...valid, nameNative: "=1+1" },
      "nameNative",
      "A name holds at least one letter.",
    ],
    [
      "a Wikidata id looks like Q123",
      { ...valid, wikidataId: "ankara" },
      "wikidataId",
      "A Wikidata id is Q followed by digits, for example Q956.",
    ],
  ])("%s", async (_rule, fields, field, message) => {
    expect((await errorsFor(fields))[field]).toEqual([message]);
  });
  test("a name of any script with an emoji in it still passes", async () => {
    expect(await errorsFor({ ...valid, nameKk: "Үрімші 🏙️", nameNative: "乌鲁木齐" })).toEqual({});
  });
  test("the messages come in the reader's language", async () => {
    expect((await errorsFor({ kind: "city", countryCode: "TR" }, "kk")).nameKk).toEqual([
      "Атауын кемінде бір тілде жазыңыз.",
    ]);
    expect((await errorsFor({ ...valid, kind: "" }, "ru")).kind).toEqual(["Заполните это поле."]);
  });
});

describe("creating a partner", () => {
  test("invalid input answers 400 with the errors and what was typed, and writes nothing", async () => {
    const before = partnerCount();
    const { status, reply } = await submit(createAction, "/partners/new", {
      kind: "city",
      countryCode: "TR",
      nameRu: "<script>alert(1)</script>".repeat(20),
    });
    expect(status).toBe(400);
    expect(reply?.result.error?.nameRu).toEqual(["Use at most 200 characters."]);
    expect(reply?.result.initialValue).toMatchObject({ kind: "city", countryCode: "TR" });
    expect(partnerCount()).toBe(before);
  });

  test.each([
    ["no fields at all", {}],
    ["wrong types", { kind: ["city", "province"], countryCode: "1", nameEn: "x" }],
    ["a huge value", { ...valid, nameEn: "A".repeat(1_000_000) }],
    ["control characters in an enum", { ...valid, kind: "city\u0000" }],
  ])("a malformed body (%s) answers 400 and writes nothing", async (_case, fields) => {
    const before = partnerCount();
    const { status } = await submit(createAction, "/partners/new", fields as Record<string, string>);
    expect(status).toBe(400);
    expect(partnerCount()).toBe(before);
  });

  test("a valid partner is saved and the user lands on it", async () => {
    const { status, location } = await submit(createAction, "/partners/new", valid);
    expect(status).toBe(302);
    const id = Number(location?.split("/").at(-1));
    const row = getDb()
      .select()
      .from(partners)
      .all()
      .find((p) => p.id === id);
    expect(row).toMatchObject({ nameEn: "Ankara", nameKk: "Анкара", countryCode: "TR", kind: "city" });
  });

  test("a name on file in another spelling or script is shown before a second is made", async () => {
    const before = partnerCount();
    // "Үрімші" is on file; "УРИМШИ" differs in case and Kazakh letters.
    const guarded = await submit(createAction, "/partners/new", { kind: "city", countryCode: "CN", nameRu: "УРИМШИ" });
    expect(guarded.status).toBe(409);
    expect(guarded.reply?.duplicates).toEqual([expect.objectContaining({ name: "Urumqi" })]);
    expect(partnerCount()).toBe(before);

    const confirmed = await submit(createAction, "/partners/new", {
      kind: "city",
      countryCode: "CN",
      nameRu: "УРИМШИ",
      confirmDuplicate: "on",
    });
    expect(confirmed.status).toBe(302);
    expect(partnerCount()).toBe(before + 1);
  });
});

describe("editing and deleting a partner", () => {
  const idOf = (nameEn: string) =>
    getDb()
      .select()
      .from(partners)
      .all()
      .find((p) => p.nameEn === nameEn)!.id;

  test("an edit changes the record and its sort keys", async () => {
    const id = idOf("Ankara");
    const { status } = await submit(
      editAction,
      `/partners/${id}/edit`,
      { ...valid, nameEn: "Ankara Metropolitan" },
      { params: { partnerId: String(id) } },
    );
    expect(status).toBe(302);
    const row = getDb()
      .select()
      .from(partners)
      .all()
      .find((p) => p.id === id)!;
    expect(row.nameEn).toBe("Ankara Metropolitan");
    expect(row.sortEn).not.toBe("");
  });

  test("a partner with meetings is not deleted", async () => {
    const id = idOf("Heilongjiang Province");
    const before = partnerCount();
    const { status } = await submit(deleteAction, `/partners/${id}/delete`, {}, { params: { partnerId: String(id) } });
    expect(status).toBe(409);
    expect(partnerCount()).toBe(before);
  });

  test("a partner nothing refers to is deleted", async () => {
    const id = idOf("Ankara Metropolitan");
    const { status, location } = await submit(
      deleteAction,
      `/partners/${id}/delete`,
      {},
      { params: { partnerId: String(id) } },
    );
    expect(status).toBe(302);
    expect(location).toBe("/partners");
    expect(
      getDb()
        .select()
        .from(partners)
        .all()
        .some((p) => p.id === id),
    ).toBe(false);
  });

  test("an unknown partner is a 404", async () => {
    const { status } = await submit(editAction, "/partners/999999/edit", valid, { params: { partnerId: "999999" } });
    expect(status).toBe(404);
  });
});
