import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { PageHeading } from "~/components/Page";
import { getTranslator } from "~/i18n/i18n.server";
import { relationStepName } from "~/models/names.server";
import { deleteRelationStep } from "~/models/relations/write.server";
import { relationForStep, relationStepsOf, stepOf } from "~/models/relations/read.server";
import { redirectWithFlash } from "~/flash.server";
import { readForm } from "~/forms/parse.server";
import { deleteConfirmed, type DeleteReply } from "~/forms/stale.server";
import { recordVersion } from "~/models/record-versions.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone, stepFoundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const relationId = requireId(params.relationId);
  const relation = foundOrGone(relationForStep(relationId), { type: "relation", id: relationId }, { user, lng, t });
  const stepId = requireId(params.stepId);
  const reader = { user, lng, t };
  const { name, details } = stepFoundOrGone(
    relationStepName(relation.id, stepId, lng, t),
    stepOf(relation.id, stepId),
    reader,
  );
  return {
    title: t("form.delete.title", { name }),
    name,
    details,
    relationId: relation.id,
    partnerId: relation.partnerId,
    onlyStep: relationStepsOf(relation.id).length < 2,
    version: recordVersion("relation", relation.id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request);
  const actor = actorOf(user);
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const relationId = requireId(params.relationId);
  const stepId = requireId(params.stepId);
  const relation = relationForStep(relationId);
  // The step deleted since the page was opened, its relation still there: the page for the step
  // deleted, who deleted it and when (410), as it now is; a step the relation never had, a 404.
  if (relation)
    stepFoundOrGone(
      relationStepsOf(relationId).find((s) => s.id === stepId),
      stepOf(relationId, stepId),
      { user, lng, t },
    );
  const confirmed = deleteConfirmed(
    relation,
    formData,
    { type: "relation", id: relationId },
    { actor, lng, t },
    (seen) => deleteRelationStep(relationId, stepId, actor, seen),
  );
  if (confirmed.refused) return confirmed.refused;
  return redirectWithFlash(request, `/partners/${confirmed.record.partnerId}`, t("form.deleted"));
}

export default function DeleteRelationStepPage() {
  const { t } = useTranslation();
  const { name, details, relationId, partnerId, onlyStep, version } = useLoaderData<typeof loader>();
  // The other steps may have been deleted after this page was opened.
  const reply = useActionData<DeleteReply>();
  if (onlyStep || reply?.onlyStep) {
    return (
      <>
        <PageHeading>{t("form.delete.title", { name })}</PageHeading>
        <div role="alert" className="max-w-prose rounded border border-amber-300 bg-amber-50 p-4">
          <p>{t("form.relation.onlyStep")}</p>
          <div className="mt-3 flex flex-wrap gap-x-4 gap-y-1">
            <Link to={`/relations/${relationId}/delete`} className="text-red-700 underline">
              {t("form.relation.deleteRelation")}
            </Link>
            <Link to={`/partners/${partnerId}`} className="text-sky-800 underline">
              {t("form.cancel")}
            </Link>
          </div>
        </div>
      </>
    );
  }
  return <DeleteConfirmation name={name} details={details} version={version} cancelHref={`/partners/${partnerId}`} />;
}
