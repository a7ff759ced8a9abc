import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { getInitiative, initiativeStepForEdit, initiativeStepName } from "~/models/initiatives/read.server";
import { deleteInitiativeStep } from "~/models/initiatives/write.server";
import { redirectWithFlash } from "~/flash.server";
import { readForm } from "~/forms/parse.server";
import { deleteConfirmed } from "~/forms/stale.server";
import { recordVersion, stepOfRecord } from "~/models/record-versions.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone, stepFoundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.initiativeId);
  const initiative = foundOrGone(getInitiative(id, lng), { type: "initiative", id }, { user, lng, t });
  const stepId = requireId(params.stepId);
  const { name, details } = stepFoundOrGone(
    initiativeStepName(initiative.id, stepId, lng, t),
    stepOfRecord("initiative", initiative.id, stepId),
    { user, lng, t },
  );
  return {
    title: t("form.delete.title", { name }),
    name,
    details,
    initiativeId: initiative.id,
    version: recordVersion("initiative", initiative.id),
  };
}

/**
 * The initiative's status follows by itself (migrations/0025 and deleteInitiativeStep); a step may
 * be its initiative's last, and nothing else refers to one.
 */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireEditor(request);
  const actor = actorOf(user);
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.initiativeId);
  const stepId = requireId(params.stepId);
  const initiative = getInitiative(id, lng);
  // The step deleted since the page was opened, its initiative still there: the page for the step
  // deleted, who deleted it and when (410), as it now is; a step the initiative never had, a 404.
  if (initiative)
    stepFoundOrGone(initiativeStepForEdit(id, stepId), stepOfRecord("initiative", id, stepId), { user, lng, t });
  const confirmed = deleteConfirmed(initiative, formData, { type: "initiative", id }, { actor, lng, t }, (seen) =>
    deleteInitiativeStep(id, stepId, actor, seen),
  );
  if (confirmed.refused) return confirmed.refused;
  return redirectWithFlash(request, `/initiatives/${id}`, t("form.deleted"));
}

export default function DeleteInitiativeStepPage() {
  const { name, details, initiativeId, version } = useLoaderData<typeof loader>();
  return (
    <DeleteConfirmation name={name} details={details} version={version} cancelHref={`/initiatives/${initiativeId}`} />
  );
}
