import { parseWithZod as conformParse } from "@conform-to/zod";
import type { ZodErrorMap, ZodTypeAny } from "zod";
import { coerceFormValue } from "./form-coercion";

const coerced = new WeakMap<ZodTypeAny, ZodTypeAny>();

/**
 * conform's parseWithZod, with the schema's form coercion (empty text as nothing, "12" as 12)
 * made once per schema. conform's own makes a fresh copy of the whole schema on every parse,
 * and a copied object's shape was rebuilt on every read: for the largest refused meeting form a
 * tenth of the server's time, and on every keystroke in the browser once a form shows its
 * messages. Every form is parsed through here (app/forms/schemas.server.ts re-exports it).
 */
export function parseWithZod<Schema extends ZodTypeAny>(
  payload: FormData | URLSearchParams,
  options: { schema: Schema; errorMap?: ZodErrorMap },
) {
  let schema = coerced.get(options.schema);
  if (!schema) coerced.set(options.schema, (schema = coerceFormValue(options.schema)));
  // The copy's type is the schema's, as conform's automatic coercion keeps it.
  return conformParse(payload, { schema: schema as Schema, errorMap: options.errorMap, disableAutoCoercion: true });
}
