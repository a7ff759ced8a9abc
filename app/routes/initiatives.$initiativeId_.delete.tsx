import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { deleteInitiative } from "~/models/initiatives/write.server";
import { getInitiative } from "~/models/initiatives/read.server";
import { initiativeName } from "~/models/names.server";
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
  const id = requireId(params.initiativeId);
  const { name, details } = foundOrGone(initiativeName(id, lng, t), { type: "initiative", id }, { user, lng, t });
  return { title: t("form.delete.title", { name }), id, name, details, version: recordVersion("initiative", id) };
}

/** An initiative's steps are its own history and go with it; nothing else refers to it. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.initiativeId);
  const { refused } = deleteConfirmed(
    getInitiative(id, lng),
    formData,
    { type: "initiative", id },
    { actor, lng, t },
    (seen) => deleteInitiative(id, actor, seen),
  );
  if (refused) return refused;
  return redirectWithFlash(request, "/initiatives", t("form.deleted"));
}

export default function DeleteInitiativePage() {
  const page = useLoaderData<typeof loader>();
  return <DeleteConfirmation {...page} cancelHref={`/initiatives/${page.id}`} />;
}
