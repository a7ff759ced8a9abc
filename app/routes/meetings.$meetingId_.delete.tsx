import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { DeleteConfirmation } from "~/forms/DeleteConfirmation";
import { getTranslator } from "~/i18n/i18n.server";
import { deleteMeeting, meetingReferences } from "~/models/meetings/write.server";
import { getMeeting } from "~/models/meetings/read.server";
import { meetingName } from "~/models/names.server";
import { redirectWithFlash } from "~/flash.server";
import { readForm } from "~/forms/parse.server";
import { found, requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.meetingId);
  const { name, details } = found(meetingName(id, lng, t));
  return { title: t("form.delete.title", { name }), id, name, details, references: meetingReferences(id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  // Read, though nothing in it is used: an unread body would reset the connection.
  await readForm(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.meetingId);
  found(getMeeting(id, lng));
  if (!deleteMeeting(id, actor).deleted) return new Response(null, { status: 409 });
  return redirectWithFlash(request, "/meetings", t("form.deleted"));
}

export default function DeleteMeetingPage() {
  const { id, name, details, references } = useLoaderData<typeof loader>();
  return <DeleteConfirmation name={name} details={details} references={references} cancelHref={`/meetings/${id}`} />;
}
