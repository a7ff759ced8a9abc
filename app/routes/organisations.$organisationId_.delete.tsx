import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { deleteOrganisation, getOrganisation, organisationReferences } from "~/models/organisations.server";
import { organisationName } from "~/models/names.server";
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
  const id = requireId(params.organisationId);
  const { name, details } = foundOrGone(organisationName(id, lng, t), { type: "organisation", id }, { user, lng, t });
  return {
    title: t("form.delete.title", { name }),
    id,
    name,
    details,
    references: organisationReferences(id),
    version: recordVersion("organisation", id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.organisationId);
  const { refused } = deleteConfirmed(
    getOrganisation(id, lng),
    formData,
    { type: "organisation", id },
    { actor, lng, t },
    (seen) => deleteOrganisation(id, actor, seen),
  );
  if (refused) return refused;
  return redirectWithFlash(request, "/organisations", t("form.deleted"));
}

export default function DeleteOrganisationPage() {
  const page = useLoaderData<typeof loader>();
  return <DeleteConfirmation {...page} cancelHref={`/organisations/${page.id}`} />;
}
