/**
 * Issue 16.4, open data: API tokens (shown once, kept as a hash, revoked at once), the read-only
 * API under /api/v1/ (only a token opens it; pages bounded; every answer in the shape its zod
 * schema and the OpenAPI description say), and the Popolo export (twinning as Wikidata's P190
 * with the dates' precision; no person who is not marked public).
 */
import crypto from "node:crypto";
import { Validator } from "@seriousme/openapi-schema-validator";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, test } from "vitest";
import { SYSTEM } from "~db/history";
import { apiTokens, partners, people } from "~db/schema";
import { getDb } from "~/db.server";
import { COLLECTIONS } from "~/exchange/api.server";
import { ApiGone, oneOf, pageOf } from "~/exchange/api-schemas";
import { openApiDocument } from "~/exchange/openapi.server";
import { seedDemoData } from "~/models/demo-data.server";
import { restore } from "~/models/history.server";
import { deleteInitiative } from "~/models/initiatives/write.server";
import { deleteMeeting } from "~/models/meetings/write.server";
import { deletePartner } from "~/models/partners/write.server";
import { deletePerson } from "~/models/people/write.server";
import { disableUser, enableUser } from "~/models/users.server";
import { TOKENS_PER_ACCOUNT } from "~/models/api-tokens.server";
import { accountFor, cookieFor } from "./support/accounts";
import { aMeeting, anAccount, anInitiative, aPartner, aPerson, aRelation, aRelationStep } from "./support/factories";
import { submit } from "./support/forms";

const tokensPage = await import("~/routes/account.api");
const list = await import("~/routes/api.v1.$collection._index");
const one = await import("~/routes/api.v1.$collection.$id");
const openapi = await import("~/routes/api.v1.openapi[.json]");
const popolo = await import("~/routes/open-data.popolo[.json]");
const personNew = await import("~/routes/people.new");
const personEdit = await import("~/routes/people.$personId_.edit");
const personPage = await import("~/routes/people.$personId");
const partnerPage = await import("~/routes/partners.$partnerId");

seedDemoData(getDb());

const ids: Record<string, number> = {};

/** Makes a token through the account page, as its owner would; returns what the page showed. */
async function makeToken(name: string, as: "viewer" | "editor" | "admin" = "viewer") {
  const made = await submit(tokensPage.action, "/account/api", { intent: "create", name }, { as });
  return made.reply as unknown as { token?: string; result: { error?: Record<string, string[]> } };
}

function apiRequest(path: string, headers: Record<string, string> = {}) {
  return new Request(`http://localhost${path}`, { headers });
}

async function get(path: string, token: string | null, extra: Record<string, string> = {}) {
  const url = new URL(path, "http://localhost");
  const [, , , collection, id] = url.pathname.split("/");
  const request = apiRequest(path, { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...extra });
  const response = id
    ? await one.loader({ request, params: { collection, id }, context: {} })
    : await list.loader({ request, params: { collection }, context: {} });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, never> };
}

let token: string;

beforeAll(async () => {
  const made = await makeToken("Open data test");
  token = made.token!;
  const home = getDb().select().from(partners).where(eq(partners.isHome, true)).get()!;
  getDb().update(partners).set({ wikidataId: "Q1520" }).where(eq(partners.id, home.id)).run();
  ids.partner = aPartner({
    nameKk: "Анкара",
    nameRu: "Анкара",
    nameEn: "Ankara",
    nameNative: "Ankara",
    countryCode: "TR",
    wikidataId: "Q3640",
  });
  ids.secret = aPerson({ nameEn: "Secretus Hiddenov", nameRu: "Секрет Скрытов" });
  ids.public = aPerson({ nameEn: "Publius Openov", isPublic: true, wikidataId: "Q42" });
  ids.relation = aRelation(ids.partner, {
    type: "sister_city",
    date: "2016-05",
    signatories: [{ personId: ids.secret }, { personId: ids.public }],
  });
  aRelationStep(ids.relation, { status: "ended", date: "2024-03-12" });
  ids.meeting = aMeeting({
    partnerId: ids.partner,
    date: "~2019",
    purpose: "Twinning talks",
    participants: [{ personId: ids.secret, side: "guest", role: "led_delegation", title: "Mayor" }],
    topics: ["Culture"],
    sources: [{ url: "https://example.com/news", outlet: "Astana News" }],
  });
  ids.initiative = anInitiative({ partnerId: ids.partner, due: "2027-06" });
});

describe("API tokens", () => {
  test("a token is shown once, when made; only its SHA-256 is kept, and the page lists it by name", async () => {
    const made = await makeToken("Website");
    expect(made.token).toMatch(/^kzd_[A-Za-z0-9_-]{43}$/);
    const rows = getDb().select().from(apiTokens).all();
    expect(JSON.stringify(rows)).not.toContain(made.token);
    expect(rows.map((r) => r.tokenHash)).toContain(crypto.createHash("sha256").update(made.token!).digest("hex"));
    const page = (await tokensPage.loader({
      request: new Request("http://localhost/account/api", { headers: { Cookie: await cookieFor("viewer") } }),
      params: {},
      context: {},
    })) as { tokens: Array<{ name: string }> };
    expect(page.tokens.map((t) => t.name)).toContain("Website");
    expect(JSON.stringify(page)).not.toContain(made.token);
    expect((await get("/api/v1/partners", made.token!)).status).toBe(200);
  });

  test("a token notes when it was last used", async () => {
    const made = await makeToken("Last used");
    const row = () => getDb().select().from(apiTokens).where(eq(apiTokens.name, "Last used")).get()!;
    expect(row().lastUsedAt).toBeNull();
    await get("/api/v1/partners", made.token!);
    expect(row().lastUsedAt).not.toBeNull();
  });

  test("a revoked token stops working at once; another account cannot revoke it", async () => {
    const made = await makeToken("To revoke");
    const tokenId = getDb().select().from(apiTokens).where(eq(apiTokens.name, "To revoke")).get()!.id;
    const byOther = await submit(
      tokensPage.action,
      "/account/api",
      { intent: "revoke", tokenId: String(tokenId) },
      { as: "editor" },
    );
    expect(byOther.status).toBe(302);
    expect((await get("/api/v1/partners", made.token!)).status).toBe(200);
    const revoked = await submit(
      tokensPage.action,
      "/account/api",
      { intent: "revoke", tokenId: String(tokenId) },
      { as: "viewer" },
    );
    expect(revoked.status).toBe(302);
    const refused = await get("/api/v1/partners", made.token!);
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: { status: 401, message: expect.any(String) } });
  });

  test("no token, a wrong one, a cookie alone, a token in the address: 401", async () => {
    expect((await get("/api/v1/partners", null)).status).toBe(401);
    expect((await get("/api/v1/partners", `kzd_${"A".repeat(43)}`)).status).toBe(401);
    expect((await get("/api/v1/partners", "not a token")).status).toBe(401);
    const cookieOnly = await get("/api/v1/partners", null, { Cookie: await cookieFor("admin") });
    expect(cookieOnly.status).toBe(401);
    expect(cookieOnly.headers.get("WWW-Authenticate")).toMatch(/^Bearer/);
    expect((await get(`/api/v1/partners?access_token=${token}&token=${token}`, null)).status).toBe(401);
  });

  test("attack: a disabled account's tokens stop working, and stay stopped once it is enabled again", async () => {
    const id = await anAccount({ role: "viewer", email: "leaver@test.kezdesu" });
    const cookieless = await import("~/models/api-tokens.server");
    const made = cookieless.createApiToken(id, "Leaver's script");
    if (!("token" in made)) throw new Error("not made");
    expect((await get("/api/v1/partners", made.token)).status).toBe(200);
    const adminId = (await accountFor("admin")).id;
    disableUser(id, adminId);
    expect((await get("/api/v1/partners", made.token)).status).toBe(401);
    enableUser(id, adminId);
    expect((await get("/api/v1/partners", made.token)).status).toBe(401);
    expect(cookieless.tokensOf(id)).toEqual([]);
  });

  test(`an account holds at most ${TOKENS_PER_ACCOUNT} tokens; the name is required`, async () => {
    for (let i = 0; i < TOKENS_PER_ACCOUNT; i++) await makeToken(`Admin ${i}`, "admin");
    const refused = await makeToken("One too many", "admin");
    expect(refused.token).toBeUndefined();
    expect(refused.result.error?.name).toEqual([
      `An account may hold at most ${TOKENS_PER_ACCOUNT} tokens: revoke one first.`,
    ]);
    const unnamed = await submit(tokensPage.action, "/account/api", { intent: "create", name: "  " }, { as: "admin" });
    expect(unnamed.status).toBe(400);
  });
});

describe("the API", () => {
  test("answers JSON that no cache keeps, errors included", async () => {
    for (const path of ["/api/v1/partners", "/api/v1/partners/999999", "/api/v1/partners?limit=0"]) {
      const answer = await get(path, token);
      expect(answer.headers.get("Cache-Control")).toBe("private, no-store");
      expect(answer.headers.get("Content-Type")).toMatch(/^application\/json/);
    }
    expect((await get("/api/v1/partners", null)).headers.get("Cache-Control")).toBe("private, no-store");
  });

  test("pages are bounded: default 50, at most 200, a bad limit or cursor is a 400", async () => {
    for (const limit of ["0", "201", "-1", "abc", "1.5", "1e3", ""]) {
      const answer = await get(`/api/v1/partners?limit=${limit}`, token);
      expect(answer.status, limit).toBe(400);
      expect(answer.body.error).toEqual({ status: 400, message: expect.stringContaining("limit") });
    }
    for (const cursor of ["abc", "0", "-5", "99999999999999999999"])
      expect((await get(`/api/v1/partners?cursor=${cursor}`, token)).status, cursor).toBe(400);
    expect((await get("/api/v1/partners?limit=200", token)).status).toBe(200);
  });

  test("the next links walk every record once, in id order", async () => {
    const all = getDb()
      .select({ id: people.id })
      .from(people)
      .all()
      .map((p) => p.id);
    const seen: number[] = [];
    let path: string | null = "/api/v1/people?limit=2";
    while (path) {
      const answer: { body: { data: Array<{ id: number }>; next: string | null } } = (await get(path, token)) as never;
      expect(answer.body.data.length).toBeLessThanOrEqual(2);
      seen.push(...answer.body.data.map((p) => p.id));
      path = answer.body.next;
    }
    expect(seen).toEqual([...all].sort((a, b) => a - b));
  });

  test("a partner: its names in every language, its Wikidata id", async () => {
    const answer = await get(`/api/v1/partners/${ids.partner}`, token);
    expect(answer.status).toBe(200);
    expect(answer.body.data).toMatchObject({
      id: ids.partner,
      kind: "city",
      countryCode: "TR",
      name: { kk: "Анкара", ru: "Анкара", en: "Ankara", original: "Ankara" },
      wikidataId: "Q3640",
      isHome: false,
    });
    // The partner's page has it too, for its link to wikidata.org.
    const page = (await partnerPage.loader({
      request: new Request(`http://localhost/partners/${ids.partner}`, {
        headers: { Cookie: await cookieFor("viewer") },
      }),
      params: { partnerId: String(ids.partner) },
      context: {},
    })) as unknown as { partner: { wikidataId: string | null } };
    expect(page.partner.wikidataId).toBe("Q3640");
  });

  test("a relation with its steps, dates at their precision, and signatories", async () => {
    const { body } = await get(`/api/v1/relations/${ids.relation}`, token);
    expect(body.data).toMatchObject({
      partnerId: ids.partner,
      type: "sister_city",
      steps: [
        {
          status: "signed",
          date: { value: "2016-05-01", precision: "month", approximate: false },
          signatoryIds: [ids.secret, ids.public],
        },
        { status: "ended", date: { value: "2024-03-12", precision: "day", approximate: false } },
      ],
    });
  });

  test("a meeting with participants, topics and sources; an approximate year stays one", async () => {
    const { body } = await get(`/api/v1/meetings/${ids.meeting}`, token);
    expect(body.data).toMatchObject({
      date: { value: "2019-01-01", precision: "year", approximate: true },
      purpose: "Twinning talks",
      participants: [{ personId: ids.secret, side: "guest", role: "led_delegation", titleAtMeeting: "Mayor" }],
      topics: [{ name: expect.objectContaining({ en: "Culture" }) }],
      sources: [{ url: "https://example.com/news", outlet: "Astana News" }],
    });
  });

  test("people with posts, delegations and initiatives with steps", async () => {
    const person = await get(`/api/v1/people/${ids.public}`, token);
    expect(person.body.data).toMatchObject({ wikidataId: "Q42", isPublic: true, posts: [] });
    const initiative = await get(`/api/v1/initiatives/${ids.initiative}`, token);
    expect(initiative.body.data).toMatchObject({ due: { value: "2027-06-01", precision: "month" }, steps: [] });
    const delegations = await get("/api/v1/delegations", token);
    expect((delegations.body.data as unknown as unknown[]).length).toBeGreaterThan(0);
  });

  test("a deleted record is a JSON 410 saying when, of every collection; restored, it is back; one never there is a 404", async () => {
    const doomed = {
      partners: aPartner({ nameEn: "Soon deleted" }),
      meetings: aMeeting({ purpose: "Soon deleted", partnerId: aPartner({ nameEn: "Met once" }) }),
      people: aPerson({ nameEn: "Soon Deleted" }),
      initiatives: anInitiative({ titleEn: "Soon deleted" }),
    };
    const deletes = {
      partners: deletePartner,
      meetings: deleteMeeting,
      people: deletePerson,
      initiatives: deleteInitiative,
    };
    for (const [collection, id] of Object.entries(doomed)) {
      const path = `/api/v1/${collection}/${id}`;
      expect((await get(path, token)).status, path).toBe(200);
      const before = new Date().toISOString();
      deletes[collection as keyof typeof deletes](id, SYSTEM);
      const gone = await get(path, token);
      expect(gone.status, path).toBe(410);
      expect(gone.headers.get("Content-Type")).toBe("application/json; charset=utf-8");
      expect(gone.headers.get("Cache-Control")).toBe("private, no-store");
      expect(gone.body).toEqual({
        error: { status: 410, message: expect.stringContaining("deleted"), deletedAt: expect.any(String) },
      });
      const { deletedAt } = (gone.body as unknown as { error: { deletedAt: string } }).error;
      expect(deletedAt >= before.slice(0, 19)).toBe(true);
      expect(ApiGone.parse(gone.body)).toEqual(gone.body);
      const listed = await get(`/api/v1/${collection}?limit=200`, token);
      expect(
        (listed.body.data as unknown as Array<{ id: number }>).map((p) => p.id),
        path,
      ).not.toContain(id);
    }
    restore("partner", doomed.partners, SYSTEM);
    expect((await get(`/api/v1/partners/${doomed.partners}`, token)).status).toBe(200);
    // Without a token, a deleted record's answer says nothing of it: 401 as for any other.
    expect((await get(`/api/v1/people/${doomed.people}`, null)).status).toBe(401);
    for (const path of [
      "/api/v1/nothing",
      "/api/v1/partners/abc",
      "/api/v1/partners/0",
      "/api/v1/partners/99999999",
      "/api/v1/__proto__",
      "/api/v1/constructor/1",
    ]) {
      const missing = await get(path, token);
      expect(missing.status, path).toBe(404);
      expect(missing.body, path).toEqual({ error: { status: 404, message: expect.any(String) } });
    }
  });

  test("any other method than GET and HEAD: 405", async () => {
    // Remix calls a route's action for every method but GET and HEAD (tests/security/api-tokens
    // sends each to the running server).
    const post = () =>
      ({
        request: new Request("http://localhost/api/v1/partners", { method: "POST", body: "x".repeat(100_000) }),
        params: { collection: "partners", id: "1" },
        context: {},
      }) as never;
    const response = await list.action(post());
    expect(response.status).toBe(405);
    expect(response.headers.get("Allow")).toBe("GET, HEAD");
    expect(await response.json()).toEqual({ error: { status: 405, message: expect.any(String) } });
    expect((await one.action(post())).status).toBe(405);
    expect((await openapi.action(post())).status).toBe(405);
  });
});

describe("the OpenAPI description", () => {
  test("validates as OpenAPI 3.1 and describes every collection", async () => {
    const response = openapi.loader();
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    const result = await new Validator().validate(document as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    for (const name of Object.keys(COLLECTIONS)) {
      expect(document.paths).toHaveProperty(`/api/v1/${name}`);
      expect(document.paths).toHaveProperty(`/api/v1/${name}/{id}`);
    }
  });

  test("real answers of every endpoint conform to the schemas the description is made from", async () => {
    const components = (openApiDocument() as { components: { schemas: Record<string, unknown> } }).components.schemas;
    for (const [name, collection] of Object.entries(COLLECTIONS)) {
      const page = await get(`/api/v1/${name}?limit=200`, token);
      expect(page.status).toBe(200);
      const parsed = pageOf(collection.schema).parse(page.body);
      expect(parsed.data.length, name).toBeGreaterThan(0);
      const first = await get(`/api/v1/${name}/${parsed.data[0].id}`, token);
      expect(oneOf(collection.schema).parse(first.body)).toEqual(first.body);
    }
    expect(Object.keys(components)).toEqual(
      expect.arrayContaining([
        "Partner",
        "Organisation",
        "Relation",
        "Meeting",
        "Delegation",
        "Person",
        "Initiative",
        "PartialDate",
      ]),
    );
  });
});

describe("the Popolo export", () => {
  async function exported() {
    const response = await popolo.loader({
      request: new Request("http://localhost/open-data/popolo.json", {
        headers: { Cookie: await cookieFor("viewer") },
      }),
      params: {},
      context: {},
    });
    expect(response.headers.get("Content-Disposition")).toMatch(/^attachment/);
    return { text: await response.clone().text(), json: (await response.json()) as Record<string, never> };
  }

  test("twinning is Wikidata's P190, with start and end at their precision", async () => {
    const { json } = await exported();
    const relationships = json.relationships as unknown as Array<Record<string, unknown>>;
    const twinning = relationships.find((r) => r.id === `relation-${ids.relation}`);
    expect(twinning).toMatchObject({
      object_id: `partner-${ids.partner}`,
      classification: "sister_city",
      start_date: "2016-05",
      start_date_precision: "month",
      end_date: "2024-03-12",
      end_date_precision: "day",
      wikidata: {
        subject: "Q1520",
        property: "P190",
        value: "Q3640",
        qualifiers: {
          P580: { time: "+2016-05-00T00:00:00Z", precision: 10 },
          P582: { time: "+2024-03-12T00:00:00Z", precision: 11 },
        },
      },
    });
    const organizations = json.organizations as unknown as Array<Record<string, unknown>>;
    expect(organizations.find((o) => o.id === `partner-${ids.partner}`)).toMatchObject({
      identifiers: [{ scheme: "wikidata", identifier: "Q3640" }],
    });
  });

  test("a year-precision start is precision 9; an approximate one says circa", async () => {
    const relation = aRelation(ids.partner, { type: "friendly", date: "~1998" });
    const { json } = await exported();
    const found = (json.relationships as unknown as Array<Record<string, { qualifiers: unknown }>>).find(
      (r) => r.id === (`relation-${relation}` as never),
    );
    expect(found?.wikidata.qualifiers).toEqual({
      P580: { time: "+1998-00-00T00:00:00Z", precision: 9, sourcingCircumstances: "Q5727902" },
    });
  });

  test("a person not marked public appears nowhere in it; a public one does", async () => {
    const { text, json } = await exported();
    for (const name of ["Secretus", "Hiddenov", "Секрет", "Скрытов", `person-${ids.secret}"`])
      expect(text).not.toContain(name);
    expect(text).toContain("Publius Openov");
    // Nor does any name of the demo's people, none of whom is marked public.
    for (const person of getDb().select().from(people).where(eq(people.isPublic, false)).all())
      for (const name of [person.nameKk, person.nameRu, person.nameEn, person.nameNative].filter(Boolean))
        expect(text).not.toContain(name);
    const relationships = json.relationships as unknown as Array<{
      id: string;
      steps: Array<{ signatory_ids: string[] }>;
    }>;
    expect(relationships.find((r) => r.id === `relation-${ids.relation}`)!.steps[0].signatory_ids).toEqual([
      `person-${ids.public}`,
    ]);
  });
});

describe("the Popolo export for a publishing job", () => {
  const fetchPopolo = (headers: Record<string, string>) =>
    popolo.loader({
      request: new Request("http://localhost/open-data/popolo.json", { headers }),
      params: {},
      context: {},
    });

  test("an API token opens it as it opens /api/v1/; a wrong or revoked one is a 401, not the session's answer", async () => {
    const made = await makeToken("Publishing job");
    const opened = await fetchPopolo({ Authorization: `Bearer ${made.token!}` });
    expect(opened.status).toBe(200);
    expect(opened.headers.get("Cache-Control")).toBe("private, no-store");
    const json = (await opened.json()) as { relationships: Array<{ id: string }> };
    expect(json.relationships.map((r) => r.id)).toContain(`relation-${ids.relation}`);

    const wrong = await fetchPopolo({ Authorization: `Bearer ${made.token!.slice(0, -1)}x` });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("WWW-Authenticate")).toMatch(/invalid_token/);
    expect(await wrong.text()).not.toContain("relation-");
    // A wrong token beside a good session is still refused: the token alone decides.
    const withCookie = await fetchPopolo({
      Authorization: "Bearer not-a-token",
      Cookie: await cookieFor("viewer"),
    });
    expect(withCookie.status).toBe(401);

    const tokenId = getDb().select().from(apiTokens).where(eq(apiTokens.name, "Publishing job")).get()!.id;
    await submit(tokensPage.action, "/account/api", { intent: "revoke", tokenId: String(tokenId) }, { as: "viewer" });
    expect((await fetchPopolo({ Authorization: `Bearer ${made.token!}` })).status).toBe(401);
  });

  test("without a token or a session it is as before: sent to sign in", async () => {
    const answer = await fetchPopolo({}).catch((thrown: unknown) => thrown as Response);
    expect(answer.status).toBe(302);
    expect(answer.headers.get("Location")).toMatch(/^\/sign-in/);
  });
});

describe("the person form's Wikidata id and public flag", () => {
  test("public is off unless ticked; a Wikidata id is Q and digits, said beside the field in each language", async () => {
    const made = await submit(personNew.action, "/people/new", { nameEn: "Default Privatov" });
    expect(made.status).toBe(302);
    expect(getDb().select().from(people).where(eq(people.nameEn, "Default Privatov")).get()).toMatchObject({
      isPublic: false,
      wikidataId: null,
    });
    const ticked = await submit(personNew.action, "/people/new", {
      nameEn: "Ticked Publicov",
      isPublic: "on",
      wikidataId: " Q7 ",
    });
    expect(ticked.status).toBe(302);
    expect(getDb().select().from(people).where(eq(people.nameEn, "Ticked Publicov")).get()).toMatchObject({
      isPublic: true,
      wikidataId: "Q7",
    });
    const messages = {
      en: "A Wikidata id is Q followed by digits, for example Q956.",
      ru: "Идентификатор Wikidata — это буква Q и цифры, например Q956.",
      kk: "Wikidata идентификаторы Q әрпі мен цифрлардан тұрады, мысалы Q956.",
    };
    for (const [language, message] of Object.entries(messages)) {
      for (const wikidataId of ["956", "Q0", "q956", "Q12abc", "https://www.wikidata.org/wiki/Q956"]) {
        const refused = await submit(
          personNew.action,
          "/people/new",
          { nameEn: "Bad Wikidatov", wikidataId },
          { language },
        );
        expect(refused.status).toBe(400);
        expect(refused.reply?.result.error?.wikidataId).toEqual([message]);
      }
    }
    expect(getDb().select().from(people).where(eq(people.nameEn, "Bad Wikidatov")).get()).toBeUndefined();
  });

  test("the edit form comes back with them; unticking makes the person private again; the page says which", async () => {
    const id = getDb().select().from(people).where(eq(people.nameEn, "Ticked Publicov")).get()!.id;
    const asEditor = async (path: string) =>
      new Request(`http://localhost${path}`, { headers: { Cookie: await cookieFor("editor") } });
    const edit = (await personEdit.loader({
      request: await asEditor(`/people/${id}/edit`),
      params: { personId: String(id) },
      context: {},
    })) as { person: Record<string, unknown> };
    expect(edit.person).toMatchObject({ wikidataId: "Q7", isPublic: true });
    const shown = (await personPage.loader({
      request: await asEditor(`/people/${id}`),
      params: { personId: String(id) },
      context: {},
    })) as { person: Record<string, unknown> };
    expect(shown.person).toMatchObject({ wikidataId: "Q7", isPublic: true });
    const saved = await submit(
      personEdit.action,
      `/people/${id}/edit`,
      { nameEn: "Ticked Publicov" },
      { params: { personId: String(id) } },
    );
    expect(saved.status).toBe(302);
    expect(getDb().select().from(people).where(eq(people.id, id)).get()).toMatchObject({
      isPublic: false,
      wikidataId: null,
    });
  });
});
