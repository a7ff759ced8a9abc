import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { deleteMeeting, meetingReferences } from "~/models/meetings/write.server";
import { getMeeting } from "~/models/meetings/read.server";
import { meetingName } from "~/models/names.server";
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
  const id = requireId(params.meetingId);
  const { name, details } = foundOrGone(meetingName(id, lng, t), { type: "meeting", id }, { user, lng, t });
  return {
    title: t("form.delete.title", { name }),
    id,
    name,
    details,
    references: meetingReferences(id),
    version: recordVersion("meeting", id),
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const formData = await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.meetingId);
  const { refused } = deleteConfirmed(
    getMeeting(id, lng),
    formData,
    { type: "meeting", id },
    { actor, lng, t },
    (seen) => deleteMeeting(id, actor, seen),
  );
  if (refused) return refused;
  return redirectWithFlash(request, "/meetings", t("form.deleted"));
}

export default function DeleteMeetingPage() {
  const page = useLoaderData<typeof loader>();
  return <DeleteConfirmation {...page} cancelHref={`/meetings/${page.id}`} />;
}
