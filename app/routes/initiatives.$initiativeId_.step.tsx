import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { InitiativeStepSchema } from "~/forms/schemas.server";
import { dateWords } from "~/i18n/dates";
import { getTranslator } from "~/i18n/i18n.server";
import { addInitiativeStep } from "~/models/initiatives/write.server";
import { missingReferences } from "~/models/sql.server";
import { getInitiative } from "~/models/initiatives/read.server";
import { meetingChoices } from "~/models/meetings/read.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { formatPartialDate } from "~db/shared/partial-date";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { editedRecord } from "~/forms/stale.server";

const InitiativeStepForm = deferred(() =>
  import("~/forms/InitiativeForms").then((module) => module.InitiativeStepForm),
);

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.initiativeId);
  const initiative = foundOrGone(getInitiative(id, lng), { type: "initiative", id }, { user, lng, t });
  const words = dateWords(lng, t);
  return {
    title: t("form.initiative.addStep"),
    initiative: { id: initiative.id, title: initiative.title },
    meetings: meetingChoices(initiative.partner?.id, (date) => formatPartialDate(date, words), undefined, lng),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = InitiativeStepSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.initiativeId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(getInitiative(id, lng), submission, { type: "initiative", id }, { actor, lng, t });
  if (target.reply) return target.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  if (missingReferences(submission.value).length) {
    return replyWith(submission.reply({ fieldErrors: { meetingId: [t("form.errors.notFound")] } }), {}, 400);
  }
  addInitiativeStep(id, submission.value, actor);
  return redirectWithFlash(request, `/initiatives/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(InitiativeStepForm);

export default function InitiativeStepPage() {
  const { t } = useTranslation();
  const { initiative, meetings } = useLoaderData<typeof loader>();
  const { initiativeId } = useParams();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading eyebrow={initiative.title}>{t("form.initiative.addStep")}</PageHeading>
      <InitiativeStepForm reply={reply} meetings={meetings} draftKey={`initiative-${initiativeId}-step-new`} />
    </>
  );
}
