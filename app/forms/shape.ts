import { z } from "zod";

/**
 * Limits on the shape of a posted form, checked before conform turns field names into objects.
 * conform makes "participants[500].name" an array of 501 rows, and a refused form renders every
 * row back: one 150-byte post made a 7.5 MB page and held the server for seconds (issue 12.4).
 * So an index is allowed only on a list the form's schema has, below that list's .max(); a few
 * missing rows are closed up, more are refused. Our own forms never come near any of this.
 */
export const FORM_LIMITS = {
  fields: 2000,
  nameLength: 200,
  depth: 4,
  /** Rows a list may skip: an index this far past the rows sent is a hand-made post. */
  gap: 10,
  /** A conform list button's value: `{"type":"insert","payload":{…}}`, a few dozen characters. */
  intentLength: 2000,
};

/** Each list of a form and the most rows it takes, by path: "participants", "posts[].notes". */
export type ListLimits = ReadonlyMap<string, number>;

const NO_LISTS: ListLimits = new Map();
const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);
// conform's reserved names: the no-JavaScript list buttons, and a state our forms never post.
const INTENT = "__intent__";
const STATE = "__state__";
const LIST_INTENTS = new Set(["insert", "remove", "reorder"]);

const listLimitsCache = new WeakMap<z.ZodTypeAny, ListLimits>();

/**
 * The lists of a schema with the .max() of each: the numbers the schema enforces after parsing
 * are the ones the shape check enforces before it. A list without a .max() is a mistake in the
 * schema (tests/security/form-lists.test.ts walks every form's schema).
 */
export function listLimits(schema: z.ZodTypeAny): ListLimits {
  let limits = listLimitsCache.get(schema);
  if (!limits) {
    const found = new Map<string, number>();
    collectLists(schema, "", found);
    limits = found;
    listLimitsCache.set(schema, limits);
  }
  return limits;
}

function collectLists(schema: z.ZodTypeAny, path: string, found: Map<string, number>): void {
  if (schema instanceof z.ZodEffects) return collectLists(schema.innerType(), path, found);
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return collectLists(schema.unwrap(), path, found);
  if (schema instanceof z.ZodDefault) return collectLists(schema.removeDefault(), path, found);
  if (schema instanceof z.ZodCatch) return collectLists(schema.removeCatch(), path, found);
  if (schema instanceof z.ZodBranded) return collectLists(schema.unwrap(), path, found);
  if (schema instanceof z.ZodReadonly) return collectLists(schema._def.innerType, path, found);
  // What is posted is what the pipeline's first schema reads.
  if (schema instanceof z.ZodPipeline) return collectLists(schema._def.in, path, found);
  if (schema instanceof z.ZodObject) {
    for (const [key, child] of Object.entries(schema.shape as z.ZodRawShape))
      collectLists(child, path ? `${path}.${key}` : key, found);
    return;
  }
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) {
    for (const option of schema.options as z.ZodTypeAny[]) collectLists(option, path, found);
    return;
  }
  if (schema instanceof z.ZodArray) {
    const max = schema._def.maxLength?.value;
    if (max === undefined)
      throw new Error(`The list "${path}" has no .max(): say how many rows it takes (app/utils/form-shape.ts)`);
    found.set(path, Math.max(max, found.get(path) ?? 0));
    collectLists(schema.element, `${path}[]`, found);
  }
}

type Segment = string | number;

/** A field name read as conform reads it ("posts[0].start.year"), or null if it cannot be one. */
function parseName(name: string): Segment[] | null {
  const token = /([^.[\]]+)|\[(\d*)\]/g;
  const segments: Segment[] = [];
  let end = 0;
  for (let match = token.exec(name); match; match = token.exec(name)) {
    if (match.index !== end && !(match.index === end + 1 && name[end] === ".")) return null;
    const [, key, index] = match;
    if (key !== undefined) segments.push(key);
    // "[]" appends a row per field: a list with no index to check. No form of ours posts one.
    else if (index === "") return null;
    else segments.push(Number(index));
    end = token.lastIndex;
  }
  return end === name.length && segments.length > 0 ? segments : null;
}

/** Segments written back as a field name: ["posts", 3, "start"] is "posts[3].start". */
const nameOf = (segments: Segment[]) =>
  segments.map((s, i) => (typeof s === "number" ? `[${s}]` : i === 0 ? s : `.${s}`)).join("");
/** The pattern a list's limit is kept under, whatever its rows: "posts[3].notes" is "posts[].notes". */
const patternOf = (segments: Segment[]) =>
  segments.map((s, i) => (typeof s === "number" ? "[]" : i === 0 ? s : `.${s}`)).join("");

/** Why these segments cannot be a field of a form with these lists, if they cannot. */
function pathProblem(segments: Segment[], lists: ListLimits): string | null {
  if (segments.length > FORM_LIMITS.depth) return "a field name is nested too deeply";
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i];
    if (typeof segment === "string") {
      if (FORBIDDEN_SEGMENTS.has(segment)) return "a field name is not allowed";
      continue;
    }
    const limit = lists.get(patternOf(segments.slice(0, i)));
    if (limit === undefined) return "an index on a field that is not a list";
    if (!Number.isSafeInteger(segment) || segment >= limit) return "a list index is past the list's limit";
  }
  return null;
}

export type FormShape = { ok: true; formData: FormData } | { ok: false; problem: string };

const refuse = (problem: string): FormShape => ({ ok: false, problem });

/**
 * Whether a posted form has a shape one of ours could have sent, given the lists its schema
 * has (none if it has no schema). If so, the form with the rows of each list numbered from 0
 * without gaps, so a reply renders the rows that were sent and no empty ones between them.
 */
export function checkFormShape(formData: FormData, lists: ListLimits = NO_LISTS): FormShape {
  const rows = new Map<string, Set<number>>();
  const entries: Array<{ segments: Segment[]; value: FormDataEntryValue }> = [];
  let intent: FormDataEntryValue | undefined;
  let fields = 0;

  for (const [name, value] of formData) {
    if (++fields > FORM_LIMITS.fields) return refuse("too many fields");
    if (name.length > FORM_LIMITS.nameLength) return refuse("a field name is too long");
    if (name === STATE) return refuse("a conform state, which our forms never post");
    if (name === INTENT) {
      if (intent !== undefined) return refuse("two list buttons at once");
      intent = value;
      continue;
    }
    const segments = parseName(name);
    if (!segments) return refuse("a field name no form of ours has");
    const problem = pathProblem(segments, lists);
    if (problem) return refuse(problem);
    segments.forEach((segment, i) => {
      if (typeof segment !== "number") return;
      const key = nameOf(segments.slice(0, i));
      rows.set(key, (rows.get(key) ?? new Set<number>()).add(segment));
    });
    entries.push({ segments, value });
  }

  // Rows numbered 0, 1, 3 become 0, 1, 2; a lone row 150 is refused.
  const renumbering = new Map<string, Map<number, number>>();
  for (const [key, indices] of rows) {
    const sorted = [...indices].sort((a, b) => a - b);
    if (sorted[sorted.length - 1] >= sorted.length + FORM_LIMITS.gap)
      return refuse("a list index far past the rows sent");
    if (sorted[sorted.length - 1] !== sorted.length - 1)
      renumbering.set(key, new Map(sorted.map((index, row) => [index, row])));
  }
  const renumber = (segments: Segment[]) =>
    segments.map((segment, i) =>
      typeof segment === "number" ? (renumbering.get(nameOf(segments.slice(0, i)))?.get(segment) ?? segment) : segment,
    );

  let intentValue: string | undefined;
  if (intent !== undefined) {
    const checked = checkIntent(intent, lists, renumber);
    if (!checked.ok) return refuse(checked.problem);
    intentValue = checked.value;
  }

  if (!renumbering.size) return { ok: true, formData };
  const compacted = new FormData();
  for (const { segments, value } of entries) compacted.append(nameOf(renumber(segments)), value);
  if (intentValue !== undefined) compacted.append(INTENT, intentValue);
  return { ok: true, formData: compacted };
}

/**
 * conform's list buttons (add or remove a row without JavaScript) post a JSON intent. conform
 * parses it unchecked: bad JSON was a 500, and an "update" could replace the whole form, lists
 * of any length included. Only adding, removing and moving a row of a known list pass.
 */
function checkIntent(
  intent: FormDataEntryValue,
  lists: ListLimits,
  renumber: (segments: Segment[]) => Segment[],
): { ok: true; value: string } | { ok: false; problem: string } {
  const bad = (problem: string) => ({ ok: false as const, problem });
  if (typeof intent !== "string" || intent.length > FORM_LIMITS.intentLength)
    return bad("a list button's value is not one of ours");
  let parsed: unknown;
  try {
    parsed = JSON.parse(intent);
  } catch {
    return bad("a list button's value is not JSON");
  }
  if (
    !isRecord(parsed) ||
    typeof parsed.type !== "string" ||
    !LIST_INTENTS.has(parsed.type) ||
    !isRecord(parsed.payload)
  ) {
    return bad("a list button that does not add, remove or move a row");
  }
  const { name, index, from, to, defaultValue } = parsed.payload;
  const segments = typeof name === "string" ? parseName(name) : null;
  if (!segments) return bad("a list button without a list");
  const limit = lists.get(patternOf(segments));
  if (limit === undefined) return bad("a list button for a field that is not a list");
  const problem = pathProblem(segments, lists);
  if (problem) return bad(problem);
  // splice() with any position is harmless, but an index our buttons would never send is a forgery.
  for (const position of [index, from, to]) {
    if (
      position !== undefined &&
      !(Number.isSafeInteger(position) && (position as number) >= 0 && (position as number) <= limit)
    ) {
      return bad("a list button's position is past the list's limit");
    }
  }
  if (defaultValue !== undefined && !isSmallValue(defaultValue, FORM_LIMITS.depth))
    return bad("a new row's values are not ones our forms send");
  const renumbered = renumber(segments);
  if (renumbered.every((segment, i) => segment === segments[i])) return { ok: true, value: intent };
  return {
    ok: true,
    value: JSON.stringify({
      ...parsed,
      payload: { ...parsed.payload, name: nameOf(renumbered) },
    }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A new row's defaults as conform serialises them: text, in objects a few levels deep. */
function isSmallValue(value: unknown, depth: number): boolean {
  if (typeof value === "string") return true;
  if (!isRecord(value) || depth === 0) return false;
  return Object.entries(value).every(([key, child]) => !FORBIDDEN_SEGMENTS.has(key) && isSmallValue(child, depth - 1));
}
