import { z } from "zod";

/** What a cross-field rule sees in place of a field that does not parse (its own error says why). */
export const UNPARSED = Symbol("unparsed");
export type Unparsed = typeof UNPARSED;

/** A field's value as a rule sees it: parsed, or UNPARSED; a list keeps the rows that parse. */
export type Lenient<T> = T extends ReadonlyArray<infer Row> ? Array<Row | Unparsed> | Unparsed : T | Unparsed;
export type LenientObject<Shape extends z.ZodRawShape> = {
  [K in keyof z.objectOutputType<Shape, z.ZodTypeAny>]: Lenient<z.objectOutputType<Shape, z.ZodTypeAny>[K]>;
};

export const parsed = <T>(value: T | Unparsed): value is T => value !== UNPARSED;

/**
 * An object schema whose cross-field rules always run, whatever else is wrong with the form.
 *
 * zod runs an object's refine/superRefine only once every field parses, so a blank partner form
 * said "choose a kind" first and "give the name in one language" only after that was fixed
 * (issue 13.3). Here the rules run on a lenient copy of the parsed object in which each field
 * that does not parse is UNPARSED, and a list keeps the rows that parse (UNPARSED in place of the
 * others). UNPARSED is truthy, so "was anything given" rules count a field typed wrong as given,
 * and rules that compare values have to check `parsed()` first.
 *
 * The copy is made from the one parse of the fields, not by parsing them again: a form refused
 * at its list limits parses 350 rows, and parsing each row four times (as an intersection with a
 * lenient side did) was a quarter of the time it took to answer (issue 12.4). It is a ZodObject,
 * so conform's constraints, the list limits and the fuzzer read its shape as any other.
 */
export function formObject<Shape extends z.ZodRawShape>(
  shape: Shape,
  rules: (value: LenientObject<Shape>, ctx: z.RefinementCtx) => void,
): z.ZodObject<Shape> {
  const def: RuledDef<Shape> = { ...z.object(shape)._def, rules: rules as Rules };
  return new RuledObject(def);
}

type Rules = (value: unknown, ctx: z.RefinementCtx) => void;
type RuledDef<Shape extends z.ZodRawShape> = z.ZodObjectDef<Shape> & { rules: Rules };

/** Each parsed row of a RuledObject, by the input object it came from: its value, or UNPARSED. */
const parsedRows = new WeakMap<object, unknown>();

/**
 * The rules live in the definition, not beside it: conform rebuilds a form's schema to coerce
 * what was posted, as `new type.constructor({ ...def, shape })` (patches/@conform-to+zod…).
 */
class RuledObject<Shape extends z.ZodRawShape> extends z.ZodObject<Shape> {
  declare _def: RuledDef<Shape>;

  _parse(input: z.ParseInput): z.ParseReturnType<this["_output"]> {
    if (this._getType(input) !== z.ZodParsedType.object) return super._parse(input);
    const { status, ctx } = this._processInputParams(input);
    const issues = ctx.common.issues;
    const depth = ctx.path.length;
    const pairs: Parameters<typeof z.ParseStatus.mergeObjectSync>[1] = [];
    const lenient: Record<string, unknown> = {};
    // The shape as zod keeps it once made: `this.shape` calls the definition's shape again, and
    // the form coercion's copy rebuilds its shape on every call (once a row).
    for (const [key, field] of Object.entries(this._getCached().shape as z.ZodRawShape)) {
      const before = issues.length;
      const data = ctx.data[key];
      const result = field._parse({ parent: ctx, data, path: [...ctx.path, key] });
      if (result instanceof Promise) throw new Error("formObject parses synchronously");
      pairs.push({ key: { status: "valid", value: key }, value: result, alwaysSet: key in ctx.data });
      lenient[key] = z.isValid(result) ? result.value : lenientField(field, data, issues.slice(before), depth + 1);
    }
    const rulesBefore = issues.length;
    this._def.rules(lenient, {
      addIssue: (issue) => z.addIssueToContext(ctx, issue),
      path: ctx.path,
    });
    if (issues.length > rulesBefore) status.dirty();
    const result = z.ParseStatus.mergeObjectSync(status, pairs);
    if (typeof ctx.data === "object" && ctx.data !== null) {
      parsedRows.set(ctx.data, result.status === "valid" ? result.value : UNPARSED);
    }
    return result as z.ParseReturnType<this["_output"]>;
  }
}

/**
 * A field that did not parse, as the rules see it: UNPARSED, or for a list whose rows failed
 * (and not the list itself: too many rows), the rows that parsed with UNPARSED for the others.
 */
function lenientField(field: z.ZodTypeAny, data: unknown, issues: z.ZodIssue[], depth: number): unknown {
  const list = listOf(field);
  if (!list || !Array.isArray(data) || issues.some((issue) => typeof issue.path[depth] !== "number")) {
    return UNPARSED;
  }
  const failedRows = new Set(issues.map((issue) => issue.path[depth]));
  return data.map((row: unknown, index) => {
    if (failedRows.has(index)) return UNPARSED;
    if (typeof row === "object" && row !== null && parsedRows.has(row)) return parsedRows.get(row);
    const parsed = list.element.safeParse(row);
    return parsed.success ? parsed.data : UNPARSED;
  });
}

/** The list a field is, under its defaults and under conform's coercion (a pipeline into it). */
function listOf(field: z.ZodTypeAny): z.ZodArray<z.ZodTypeAny> | undefined {
  if (field instanceof z.ZodDefault) return listOf(field.removeDefault());
  if (field instanceof z.ZodOptional) return listOf(field.unwrap());
  if (field instanceof z.ZodPipeline) return listOf(field._def.out);
  if (field instanceof z.ZodEffects) return listOf(field.innerType());
  return field instanceof z.ZodArray ? field : undefined;
}
