import type { StaleNotice } from "./stale.server";
import { data } from "@remix-run/node";
import type { SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/forms/parse-with-zod";
import type { z } from "zod";
import { formErrorMap } from "~/forms/error-map";
import { getTranslator } from "~/i18n/i18n.server";
import { checkFormShape, listLimits } from "~/forms/shape";
import type { T } from "~/i18n/translate";
import type { FieldRefusals } from "~/models/refusals";
import { badRequest } from "~/utils/http.server";
import { SECRET_FIELDS } from "~/forms/account";

/**
 * The form as posted, or a 400 if it cannot be one of ours (app/utils/form-shape.ts): its lists
 * are the schema's, each within its .max(); a form read without a schema has none.
 */
export async function readForm(request: Request, schema?: z.ZodTypeAny) {
  let formData: FormData;
  try {
    formData = await request.formData();
  } catch {
    throw badRequest();
  }
  const shape = checkFormShape(formData, schema ? listLimits(schema) : undefined);
  if (!shape.ok) throw badRequest();
  return shape.formData;
}

type Submission = ReturnType<typeof parseWithZod>;

/** The form each request's action parsed, for as long as the request lives: see busyAnswer. */
const formsParsed = new WeakMap<Request, { submission: Submission; t: T }>();

/** Parses a posted form with its schema; the messages come in the reader's language. */
export async function parseForm<Schema extends z.ZodTypeAny>(request: Request, schema: Schema) {
  const { lng, t } = await getTranslator(request);
  const formData = await readForm(request, schema);
  const submission = parseWithZod(formData, { schema, errorMap: formErrorMap(t) });
  formsParsed.set(request, { submission, t });
  return { submission, lng, t };
}

/**
 * The answer to a form whose save found the database busy (another program holding the write
 * lock past the server's wait, db/durable-answers.ts): the form again, everything typed kept
 * (but a password), saying that nothing was saved and to send it again. Undefined for an action
 * that parsed no form (a button, an upload): that one gets the busy page.
 */
export function busyAnswer(request: Request) {
  const parsed = formsParsed.get(request);
  if (!parsed) return undefined;
  const result = parsed.submission.reply({ formErrors: [parsed.t("errors.busy.form")], hideFields: SECRET_FIELDS });
  return data<FormReply>({ result }, { status: 503, headers: { "Retry-After": "10" } });
}

export type FormReply = {
  result: SubmissionResult<string[]>;
  duplicates?: Array<{ id: number; name: string }>;
  /** The record changed after the form was opened (./stale.server.ts). */
  stale?: StaleNotice;
};

/**
 * The answer to a form that cannot be saved as sent: 400 for invalid input, 409 when it would
 * make a duplicate; conform's list intents (add or remove a row without JavaScript) get 200.
 * Nothing is written in any of these cases; everything typed comes back.
 */
export function replyWith(result: SubmissionResult<string[]>, extra: Omit<FormReply, "result"> = {}, status?: number) {
  return data<FormReply>({ result, ...extra }, { status: status ?? (result.status === "error" ? 400 : 200) });
}

/** A model's refusals, said in the reader's language beside the fields they concern. */
export function sayRefusals(refusals: FieldRefusals, t: T): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(refusals).map(([field, list]) => [field, list.map(({ key, values }) => t(key, values))]),
  );
}
