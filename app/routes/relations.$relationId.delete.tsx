import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { relationName } from "~/models/names.server";
import { deleteRelation } from "~/models/relations/write.server";
import { relationForStep } from "~/models/relations/read.server";
import { redirectWithFlash } from "~/flash.server";
import { readForm } from "~/forms/parse.server";
import { deleteConfirmed } from "~/forms/stale.server";
import { recordVersion } from "~/models/record-versions.server";
import { found, requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.relationId);
  const relation = foundOrGone(relationForStep(id), { type: "relation", id }, { user, lng, t });
  const { name, details } = found(relationName(id, lng, t));
  return {
    title: t("form.delete.title", { name }),
    name,
    details,
    partnerId: relation.partnerId,
    version: recordVersion("relation", id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.relationId);
  const confirmed = deleteConfirmed(
    relationForStep(id),
    formData,
    { type: "relation", id },
    { actor, lng, t },
    (seen) => deleteRelation(id, actor, seen),
  );
  if (confirmed.refused) return confirmed.refused;
  return redirectWithFlash(request, `/partners/${confirmed.record.partnerId}`, t("form.deleted"));
}

export default function DeleteRelationPage() {
  const page = useLoaderData<typeof loader>();
  return <DeleteConfirmation {...page} cancelHref={`/partners/${page.partnerId}`} />;
}
