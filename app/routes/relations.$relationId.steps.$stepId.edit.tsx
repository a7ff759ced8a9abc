import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { PageHeading } from "~/components/Page";
import { RelationStepSchema } from "~/forms/schemas.server";
import { dateWords } from "~/i18n/dates";
import { getTranslator } from "~/i18n/i18n.server";
import { meetingChoices } from "~/models/meetings/read.server";
import { relationForStep, relationStepForEdit, stepOf } from "~/models/relations/read.server";
import { updateRelationStep } from "~/models/relations/write.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone, stepFoundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { localizedName } from "~db/shared/names";
import { formatPartialDate } from "~db/shared/partial-date";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { recordVersion } from "~/models/record-versions.server";
import { editedRecord, editedStep, saveEdit } from "~/forms/stale.server";

const RelationStepForm = deferred(() => import("~/forms/RelationForms").then((module) => module.RelationStepForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const relationId = requireId(params.relationId);
  const relation = foundOrGone(relationForStep(relationId), { type: "relation", id: relationId }, { user, lng, t });
  const stepId = requireId(params.stepId);
  const step = {
    ...stepFoundOrGone(relationStepForEdit(relation.id, stepId, lng), stepOf(relation.id, stepId), { user, lng, t }),
    version: recordVersion("relation", relation.id),
  };
  const words = dateWords(lng, t);
  return {
    title: t("form.relation.editStep"),
    relationId: relation.id,
    stepId,
    heading: `${localizedName(relation.partner, lng)} · ${t(`relation.types.${relation.type}`)}`,
    step,
    meetings: meetingChoices(relation.partnerId, (date) => formatPartialDate(date, words), step.meetingId),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = RelationStepSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const relationId = requireId(params.relationId);
  const stepId = requireId(params.stepId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(
    relationForStep(relationId),
    submission,
    { type: "relation", id: relationId },
    { actor, lng, t },
  );
  if (target.reply) return target.reply;
  const relation = target.record;
  const step = editedStep(relationStepForEdit(relation.id, stepId, lng), submission, stepOf(relation.id, stepId), {
    actor,
    lng,
    t,
  });
  if (step.reply) return step.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const edit = saveEdit(submission, { type: "relation", id: relation.id }, { actor, lng, t }, (seen) =>
    updateRelationStep(relation.id, stepId, submission.value, lng, actor, seen),
  );
  if (edit.reply) return edit.reply;
  const result = edit.saved;
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/partners/${relation.partnerId}`, t("form.saved"));
}

export const clientLoader = withDeferred(RelationStepForm);

export default function EditRelationStepPage() {
  const { t } = useTranslation();
  const { relationId, stepId, heading, step, meetings } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading
        eyebrow={heading}
        actions={
          <div className="flex flex-wrap gap-2">
            <ActionLink to={`/history/relation/${relationId}`} tone="secondary" need="viewer">
              {t("history.link")}
            </ActionLink>
            <ActionLink to={`/relations/${relationId}/steps/${stepId}/delete`} tone="danger">
              {t("form.relation.deleteStep")}
            </ActionLink>
          </div>
        }
      >
        {t("form.relation.editStep")}
      </PageHeading>
      <RelationStepForm reply={reply} meetings={meetings} defaultValue={step} draftKey={`relation-step-${stepId}`} />
    </>
  );
}
