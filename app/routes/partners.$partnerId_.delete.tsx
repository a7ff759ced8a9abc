import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { deletePartner } from "~/models/partners/write.server";
import { getPartner, partnerReferences } from "~/models/partners/read.server";
import { partnerName } from "~/models/names.server";
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
  const id = requireId(params.partnerId);
  const { name, details } = foundOrGone(partnerName(id, lng, t), { type: "partner", id }, { user, lng, t });
  return {
    title: t("form.delete.title", { name }),
    id,
    name,
    details,
    references: partnerReferences(id),
    version: recordVersion("partner", id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.partnerId);
  const { refused } = deleteConfirmed(
    getPartner(id, lng),
    formData,
    { type: "partner", id },
    { actor, lng, t },
    (seen) => deletePartner(id, actor, seen),
  );
  if (refused) return refused;
  return redirectWithFlash(request, "/partners", t("form.deleted"));
}

export default function DeletePartnerPage() {
  const page = useLoaderData<typeof loader>();
  return <DeleteConfirmation {...page} cancelHref={`/partners/${page.id}`} />;
}
