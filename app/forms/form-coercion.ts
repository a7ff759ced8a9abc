import { unstable_coerceFormValue as conformCoercion } from "@conform-to/zod";
import { z } from "zod";

type Coerce = (value: unknown) => unknown;

/**
 * A form's schema that takes what was posted (text, lists of text, files) and parses it as its
 * values: empty text as nothing, "12" as 12, "on" as true; the same values, messages and paths
 * as conform's coercion (`coerceFormValue`), which the forms used before.
 *
 * conform wraps every field of the schema in two or three more schemas (a pipeline from a
 * transform into the field, inside another for "empty is nothing"): for the meeting form with
 * ten participants 280 us of parsing, 0.2 of the 2.3 ms its post costs the server (issue 17),
 * and the same in the browser as a form checks itself while typed in. Here the posted values
 * are coerced in one walk, made once per schema, and the form's own schema parses the result
 * (85 us). A schema with a part the walk does not know (unions, pipelines, preprocessing, files)
 * keeps conform's coercion; tests/form-coercion.test.ts holds the two to the same answers.
 */
export function coerceFormValue<Schema extends z.ZodTypeAny>(schema: Schema): z.ZodTypeAny {
  const coerce = coercionOf(schema);
  return coerce ? z.any().transform(coerce).pipe(schema) : conformCoercion(schema);
}

/** Whether coerceFormValue walks the schema itself (for the tests). */
export const coercedByWalk = (schema: z.ZodTypeAny) => coercionOf(schema) !== null;

// conform's rules, one by one: "" is nothing; so is a file input left empty, where a value may be missing.
const isEmptyFile = (value: unknown) =>
  typeof File !== "undefined" && value instanceof File && value.name === "" && value.size === 0;
const stripEmptyText: Coerce = (value) => (value === "" ? undefined : value);
const stripEmptyValue: Coerce = (value) => (value === "" || isEmptyFile(value) ? undefined : value);
// Blank but not empty stays text: the field's own schema says what is wrong with it.
const toNumber: Coerce = (value) =>
  typeof value !== "string" || value === "" ? stripEmptyText(value) : value.trim() === "" ? value : Number(value);
const toBoolean: Coerce = (value) => (value === "on" ? true : stripEmptyText(value));
const orNothing =
  (coerce: Coerce): Coerce =>
  (value) => {
    const stripped = stripEmptyValue(value);
    return stripped === undefined ? undefined : coerce(stripped);
  };
const same: Coerce = (value) => value;

/** The walk that coerces a posted value for `type`, or null where conform's coercion is kept. */
function coercionOf(type: z.ZodTypeAny): Coerce | null {
  if (type instanceof z.ZodString || type instanceof z.ZodEnum || type instanceof z.ZodNativeEnum) {
    return stripEmptyText;
  }
  if (type instanceof z.ZodNumber) return toNumber;
  if (type instanceof z.ZodBoolean) return toBoolean;
  if (type instanceof z.ZodOptional) return optionalOf(type.unwrap());
  if (type instanceof z.ZodDefault) {
    // conform leaves the inner schema as it is when the default is the empty text itself.
    const defaultValue: unknown = type._def.defaultValue();
    return defaultValue === "" ? orNothing(same) : optionalOf(type.removeDefault());
  }
  if (type instanceof z.ZodNullable) {
    const inner = coercionOf(type.unwrap());
    return inner && ((value) => (value === null ? null : inner(value)));
  }
  // Refinements and transforms see the field's value after the coercion of the field inside.
  if (type instanceof z.ZodEffects) {
    const effect = (type._def as z.ZodEffectsDef).effect.type;
    return effect === "preprocess" ? null : coercionOf(type.innerType());
  }
  if (type instanceof z.ZodArray) {
    const row = coercionOf(type.element);
    if (!row) return null;
    return (value) => {
      // Array.from, not map: a row left out of the post (rows[1] without rows[0]) is a hole, which map skips.
      if (Array.isArray(value)) return Array.from(value as unknown[], (item) => row(item));
      return value === undefined || stripEmptyValue(value) === undefined ? [] : [row(value)];
    };
  }
  if (type instanceof z.ZodObject) {
    const fields: Array<[string, Coerce]> = [];
    for (const [key, field] of Object.entries(type.shape as z.ZodRawShape)) {
      const coerce = coercionOf(field);
      if (!coerce) return null;
      fields.push([key, coerce]);
    }
    return (value) => {
      const given = value === undefined ? {} : value;
      if (typeof given !== "object" || given === null || Array.isArray(given)) return given;
      const record = given as Record<string, unknown>;
      const coerced: Record<string, unknown> = { ...record };
      for (const [key, coerce] of fields) {
        const field = coerce(record[key]);
        // A field not posted stays missing unless its coercion gives it a value (a list: []).
        if (field !== undefined || key in record) coerced[key] = field;
      }
      return coerced;
    };
  }
  return null;
}

function optionalOf(inner: z.ZodTypeAny): Coerce | null {
  const coerce = coercionOf(inner);
  return coerce && orNothing(coerce);
}
