import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { MeetingSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { meetingForEdit, meetingFormChoices, updateMeeting } from "~/models/meetings/write.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { recordVersion } from "~/models/record-versions.server";
import { editedRecord, saveEdit } from "~/forms/stale.server";

const MeetingForm = deferred(() => import("~/forms/MeetingForm").then((module) => module.MeetingForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.meetingId);
  const meeting = {
    ...foundOrGone(meetingForEdit(id, lng), { type: "meeting", id }, { user, lng, t }),
    version: recordVersion("meeting", id),
  };
  return {
    title: t("form.meeting.edit"),
    id,
    meeting,
    choices: meetingFormChoices(lng, meeting.delegationId),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = MeetingSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.meetingId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(meetingForEdit(id, lng), submission, { type: "meeting", id }, { actor, lng, t });
  if (target.reply) return target.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const edit = saveEdit(submission, { type: "meeting", id }, { actor, lng, t }, (seen) =>
    updateMeeting(id, submission.value, lng, actor, seen),
  );
  if (edit.reply) return edit.reply;
  const result = edit.saved;
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/meetings/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(MeetingForm);

export default function EditMeetingPage() {
  const { t } = useTranslation();
  const { id, meeting, choices } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.meeting.edit")}</PageHeading>
      <MeetingForm
        reply={reply}
        defaultValue={meeting}
        choices={choices}
        withInitiatives={false}
        draftKey={`meeting-${id}`}
      />
    </>
  );
}
