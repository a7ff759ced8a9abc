/**
 * Every loader and every action of the app, called signed out and as each role: what a role
 * may not do answers 403 (or, signed out, a redirect to sign in) and changes no row. The
 * matrix below must name every route module, so a new route cannot be added unclassified.
 */
import { describe, expect, test } from "vitest";
import { takeBackup } from "~db/backup";
import { seedDemoData } from "~/models/demo-data.server";
import type { UserRole } from "~db/schema";
import { getDb } from "~/db.server";
import { createApiToken } from "~/models/api-tokens.server";
import { accountFor, cookieFor } from "./support/accounts";
import { aDocumentId } from "./support/documents";

// "token": the read-only API, opened by an API token and by nothing else (no cookie); its
// "readonly" action answers every other method 405.
type Need = "public" | UserRole | "token";
type ActionNeed = Need | "readonly";
type RouteModule = { loader?: (args: never) => unknown; action?: (args: never) => unknown };

const MATRIX: Record<string, { loader?: Need; action?: ActionNeed }> = {
  $: { loader: "viewer" },
  _index: { loader: "viewer" },
  "account.api": { loader: "viewer", action: "viewer" },
  "account.calendar": { loader: "viewer", action: "viewer" },
  "account.password": { loader: "viewer", action: "viewer" },
  "admin.activity": { loader: "admin" },
  "admin.backups._index": { loader: "admin", action: "admin" },
  "admin.backups.$name": { loader: "admin" },
  "admin.export[.zip]": { loader: "admin" },
  "admin.bin": { loader: "admin", action: "admin" },
  "admin.security": { loader: "admin" },
  "admin.users.$userId": { loader: "admin", action: "admin" },
  "admin.users._index": { loader: "admin", action: "admin" },
  "api.v1.$collection._index": { loader: "token", action: "readonly" },
  "api.v1.$collection.$id": { loader: "token", action: "readonly" },
  "api.v1.openapi[.json]": { loader: "public", action: "readonly" },
  "calendar.$token": { loader: "public" },
  "delegations.$delegationId": { loader: "viewer" },
  "delegations.$delegationId_.calendar[.ics]": { loader: "viewer" },
  "delegations.$delegationId_.delete": { loader: "editor", action: "editor" },
  "delegations.$delegationId_.edit": { loader: "editor", action: "editor" },
  "delegations.new": { loader: "editor", action: "editor" },
  "documents._index": { loader: "viewer", action: "editor" },
  "documents.$documentId": { loader: "viewer" },
  "documents.$documentId_.preview": { loader: "viewer" },
  "documents.$documentId_.delete": { loader: "editor", action: "editor" },
  "documents.of.$parent.$parentId": { loader: "viewer" },
  "export.$file": { loader: "viewer" },
  healthz: { loader: "public" },
  "history.$recordType.$recordId": { loader: "viewer", action: "editor" },
  "import._index": { loader: "editor", action: "editor" },
  "import.template.$file": { loader: "editor" },
  "initiatives.$initiativeId": { loader: "viewer" },
  "initiatives.$initiativeId_.delete": { loader: "editor", action: "editor" },
  "initiatives.$initiativeId_.edit": { loader: "editor", action: "editor" },
  "initiatives.$initiativeId_.step": { loader: "editor", action: "editor" },
  "initiatives.$initiativeId_.steps.$stepId.delete": { loader: "editor", action: "editor" },
  "initiatives.$initiativeId_.steps.$stepId.edit": { loader: "editor", action: "editor" },
  "initiatives._index": { loader: "viewer" },
  "initiatives.new": { loader: "editor", action: "editor" },
  "invite.$token": { loader: "public", action: "public" },
  language: { loader: "public", action: "public" },
  "locales.$lng": { loader: "public" },
  "meetings.$meetingId": { loader: "viewer" },
  "meetings.$meetingId_.calendar[.ics]": { loader: "viewer" },
  "meetings.$meetingId_.delete": { loader: "editor", action: "editor" },
  "meetings.$meetingId_.edit": { loader: "editor", action: "editor" },
  "meetings._index": { loader: "viewer" },
  "meetings.new": { loader: "editor", action: "editor" },
  "meetings.from-report": { loader: "editor", action: "editor" },
  "open-data.popolo[.json]": { loader: "viewer" },
  "organisations.$organisationId": { loader: "viewer" },
  "organisations.$organisationId_.delete": { loader: "editor", action: "editor" },
  "organisations.$organisationId_.edit": { loader: "editor", action: "editor" },
  "organisations._index": { loader: "viewer" },
  "organisations.new": { loader: "editor", action: "editor" },
  "partners.$partnerId": { loader: "viewer" },
  "partners.$partnerId_.briefing": { loader: "viewer" },
  "partners.$partnerId_.delete": { loader: "editor", action: "editor" },
  "partners.$partnerId_.edit": { loader: "editor", action: "editor" },
  "partners.$partnerId_.relation": { loader: "editor", action: "editor" },
  "partners._index": { loader: "viewer" },
  "partners.chart": { loader: "viewer" },
  "partners.new": { loader: "editor", action: "editor" },
  "people.$personId": { loader: "viewer" },
  "people.$personId_.delete": { loader: "editor", action: "editor" },
  "people.$personId_.edit": { loader: "editor", action: "editor" },
  "people._index": { loader: "viewer" },
  "people.new": { loader: "editor", action: "editor" },
  "people.search": { loader: "viewer" },
  "organisations.search": { loader: "viewer" },
  "partners.search": { loader: "viewer" },
  "initiatives.search": { loader: "viewer" },
  "relations.$relationId.delete": { loader: "editor", action: "editor" },
  "relations.$relationId.edit": { loader: "editor", action: "editor" },
  "relations.$relationId.step": { loader: "editor", action: "editor" },
  "relations.$relationId.steps.$stepId.delete": { loader: "editor", action: "editor" },
  "relations.$relationId.steps.$stepId.edit": { loader: "editor", action: "editor" },
  search: { loader: "viewer" },
  "search.suggest": { loader: "viewer" },
  "sign-in": { loader: "public", action: "public" },
  "sign-out": { loader: "public", action: "public" },
};

const modules = import.meta.glob("../app/routes/*.{ts,tsx}", { eager: true }) as Record<string, RouteModule>;
const routes = Object.entries(modules).map(([file, module]) => ({
  name: file.replace(/^.*\/routes\//, "").replace(/\.tsx?$/, ""),
  module,
}));

seedDemoData(getDb());
const sqlite = getDb().$client;
const firstId = (table: string, where = "1") =>
  sqlite.prepare(`select min(id) from ${table} where ${where}`).pluck().get() as number;
const [admin] = await Promise.all([accountFor("admin"), accountFor("editor"), accountFor("viewer")]);
const meetingId = firstId("meetings");
const documentId = await aDocumentId("meeting", meetingId);
const PARAMS: Record<string, string> = {
  meetingId: String(meetingId),
  partnerId: String(firstId("partners", "is_home = 0")),
  personId: String(firstId("people")),
  organisationId: String(firstId("organisations")),
  initiativeId: String(firstId("initiatives")),
  delegationId: String(firstId("delegations")),
  relationId: String(firstId("relations")),
  stepId: String(firstId("relation_steps", "relation_id = (select min(id) from relations)")),
  userId: String(admin.id),
  documentId: String(documentId),
  parent: "meeting",
  parentId: String(meetingId),
  recordType: "meeting",
  recordId: String(meetingId),
  token: "not-an-invitation",
  lng: "kk.json",
  file: "meetings.xlsx",
  name: (await takeBackup(process.env.DATABASE_PATH!)).name,
  collection: "partners",
  id: String(firstId("partners")),
};
const made = createApiToken((await accountFor("viewer")).id, "access matrix");
if (!("token" in made)) throw new Error("no token");
const API_TOKEN = made.token;

// A step is its record's: an initiative's step pages take a step of the first initiative.
const STEP_PARAMS: Record<string, Record<string, string>> = {
  initiatives: { stepId: String(firstId("initiative_steps", "initiative_id = (select min(id) from initiatives)")) },
};
const paramOf = (name: string, key: string) => STEP_PARAMS[name.split(".")[0]]?.[key] ?? PARAMS[key];
const paramsOf = (name: string) =>
  Object.fromEntries([...name.matchAll(/\$([a-zA-Z]+)/g)].map(([, key]) => [key, paramOf(name, key)]));
const pathOf = (name: string) =>
  `/${name
    .split(".")
    .filter((segment) => segment !== "_index")
    .map((segment) =>
      segment === "$"
        ? "no-such-page"
        : segment.replace(/_$/, "").replace(/^\$(\w+)$/, (_, key: string) => paramOf(name, key)),
    )
    .join("/")}`;

/** Everything the app holds except its logs and sessions, to show that nothing changed. */
function fingerprint() {
  const tables = sqlite
    .prepare(
      "select name from sqlite_schema where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' and name not in ('security_log', 'sessions', 'sign_in_failures') and name not like 'search_text%'",
    )
    .pluck()
    .all() as string[];
  return JSON.stringify(tables.map((table) => sqlite.prepare(`select * from "${table}" order by rowid`).all()));
}

async function call(fn: (args: never) => unknown, request: Request, params: Record<string, string>) {
  let outcome: unknown;
  try {
    outcome = await fn({ request, params, context: {} } as never);
  } catch (thrown) {
    outcome = thrown;
  }
  if (outcome instanceof Response) return { status: outcome.status, location: outcome.headers.get("Location") };
  const init = (outcome as { init?: { status?: number } } | null)?.init;
  return { status: init?.status ?? 200, location: null };
}

// Pages that are rightly a 404 here: an unknown address, and the .ics of the demo's visit, whose
// arrival the report does not give (tests/calendar-feed.test.ts downloads a dated one).
const NOTHING_TO_SHOW = new Set(["$", "delegations.$delegationId_.calendar[.ics]"]);

const RANK: Record<Exclude<Need, "token">, number> = { public: -1, viewer: 0, editor: 1, admin: 2 };
const ROLES = [null, "viewer", "editor", "admin"] as const;

async function requestAs(
  role: UserRole | null,
  method: "GET" | "POST",
  path: string,
  headers: Record<string, string> = {},
) {
  const cookie = role ? await cookieFor(role) : undefined;
  return new Request(`http://localhost${path}`, {
    method,
    headers: {
      ...(cookie ? { Cookie: cookie } : {}),
      ...(method === "POST" ? { "Content-Type": "application/x-www-form-urlencoded" } : {}),
      ...headers,
    },
    body:
      method === "POST"
        ? new URLSearchParams({
            intent: "disable",
            entryId: "1",
            documentId: String(documentId),
            parent: "meeting",
            parentId: String(meetingId),
            recordType: "meeting",
            recordId: String(meetingId),
            name: "X",
            email: "x@y.kz",
            role: "admin",
            password: "p4ssword-p4ssword",
            confirm: "p4ssword-p4ssword",
            current: "x",
          })
        : undefined,
  });
}

test("every route module is in the matrix, with the loader and action it has", () => {
  const found = Object.fromEntries(
    routes.map(({ name, module }) => [name, { loader: Boolean(module.loader), action: Boolean(module.action) }]),
  );
  const expected = Object.fromEntries(
    Object.entries(MATRIX).map(([name, needs]) => [
      name,
      { loader: Boolean(needs.loader), action: Boolean(needs.action) },
    ]),
  );
  expect(found).toEqual(expected);
});

describe.each(routes)("$name", ({ name, module }) => {
  const needs = MATRIX[name];
  const params = paramsOf(name);
  const path = pathOf(name);

  if (module.loader && needs.loader === "token") {
    test.each(ROLES)("it refuses a request with no token (signed in as %s: a cookie is not enough)", async (role) => {
      const before = fingerprint();
      const outcome = await call(module.loader!, await requestAs(role, "GET", path), params);
      expect(outcome.status).toBe(401);
      expect(fingerprint()).toBe(before);
    });
    test("it answers a request with a token, and changes no record", async () => {
      const withToken = () => requestAs(null, "GET", path, { Authorization: `Bearer ${API_TOKEN}` });
      // The first use notes the token's "last used"; within the minute after, nothing is written.
      expect((await call(module.loader!, await withToken(), params)).status).toBe(200);
      const before = fingerprint();
      expect((await call(module.loader!, await withToken(), params)).status).toBe(200);
      expect(fingerprint()).toBe(before);
    });
  }

  if (module.action && needs.action === "readonly") {
    test.each(ROLES)("its action answers 405 to any other method (signed in as %s)", async (role) => {
      const before = fingerprint();
      const request = await requestAs(role, "POST", path, { Authorization: `Bearer ${API_TOKEN}` });
      expect((await call(module.action!, request, params)).status).toBe(405);
      expect(fingerprint()).toBe(before);
    });
  }

  if (module.loader && needs.loader !== "public" && needs.loader !== "token") {
    test.each(ROLES)("its page, signed in as %s", async (role) => {
      const before = fingerprint();
      const outcome = await call(module.loader!, await requestAs(role, "GET", path), params);
      if (role === null) {
        expect(outcome.status).toBe(302);
        expect(outcome.location).toMatch(/^\/sign-in\?redirectTo=/);
      } else if (RANK[role] < RANK[needs.loader as Exclude<Need, "token">]) {
        expect(outcome.status).toBe(403);
      } else {
        expect([200, 404]).toContain(outcome.status);
        if (!NOTHING_TO_SHOW.has(name)) expect(outcome.status).toBe(200);
      }
      expect(fingerprint()).toBe(before);
    });
  }

  if (module.loader && needs.loader === "public") {
    test("its page opens signed out, and changes nothing", async () => {
      const before = fingerprint();
      const outcome = await call(module.loader!, await requestAs(null, "GET", path), params);
      expect(outcome.status).not.toBe(403);
      expect(outcome.location ?? "").not.toMatch(/^\/sign-in/);
      expect(fingerprint()).toBe(before);
    });
  }

  if (module.action && needs.action !== "readonly") {
    const actionNeed = needs.action as Exclude<Need, "token">;
    const refused =
      actionNeed === "public" ? [] : ROLES.filter((role) => role === null || RANK[role] < RANK[actionNeed]);
    if (refused.length) {
      test.each(refused)("its action is refused signed in as %s, and nothing changes", async (role) => {
        const before = fingerprint();
        const outcome = await call(module.action!, await requestAs(role, "POST", path), params);
        if (role === null) {
          expect(outcome.status).toBe(302);
          expect(outcome.location).toMatch(/^\/sign-in\?redirectTo=/);
        } else {
          expect(outcome.status).toBe(403);
        }
        expect(fingerprint()).toBe(before);
      });
    }

    test("its action refuses a post from another site, even from an administrator", async () => {
      const before = fingerprint();
      const request = await requestAs("admin", "POST", path, {
        Origin: "https://evil.example",
        "Sec-Fetch-Site": "cross-site",
      });
      expect((await call(module.action!, request, params)).status).toBe(403);
      expect(fingerprint()).toBe(before);
    });
  }
});
