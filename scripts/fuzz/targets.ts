/**
 * What is fuzzed, taken from the app itself: every route with an `action` is a target, at the URL
 * Remix gives its file name, posting the fields of the schema the route exports as `schema` (the
 * one its action parses), with ids and params of records the demo history holds. A new form is
 * fuzzed without a change here.
 */
import type Database from "better-sqlite3";
import type { z } from "zod";
import { formFields, type FormField } from "./form-fields";

export type Field = readonly [name: string, value: string];

/** A route as Remix's manifest has it: the server build's (the run) or app/routes' (the test). */
export type AppRoute = {
  id: string;
  path?: string;
  parentId?: string;
  module: { action?: unknown; schema?: unknown };
};

export type TargetPlan = {
  routeId: string;
  /** The URL with its params ("/meetings/:meetingId/edit"); also names the target's PRNG stream. */
  pattern: string;
  params: string[];
  schema: z.ZodTypeAny | null;
  /** Every field the form may post, each option of a union's included. */
  fields: FormField[];
  /** Send the editor's cookie. */
  signedIn: boolean;
  /** A redirect to /sign-in means the editor's session was lost. */
  expectsSession: boolean;
  /** A well-formed post deletes the record: only malformed bodies, and no row-count rule. */
  deletes: boolean;
};

export type Target = TargetPlan & {
  path: string;
  /** A plausible submission of the target's form, which the generators spoil. */
  base: readonly Field[];
};

// What a route file cannot say: who posts to it. Everything else is posted as the editor.
const SIGNED_OUT: Record<string, string> = {
  "routes/sign-in": "the form of those not signed in",
  "routes/invite.$token": "an invitation is taken before any account exists",
  "routes/sign-out": "signed in, it would end the session the run uses",
};
/** Routes that redirect to /sign-in when asked to, the session kept. */
const REDIRECTS_AS_ASKED: Record<string, string> = {
  "routes/language": "goes back to the page it was chosen on, /sign-in included",
};

/** The records a run uses: the smallest id of each kind, and an invitation never taken. */
export type Records = { ids: Readonly<Record<string, number>>; invitation: string };

/** Where a record is found of each kind a param or an id field names ("meetingId", "ownerPersonId"). */
export const RECORD_TABLES: Readonly<Record<string, string>> = {
  meeting: "meetings",
  partner: "partners WHERE is_home = 0",
  person: "people",
  organisation: "organisations",
  initiative: "initiatives",
  delegation: "delegations",
  relation: "relations",
  // A step of that relation: the step routes refuse another relation's.
  step: "relation_steps WHERE relation_id = (SELECT min(id) FROM relations)",
  user: "users",
  document: "documents",
};

/** Params that name no kind of record of their own. */
const PARAM_VALUES: Readonly<Record<string, (records: Records) => string>> = {
  recordType: () => "meeting",
  recordId: (records) => String(records.ids.meeting),
  token: (records) => records.invitation,
  // The read-only API (issue 16.4): a collection and one of its records.
  collection: () => "partners",
  id: (records) => String(records.ids.partner),
};

/**
 * Text whose format its schema checks in code (a refine, a regex), which reading the schema cannot
 * tell: a value that passes. A new format goes here (tests/fuzz-targets.test.ts says which).
 */
const TEXT_VALUES: Readonly<Record<string, string>> = {
  year: "2024",
  day: "14",
  startTime: "10:30",
  wikidataId: "Q42",
  email: "nobody@test.kezdesu",
  url: "https://example.com/fuzz",
  sourceUrl: "https://example.com/fuzz",
  redirectTo: "/meetings",
  // An import's staged upload (app/forms/import.ts): random hex, which nobody else's can be.
  stagedId: "0123456789abcdef0123456789abcdef",
  password: "a-new-password-2026",
  confirm: "a-new-password-2026",
  // Never the editor's real password: a valid change would end the session the run uses.
  current: "not-the-password-1",
};
/** Text fields of digits: spoiled with wrong numbers as well as wrong text. */
const DIGITS = new Set(["year", "day"]);

export function recordKindOf(name: string): string | undefined {
  return Object.keys(RECORD_TABLES).find(
    (kind) => name === `${kind}Id` || name.endsWith(`${kind[0].toUpperCase()}${kind.slice(1)}Id`),
  );
}

function urlPattern(routes: Readonly<Record<string, AppRoute>>, route: AppRoute): string {
  const segments: string[] = [];
  for (let at: AppRoute | undefined = route; at; at = at.parentId ? routes[at.parentId] : undefined)
    if (at.path) segments.unshift(at.path);
  return `/${segments.join("/")}`;
}

const isSchema = (value: unknown): value is z.ZodTypeAny =>
  typeof value === "object" && value !== null && "safeParse" in value && "_def" in value;

/** Every route with an action, writes first, then deletes (a step's before its relation's). */
export function targetPlans(routes: Readonly<Record<string, AppRoute>>): TargetPlan[] {
  const plans = Object.values(routes)
    .filter((route) => typeof route.module.action === "function")
    .map((route): TargetPlan => {
      const pattern = urlPattern(routes, route);
      const schema = isSchema(route.module.schema) ? route.module.schema : null;
      const signedIn = !(route.id in SIGNED_OUT);
      return {
        routeId: route.id,
        pattern,
        params: [...pattern.matchAll(/:(\w+)/g)].map((match) => match[1]),
        schema,
        fields: schema
          ? formFields(schema).map((field) =>
              DIGITS.has(field.key) && field.kind === "text" ? { ...field, kind: "number" } : field,
            )
          : [],
        signedIn,
        expectsSession: signedIn && !(route.id in REDIRECTS_AS_ASKED),
        deletes: pattern.endsWith("/delete"),
      };
    });
  return plans.sort(
    (a, b) =>
      Number(a.deletes) - Number(b.deletes) ||
      (a.deletes ? b.params.length - a.params.length : 0) ||
      a.pattern.localeCompare(b.pattern),
  );
}

export function paramValue(param: string, records: Records): string {
  const given = PARAM_VALUES[param];
  if (given) return given(records);
  const kind = recordKindOf(param);
  if (kind === undefined || records.ids[kind] === undefined)
    throw new Error(`No record for the param :${param}: add its kind to RECORD_TABLES in scripts/fuzz/targets.ts.`);
  return String(records.ids[kind]);
}

/** A value the field takes, or null to leave it out (an unticked box). */
export function plausibleValue(field: FormField, records: Records): string | null {
  if (field.kind === "boolean") return null;
  if (field.kind === "choice") return field.choices[0];
  if (field.key in TEXT_VALUES) return TEXT_VALUES[field.key];
  if (field.kind === "number") {
    const kind = recordKindOf(field.key);
    return String(kind !== undefined ? records.ids[kind] : (field.min ?? 1));
  }
  return `Fuzz ${field.key}`;
}

/** A submission the schema takes: its first option's fields, each with a plausible value. */
export function plausibleForm(schema: z.ZodTypeAny | null, records: Records): Field[] {
  if (!schema) return [];
  return formFields(schema, "first").flatMap((field) => {
    const value = plausibleValue(field, records);
    return value === null ? [] : [[field.name, value] as const];
  });
}

export function target(plan: TargetPlan, records: Records): Target {
  return {
    ...plan,
    path: plan.pattern.replace(/:(\w+)/g, (_, param: string) => encodeURIComponent(paramValue(param, records))),
    base: plausibleForm(plan.schema, records),
  };
}

export function readRecords(db: Database.Database, invitation: string): Records {
  const ids: Record<string, number> = {};
  for (const [kind, from] of Object.entries(RECORD_TABLES)) {
    const row = db.prepare(`SELECT min(id) AS id FROM ${from}`).get() as { id: number | null };
    if (row.id === null) throw new Error(`The demo data has no ${kind} (${from}): nothing to fuzz there.`);
    ids[kind] = row.id;
  }
  return { ids, invitation };
}
