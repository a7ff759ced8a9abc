import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { createHash } from "node:crypto";
import { actorOf, requireEditor } from "~/auth.server";
import { redirectWithFlash } from "~/flash.server";
import { formErrorMap, MeetingSchema, parseWithZod, PartnerSchema, PasteSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import type { Actor } from "~db/history";
import type { Language } from "~/i18n/config";
import type { T } from "~/i18n/translate";
import { proposalFormValues, proposeMeeting, type ReportInput } from "~/intake/press-release.server";
import { REPORT_FIELDS } from "~/intake/report-fields";
import { meetingFormChoices } from "~/models/meetings/write.server";
import { onWriter } from "~/models/writer.server";
import { createPartner } from "~/models/partners/write.server";
import { readForm, sayRefusals, type FormReply } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { countryOptions } from "~/utils/countries";
import { typedName } from "~db/shared/names";
import { findNameMatches } from "~/models/names.server";
import type { ZodError } from "zod";
import { deferred, withDeferred } from "~/forms/deferred";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  // Named on the server: the browser's own names may lack the reader's language (Chromium has
  // no Kazakh ones, and the page turned to English names once its script ran).
  return { title: t("intake.fromReport"), choices: meetingFormChoices(lng), countries: countryOptions(lng) };
}

/**
 * Three posts: "propose" reads the pasted report and answers with the proposal (nothing
 * written); "addPartner" adds a partner the report names that is not on file, when the person
 * asks; anything else is the meeting form's Save, checked by the same schema and saved by the
 * same logMeeting as /meetings/new, so validation and history are the same.
 */
/** What Save posts: the meeting form, as on /meetings/new. */
export const schema = MeetingSchema;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { lng, t } = await getTranslator(request);
  const formData = await readForm(request, schema);
  const intent = formData.get("intent");
  if (intent === "propose") return propose(formData, lng, t);
  if (intent === "addPartner") return addPartner(formData, lng, t, actor);
  const submission = parseWithZod(formData, { schema, errorMap: formErrorMap(t) });
  const answer = (result: FormReply["result"], status: number) =>
    data({ result, review: reviewCarried(formData, lng, t) }, { status });
  if (submission.status !== "success") return answer(submission.reply(), submission.status === "error" ? 400 : 200);
  const result = await onWriter("logMeeting", submission.value, lng, actor);
  if (!result.ok) return answer(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), 400);
  return redirectWithFlash(request, `/meetings/${result.id}`, t("form.saved"));
}

/** The pasted report, read into a proposal shown in the meeting form; nothing is written. */
function propose(formData: FormData, lng: Language, t: T) {
  const submission = parseWithZod(formData, { schema: PasteSchema, errorMap: formErrorMap(t) });
  if (submission.status !== "success")
    return data({ stage: "paste" as const, paste: submission.reply() }, { status: 400 });
  return { stage: "review" as const, ...reviewOf(submission.value, lng) };
}

/** The report read into a proposal; `partner`, one just added from the review, is its partner. */
function reviewOf(paste: ReportInput, lng: Language, partner?: { id: number; name: string }) {
  const read = proposeMeeting(paste, lng);
  const proposal = partner ? { ...read, partner, newPartner: null } : read;
  const { value, marks } = proposalFormValues(proposal);
  const draftKey = `meeting-from-report-${createHash("sha256").update(paste.text).digest("hex").slice(0, 12)}`;
  return { proposal, defaultValue: value, marks, draftKey, paste };
}

export type Review = ReturnType<typeof reviewOf>;

/**
 * The review again, from the report its forms carry (`report.*`): in the browser the page keeps
 * it while a Save is corrected, but without JavaScript every post draws a new page, and the
 * review, the pasted report and the message were gone after the first Save refused.
 */
function reviewCarried(
  formData: FormData,
  lng: Language,
  t: T,
  partner?: { id: number; name: string },
): Review | undefined {
  const paste = new URLSearchParams();
  for (const key of REPORT_FIELDS) {
    const value = formData.get(`report.${key}`);
    if (typeof value === "string") paste.set(key, value);
  }
  if (!paste.has("text")) return undefined;
  const submission = parseWithZod(paste, { schema: PasteSchema, errorMap: formErrorMap(t) });
  return submission.status === "success" ? reviewOf(submission.value, lng, partner) : undefined;
}

/**
 * A partner the report names and the file lacks, added when the person asks. In the browser the
 * page then chooses it; without JavaScript the review is proposed again, with it chosen. Checked
 * as the partner form checks one: each field's refusal beside it, and a name already on file (in
 * any script) shown before a second partner is made, unless the person confirms it is another.
 */
function addPartner(formData: FormData, lng: Language, t: T, actor: Actor) {
  const typed = typedPartner(formData);
  const parsed = PartnerSchema.safeParse(
    { kind: typed.kind, countryCode: typed.countryCode, ...present(typedName(typed.name)) },
    { errorMap: formErrorMap(t) },
  );
  // What was typed comes back with a refusal: without JavaScript the page is drawn anew from it.
  const refused = (status: number, refusal: { errors?: PartnerErrors; duplicates?: NameMatch[] }) =>
    data({ stage: "partner" as const, typed, ...refusal, review: reviewCarried(formData, lng, t) }, status);
  if (!parsed.success) return refused(400, { errors: partnerErrors(parsed.error, t) });
  const duplicates = findNameMatches("partner", parsed.data, lng);
  if (duplicates.length > 0 && formData.get("confirmDuplicate") !== "on") return refused(409, { duplicates });
  const partnerId = createPartner(parsed.data, actor);
  return {
    stage: "partner" as const,
    partnerId,
    name: typed.name,
    review: reviewCarried(formData, lng, t, { id: partnerId, name: typed.name }),
  };
}

export type TypedPartner = { name: string; kind: string; countryCode: string };
export type PartnerErrors = Partial<Record<keyof TypedPartner, string[]>>;
type NameMatch = ReturnType<typeof findNameMatches>[number];
/** A partner not added: what was typed, with what was wrong or the names already on file. */
export type PartnerRefusal = { typed?: TypedPartner; errors?: PartnerErrors; duplicates?: NameMatch[] };

function typedPartner(formData: FormData): TypedPartner {
  const text = (key: string) => {
    const value = formData.get(key);
    return typeof value === "string" ? value : "";
  };
  return { name: text("name").trim(), kind: text("kind"), countryCode: text("countryCode") };
}

/** The name in its script's slot; the empty slots left out, as the schema takes an absent name. */
function present(names: ReturnType<typeof typedName>) {
  return Object.fromEntries(Object.entries(names).filter(([, value]) => value));
}

/** The schema's refusals by the form's three fields: the one name field holds every slot's. */
function partnerErrors(error: ZodError, t: T): PartnerErrors {
  const errors: PartnerErrors = {};
  for (const issue of error.issues) {
    const path = String(issue.path[0] ?? "");
    const field = path === "kind" || path === "countryCode" ? path : "name";
    // The one name given in no language is this form's one field left empty.
    const noName =
      issue.code === "custom" && (issue.params as { key?: string } | undefined)?.key === "form.errors.oneName";
    const message = noName ? t("form.errors.required") : issue.message;
    const list = (errors[field] ??= []);
    if (!list.includes(message)) list.push(message);
  }
  return errors;
}

const Page = deferred(() => import("~/forms/pages/FromReportPage").then((module) => module.FromReportPage));

export const clientLoader = withDeferred(Page);

export default Page;
