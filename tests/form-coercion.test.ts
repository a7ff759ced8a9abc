/**
 * Every form is parsed through app/forms/form-coercion.ts's walk instead of conform's coercion
 * (issue 17: 280 -> 85 us for the meeting form). Held here to conform's answers, the values, the
 * messages and the fields they are beside, for every form's schema and thousands of posts made
 * from it: well-formed, empty, mistyped, too long, lists with rows missing, one value posted
 * twice, an object posted as text.
 */
import { parseWithZod as conformParse, unstable_coerceFormValue as conformCoercion } from "@conform-to/zod";
import type { Submission } from "@conform-to/react";
import { describe, expect, test } from "vitest";
import { z } from "zod";
import * as forms from "~/forms/schemas.server";
import { coercedByWalk } from "~/forms/form-coercion";
import { translatorFor } from "~/i18n/i18n.server";

const t = translatorFor("ru");
const schemas = Object.entries(forms as Record<string, unknown>).filter(
  (entry): entry is [string, z.ZodTypeAny] => entry[1] instanceof z.ZodType,
);

/** A small seeded generator: the same posts on every run, so a difference can be looked at. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] };
}
type Random = ReturnType<typeof random>;

const TEXTS = ["", " ", "abc", "12", "0", "-3", "1.5", "on", "off", "2026", "31", "1e400", "9007199254740993"];
const MORE_TEXTS = ["  Астана  ", "Алматы", "Beijing", "x".repeat(301), "https://example.org", "javascript:x", "Q956"];

/** The form fields `schema` reads, filled in as a person (or anyone) might: name -> values. */
function fill(schema: z.ZodTypeAny, name: string, rng: Random, into: Array<[string, string]>, depth = 0): void {
  if (depth > 12) return;
  const roll = rng.next();
  if (roll < 0.12) return; // left out
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable)
    return fill(schema.unwrap(), name, rng, into, depth + 1);
  if (schema instanceof z.ZodDefault) return fill(schema.removeDefault(), name, rng, into, depth + 1);
  if (schema instanceof z.ZodEffects) return fill(schema.innerType(), name, rng, into, depth + 1);
  if (schema instanceof z.ZodPipeline) return fill(schema._def.in, name, rng, into, depth + 1);
  if (schema instanceof z.ZodObject || schema instanceof z.ZodDiscriminatedUnion) {
    if (roll < 0.16 && name) return void into.push([name, rng.pick(TEXTS)]); // an object posted as text
    const objects: z.ZodObject<z.ZodRawShape>[] =
      schema instanceof z.ZodDiscriminatedUnion ? [rng.pick(schema.options as z.ZodObject<z.ZodRawShape>[])] : [schema];
    for (const [key, field] of Object.entries(objects[0].shape))
      fill(field, name ? `${name}.${key}` : key, rng, into, depth + 1);
    return;
  }
  if (schema instanceof z.ZodArray) {
    if (roll < 0.18) return void into.push([name, rng.pick(TEXTS)]); // one value where a list goes
    const rows = Math.floor(rng.next() * 4);
    for (let row = 0; row < rows; row++) {
      // Now and then a row's index skipped, as a form whose middle row was removed posts it.
      const index = rng.next() < 0.15 ? row + 2 : row;
      fill(schema.element, `${name}[${index}]`, rng, into, depth + 1);
    }
    return;
  }
  const values: string[] =
    schema instanceof z.ZodEnum
      ? [...(schema.options as string[]), ...TEXTS]
      : schema instanceof z.ZodLiteral
        ? [String(schema.value), ...TEXTS]
        : [...TEXTS, ...MORE_TEXTS];
  into.push([name, rng.pick(values)]);
  if (rng.next() < 0.05) into.push([name, rng.pick(values)]); // the same field posted twice
}

function post(entries: Array<[string, string]>) {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

/** What a parse gives a form: its status, its values and each field's messages. */
function answer(submission: Submission<unknown, string[]>) {
  const reply = submission.reply();
  return JSON.stringify({
    status: submission.status,
    value: submission.status === "success" ? submission.value : null,
    error: reply.error,
  });
}

describe("every form's coercion answers as conform's does", () => {
  test("the forms posted in bulk take the walk", () => {
    for (const schema of [
      forms.MeetingSchema,
      forms.PartnerSchema,
      forms.PersonSchema,
      forms.OrganisationSchema,
      forms.DelegationSchema,
      forms.InitiativeSchema,
      forms.RelationSchema,
      forms.RelationStepSchema,
      forms.InitiativeStepSchema,
    ]) {
      expect(coercedByWalk(schema)).toBe(true);
    }
  });

  test.each(schemas)("%s: 600 posts, the same answers", (_name, schema) => {
    const rng = random(17);
    const coerced = conformCoercion(schema);
    for (let i = 0; i < 600; i++) {
      const entries: Array<[string, string]> = [];
      fill(schema, "", rng, entries);
      const expected = answer(
        conformParse(post(entries), { schema: coerced, errorMap: forms.formErrorMap(t), disableAutoCoercion: true }),
      );
      const actual = answer(forms.parseWithZod(post(entries), { schema, errorMap: forms.formErrorMap(t) }));
      expect(actual, JSON.stringify(entries)).toBe(expected);
    }
  });

  test("the meeting form as a person fills it: numbers, ticks and empty fields as conform gives them", () => {
    const formData = post([
      ["language", "kk"],
      ["date.year", " 2026 "],
      ["date.month", "11"],
      ["date.day", "3"],
      ["date.approximate", "on"],
      ["partnerId", "2"],
      ["hostOrganisationId", ""],
      ["purpose", "  Кездесу  "],
      ["participants[0].personId", "5"],
      ["participants[0].side", "guest"],
      ["participants[0].role", "led_delegation"],
      ["participants[1].name", "Ли Вэй"],
      ["participants[1].side", "guest"],
      ["participants[1].role", "attended"],
      ["participants[1].title", ""],
      ["topics[0]", "LRT"],
      ["topics[1]", ""],
      ["topics[2]", "LRT"],
    ]);
    const submission = forms.parseWithZod(formData, { schema: forms.MeetingSchema });
    expect(submission.status).toBe("success");
    if (submission.status !== "success") return;
    expect(submission.value).toMatchObject({
      date: { value: "2026-11-03", precision: "day", approximate: true },
      partnerId: 2,
      purpose: "Кездесу",
      participants: [
        { personId: 5, side: "guest", role: "led_delegation" },
        { name: "Ли Вэй", side: "guest", role: "attended" },
      ],
      topics: ["LRT"],
    });
    expect(submission.value.hostOrganisationId).toBeUndefined();
    expect(submission.value.participants[1].title).toBeUndefined();
  });
});
