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
 * (issue 13.3). Here the fields are parsed as usual (left side of an intersection, which zod
 * parses in full even when the other side fails) and, beside them, a lenient copy in which each
 * field that does not parse becomes UNPARSED instead of failing the object; the rules run on that
 * copy. UNPARSED is truthy, so "was anything given" rules count a field typed wrong as given,
 * and rules that compare values have to check `parsed()` first. The copy's own issues are
 * dropped (`catch`), so every message is reported once, by the field that owns it.
 */
export function formObject<Shape extends z.ZodRawShape>(
  shape: Shape,
  rules: (value: LenientObject<Shape>, ctx: z.RefinementCtx) => void,
) {
  const lenientShape = Object.fromEntries(Object.entries(shape).map(([key, field]) => [key, lenient(field)]));
  const ruled = z
    .object(lenientShape)
    .superRefine((value, ctx) => rules(value as LenientObject<Shape>, ctx))
    // Adds nothing to the parsed object (an intersection merges both sides' values), nor to its
    // type: the form's fields are the strict side's.
    .transform(() => ({})) as z.ZodType<object, z.ZodTypeDef, unknown>;
  return z.object(shape).and(ruled);
}

/** The field, never failing: UNPARSED when it does not parse; for a list, row by row. */
function lenient(field: z.ZodTypeAny): z.ZodTypeAny {
  if (field instanceof z.ZodDefault) {
    return new z.ZodDefault({ ...field._def, innerType: lenient(field._def.innerType) }).catch(UNPARSED as never);
  }
  if (field instanceof z.ZodOptional) return lenient(field.unwrap()).optional();
  // The list's own limits (its length) are the strict side's business.
  if (field instanceof z.ZodArray) return z.array(field.element.catch(UNPARSED as never)).catch(UNPARSED as never);
  return field.catch(UNPARSED as never);
}
