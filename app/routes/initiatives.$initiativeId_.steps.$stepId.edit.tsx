import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { PageHeading } from "~/components/Page";
import { InitiativeStepSchema } from "~/forms/schemas.server";
import { dateWords } from "~/i18n/dates";
import { getTranslator } from "~/i18n/i18n.server";
import { getInitiative, initiativeStepForEdit } from "~/models/initiatives/read.server";
import { updateInitiativeStep } from "~/models/initiatives/write.server";
import { meetingChoices } from "~/models/meetings/read.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone, stepFoundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { formatPartialDate } from "~db/shared/partial-date";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { recordVersion, stepOfRecord } from "~/models/record-versions.server";
import { editedRecord, editedStep, saveEdit } from "~/forms/stale.server";

const InitiativeStepForm = deferred(() =>
  import("~/forms/InitiativeForms").then((module) => module.InitiativeStepForm),
);

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.initiativeId);
  const initiative = foundOrGone(getInitiative(id, lng), { type: "initiative", id }, { user, lng, t });
  const stepId = requireId(params.stepId);
  const step = {
    ...stepFoundOrGone(initiativeStepForEdit(id, stepId), stepOfRecord("initiative", id, stepId), { user, lng, t }),
    version: recordVersion("initiative", id),
  };
  const words = dateWords(lng, t);
  return {
    title: t("form.initiative.editStep"),
    initiative: { id: initiative.id, title: initiative.title },
    stepId,
    step,
    meetings: meetingChoices(initiative.partner?.id, (date) => formatPartialDate(date, words), step.meetingId, lng),
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
  const stepId = requireId(params.stepId);
  const { submission, lng, t } = await parseForm(request, schema);
  const reader = { actor, lng, t };
  const target = editedRecord(getInitiative(id, lng), submission, { type: "initiative", id }, reader);
  if (target.reply) return target.reply;
  const step = editedStep(
    initiativeStepForEdit(id, stepId),
    submission,
    stepOfRecord("initiative", id, stepId),
    reader,
  );
  if (step.reply) return step.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const edit = saveEdit(submission, { type: "initiative", id }, reader, (seen) =>
    updateInitiativeStep(id, stepId, submission.value, actor, seen),
  );
  if (edit.reply) return edit.reply;
  const saved = edit.saved;
  if (!saved.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(saved.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/initiatives/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(InitiativeStepForm);

export default function EditInitiativeStepPage() {
  const { t } = useTranslation();
  const { initiative, stepId, step, meetings } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading
        eyebrow={initiative.title}
        actions={
          <div className="flex flex-wrap gap-2">
            <ActionLink to={`/history/initiative/${initiative.id}`} tone="secondary" need="viewer">
              {t("history.link")}
            </ActionLink>
            <ActionLink to={`/initiatives/${initiative.id}/steps/${stepId}/delete`} tone="danger">
              {t("form.initiative.deleteStep")}
            </ActionLink>
          </div>
        }
      >
        {t("form.initiative.editStep")}
      </PageHeading>
      <InitiativeStepForm
        reply={reply}
        meetings={meetings}
        defaultValue={step}
        draftKey={`initiative-${initiative.id}-step-${stepId}`}
      />
    </>
  );
}
