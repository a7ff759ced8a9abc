/**
 * The fields of a form, read from its zod schema: the names conform reads ("date.year",
 * "participants[0].name", "topics[0]") and what each takes. The fuzzer posts these, so a new form
 * is fuzzed with its own fields without a list kept here.
 */
import type { z } from "zod";

export type FieldKind = "text" | "number" | "boolean" | "choice";

export type FormField = {
  name: string;
  /** The name's last word: "name" in "participants[0].name", "topics" in "topics[0]". */
  key: string;
  kind: FieldKind;
  /** Can be left out: optional, defaulted, or inside an optional object or list. */
  optional: boolean;
  /** What a choice takes (an enum's options, a literal's value). */
  choices: readonly string[];
  /** A number's lower bound, if the schema has one. */
  min?: number;
};

/** Unions: every option's fields (what may be posted), or the first option's (one valid form). */
export type Options = "all" | "first";

// zod 3's own type names: sturdier than instanceof across module copies (build, tsx, vitest).
type Def = { typeName?: string } & Record<string, unknown>;
const defOf = (schema: z.ZodTypeAny) => schema._def as Def;

export function formFields(schema: z.ZodTypeAny, options: Options = "all"): FormField[] {
  const found = new Map<string, FormField>();
  walk(schema, "", "", false, options, found);
  return [...found.values()];
}

function walk(
  schema: z.ZodTypeAny,
  name: string,
  key: string,
  optional: boolean,
  options: Options,
  found: Map<string, FormField>,
): void {
  const def = defOf(schema);
  const inner = (field: string) => def[field] as z.ZodTypeAny;
  switch (def.typeName) {
    case "ZodOptional":
    case "ZodNullable":
    case "ZodDefault":
      return walk(inner("innerType"), name, key, true, options, found);
    case "ZodCatch":
    case "ZodReadonly":
      return walk(inner("innerType"), name, key, optional, options, found);
    case "ZodBranded":
      return walk(inner("type"), name, key, optional, options, found);
    case "ZodEffects":
      return walk(inner("schema"), name, key, optional, options, found);
    // What is posted is what the pipeline's first schema reads.
    case "ZodPipeline":
      return walk(inner("in"), name, key, optional, options, found);
    case "ZodLazy":
      return walk((def.getter as () => z.ZodTypeAny)(), name, key, optional, options, found);
    // app/forms/form-object.ts: the fields, and a lenient copy of the same fields for the rules.
    case "ZodIntersection":
      walk(inner("left"), name, key, optional, options, found);
      return walk(inner("right"), name, key, optional, options, found);
    case "ZodObject": {
      const shape = (def.shape as () => z.ZodRawShape)();
      for (const [child, field] of Object.entries(shape))
        walk(field, name ? `${name}.${child}` : child, child, optional, options, found);
      return;
    }
    case "ZodArray": {
      const min = (def.minLength as { value: number } | null)?.value ?? 0;
      return walk(inner("type"), `${name}[0]`, key, optional || min === 0, options, found);
    }
    case "ZodUnion":
    case "ZodDiscriminatedUnion": {
      const all = def.options as z.ZodTypeAny[];
      for (const option of options === "first" ? all.slice(0, 1) : all)
        walk(option, name, key, optional, options, found);
      return;
    }
  }
  if (found.has(name)) return;
  found.set(name, { name, key, optional, ...leaf(def) });
}

function leaf(def: Def): Pick<FormField, "kind" | "choices" | "min"> {
  switch (def.typeName) {
    case "ZodBoolean":
      return { kind: "boolean", choices: [] };
    case "ZodNumber":
    case "ZodBigInt": {
      const checks = (def.checks ?? []) as Array<{ kind: string; value?: number; inclusive?: boolean }>;
      const min = checks.find((check) => check.kind === "min");
      const positive = min && min.value !== undefined ? min.value + (min.inclusive === false ? 1 : 0) : undefined;
      return { kind: "number", choices: [], min: positive };
    }
    case "ZodEnum":
      return { kind: "choice", choices: (def.values as string[]).map(String) };
    case "ZodNativeEnum":
      return { kind: "choice", choices: Object.values(def.values as Record<string, string | number>).map(String) };
    case "ZodLiteral":
      return { kind: "choice", choices: [String(def.value)] };
    default:
      return { kind: "text", choices: [] };
  }
}
