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
 * page then chooses it; without JavaScript the review is proposed again, with it chosen.
 */
function addPartner(formData: FormData, lng: Language, t: T, actor: Actor) {
  const name = String(formData.get("name") ?? "").trim();
  const names = typedName(name);
  const parsed = PartnerSchema.safeParse({
    kind: formData.get("kind"),
    countryCode: formData.get("countryCode"),
    nameKk: names.nameKk ?? undefined,
    nameRu: names.nameRu ?? undefined,
    nameEn: names.nameEn ?? undefined,
    nameNative: names.nameNative ?? undefined,
  });
  if (!parsed.success || !name)
    return data(
      { stage: "partner" as const, error: t("form.errors.required"), review: reviewCarried(formData, lng, t) },
      400,
    );
  const partnerId = createPartner(parsed.data, actor);
  return {
    stage: "partner" as const,
    partnerId,
    name,
    review: reviewCarried(formData, lng, t, { id: partnerId, name }),
  };
}

const Page = deferred(() => import("~/forms/pages/FromReportPage").then((module) => module.FromReportPage));

export const clientLoader = withDeferred(Page);

export default Page;
