/**
 * `npm run test:fuzz` keeps no list of its own: its targets are the app's routes with an action,
 * at the URL Remix gives each file name, posting the fields of the schema the route exports
 * (scripts/fuzz/targets.ts). These tests read the same routes from app/routes.
 */
import path from "node:path";
import { parseWithZod } from "@conform-to/zod";
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import remixConfig from "../remix.config.js";
import { seedDemoData } from "~/models/demo-data.server";
import { getDb } from "~/db.server";
import { aDocumentId, aPdf } from "./support/documents";
import { accountFor } from "./support/accounts";
import {
  RECORD_TABLES,
  readRecords,
  target,
  targetPlans,
  type AppRoute,
  type Records,
  type TargetPlan,
} from "../scripts/fuzz/targets";

const modules = import.meta.glob<AppRoute["module"]>("../app/routes/*.{ts,tsx}", { eager: true });
const routes: Record<string, AppRoute> = Object.fromEntries(
  Object.values(flatRoutes(path.resolve("app"), remixConfig.ignoredRouteFiles)).map((route) => [
    route.id,
    { ...route, module: modules[`../app/${route.file}`] },
  ]),
);
const plans = targetPlans(routes);
const planOf = (routeId: string) => plans.find((plan) => plan.routeId === routeId)!;
const withSchema = plans.filter((plan): plan is TargetPlan & { schema: z.ZodTypeAny } => plan.schema !== null);
const records: Records = {
  ids: Object.fromEntries(Object.keys(RECORD_TABLES).map((kind, index) => [kind, 100 + index])),
  invitation: "an-open-invitation",
};

/** The names a schema takes at its top, read here without the fuzzer's walk. */
function topLevelKeys(schema: z.ZodTypeAny): string[] {
  if (schema instanceof z.ZodEffects) return topLevelKeys(schema.innerType());
  if (schema instanceof z.ZodIntersection)
    return [...topLevelKeys(schema._def.left), ...topLevelKeys(schema._def.right)];
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion)
    return (schema.options as z.ZodTypeAny[]).flatMap(topLevelKeys);
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape as z.ZodRawShape);
  throw new Error(`Not a form's schema: ${schema._def.typeName}`);
}

function formDataOf(fields: ReadonlyArray<readonly [string, string]>) {
  const formData = new FormData();
  for (const [name, value] of fields) formData.append(name, value);
  return formData;
}

describe("the fuzzer's targets come from the app's routes", () => {
  test("every route file with an action is a target, at the URL its file name gives", () => {
    const withAction = Object.values(routes).filter((route) => typeof route.module.action === "function");
    expect(withAction.length).toBeGreaterThan(30);
    expect(plans.map((plan) => plan.routeId).sort()).toEqual(withAction.map((route) => route.id).sort());

    expect(planOf("routes/meetings.new").pattern).toBe("/meetings/new");
    // A trailing "_" leaves the URL as it is; "$" names a param.
    expect(planOf("routes/delegations.$delegationId_.edit").pattern).toBe("/delegations/:delegationId/edit");
    expect(planOf("routes/relations.$relationId.steps.$stepId.delete").params).toEqual(["relationId", "stepId"]);
    expect(planOf("routes/admin.backups._index").pattern).toBe("/admin/backups");
  });

  test("deletes come last, a relation's step before the relation", () => {
    const firstDelete = plans.findIndex((plan) => plan.deletes);
    expect(plans.slice(firstDelete).every((plan) => plan.deletes)).toBe(true);
    expect(planOf("routes/meetings.$meetingId_.delete").deletes).toBe(true);
    const order = plans.map((plan) => plan.routeId);
    expect(order.indexOf("routes/relations.$relationId.steps.$stepId.delete")).toBeLessThan(
      order.indexOf("routes/relations.$relationId.delete"),
    );
  });

  test("a route whose action reads a form exports the schema it parses, and parses no other", () => {
    for (const route of Object.values(routes)) {
      const action = route.module.action;
      if (typeof action !== "function") continue;
      const source = action.toString();
      // The schema is named `schema` in the action; any other *Schema would be one the fuzzer misses.
      expect(source, route.id).not.toMatch(/\b[A-Z]\w*Schema\b/);
      if (/parseForm\(|parseWithZod\(|\.safeParse\(|\.get\("/.test(source))
        expect(route.module.schema, `${route.id} reads a form: export its schema`).toBeInstanceOf(z.ZodType);
    }
  });

  test("each target's fields cover every key of its schema, nested ones and lists included", () => {
    expect(withSchema.length).toBeGreaterThan(20);
    for (const plan of withSchema) {
      const posted = new Set(plan.fields.map((field) => field.name.split(/[.[]/)[0]));
      for (const key of topLevelKeys(plan.schema)) expect(posted, `${plan.routeId}: ${key}`).toContain(key);
    }
    const meeting = planOf("routes/meetings.new").fields;
    expect(meeting.map((field) => field.name)).toEqual(
      expect.arrayContaining([
        "date.year",
        "date.unknown",
        "participants[0].personId",
        "topics[0]",
        "sources[0].url",
        "initiatives[0].due.day",
      ]),
    );
    expect(meeting.find((field) => field.name === "participants[0].side")).toMatchObject({
      kind: "choice",
      choices: ["host", "guest"],
    });
    expect(meeting.find((field) => field.name === "date.approximate")?.kind).toBe("boolean");
    expect(meeting.find((field) => field.name === "date.year")?.kind).toBe("number");
    // Every option of a union: the account form's intents, and the role only one of them takes.
    expect(planOf("routes/admin.users.$userId").fields.map((field) => field.name)).toEqual(["intent", "role"]);
  });

  test("each target's plausible form passes its schema, so spoiled copies get past the first checks", () => {
    for (const plan of withSchema) {
      const { base } = target(plan, records);
      const submission = parseWithZod(formDataOf(base), { schema: plan.schema });
      expect(submission.status === "success" ? null : submission.error, plan.routeId).toBeNull();
    }
    const person = target(planOf("routes/people.new"), records).base;
    expect(person).toContainEqual(["posts[0].organisationId", String(records.ids.organisation)]);
  });

  test("params and ids name records of their kind; who posts is the route's", () => {
    expect(target(planOf("routes/relations.$relationId.steps.$stepId.edit"), records).path).toBe(
      `/relations/${records.ids.relation}/steps/${records.ids.step}/edit`,
    );
    expect(target(planOf("routes/invite.$token"), records).path).toBe("/invite/an-open-invitation");
    for (const plan of plans) expect(target(plan, records).path, plan.routeId).not.toContain(":");
    expect(planOf("routes/sign-out").signedIn).toBe(false);
    expect(planOf("routes/language")).toMatchObject({ signedIn: true, expectsSession: false });
    expect(planOf("routes/meetings.new")).toMatchObject({ signedIn: true, expectsSession: true, deletes: false });
  });

  test("the demo history and the run's accounts have a record of every kind the targets name", async () => {
    seedDemoData(getDb());
    await accountFor("admin");
    // The run attaches one (scripts/fuzz/server.ts, attachADocument): the demo data has none.
    await aDocumentId(
      "meeting",
      getDb().$client.prepare("SELECT min(id) FROM meetings").pluck().get() as number,
      aPdf("fuzzed"),
    );
    const { ids } = readRecords(getDb().$client, "token");
    for (const kind of Object.keys(RECORD_TABLES)) expect(ids[kind], kind).toBeGreaterThan(0);
  });
});
