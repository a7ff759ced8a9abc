import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { delegationForEdit, delegationReferences, deleteDelegation } from "~/models/delegations.server";
import { delegationName } from "~/models/names.server";
import { redirectWithFlash } from "~/flash.server";
import { readForm } from "~/forms/parse.server";
import { deleteConfirmed } from "~/forms/stale.server";
import { recordVersion } from "~/models/record-versions.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.delegationId);
  const { name, details } = foundOrGone(delegationName(id, lng, t), { type: "delegation", id }, { user, lng, t });
  return {
    title: t("form.delete.title", { name }),
    id,
    name,
    details,
    references: delegationReferences(id),
    version: recordVersion("delegation", id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.delegationId);
  const confirmed = deleteConfirmed(
    delegationForEdit(id, lng),
    formData,
    { type: "delegation", id },
    { actor, lng, t },
    (seen) => deleteDelegation(id, actor, seen),
  );
  if (confirmed.refused) return confirmed.refused;
  return redirectWithFlash(request, `/partners/${confirmed.record.partnerId}`, t("form.deleted"));
}

export default function DeleteDelegationPage() {
  const page = useLoaderData<typeof loader>();
  return <DeleteConfirmation {...page} cancelHref={`/delegations/${page.id}`} />;
}
