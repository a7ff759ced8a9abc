import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { deletePerson } from "~/models/people/write.server";
import { getPerson, personReferences } from "~/models/people/read.server";
import { personName } from "~/models/names.server";
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
  const id = requireId(params.personId);
  const { name, details } = foundOrGone(personName(id, lng, t), { type: "person", id }, { user, lng, t });
  return {
    title: t("form.delete.title", { name }),
    id,
    name,
    details,
    references: personReferences(id),
    version: recordVersion("person", id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.personId);
  const { refused } = deleteConfirmed(getPerson(id, lng), formData, { type: "person", id }, { actor, lng, t }, (seen) =>
    deletePerson(id, actor, seen),
  );
  if (refused) return refused;
  return redirectWithFlash(request, "/people", t("form.deleted"));
}

export default function DeletePersonPage() {
  const page = useLoaderData<typeof loader>();
  return <DeleteConfirmation {...page} cancelHref={`/people/${page.id}`} />;
}
