import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { MeetingForm } from "~/components/form/MeetingForm";
import { PageHeading } from "~/components/Page";
import { MeetingSchema } from "~/forms/meeting";
import { getTranslator } from "~/i18n/i18n.server";
import { logMeeting, meetingFormChoices } from "~/models/meeting-log.server";
import { redirectWithFlash } from "~/session.server";
import { parseForm, replyWith } from "~/utils/forms.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  return { title: t("form.meeting.new"), choices: meetingFormChoices(lng) };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { submission, lng, t } = await parseForm(request, MeetingSchema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const result = logMeeting(submission.value, lng, t, actor);
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: result.fieldErrors }), {}, 400);
  return redirectWithFlash(request, `/meetings/${result.id}`, t("form.saved"));
}

export default function NewMeetingPage() {
  const { t } = useTranslation();
  const { choices } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.meeting.new")}</PageHeading>
      <MeetingForm reply={reply} choices={choices} withInitiatives draftKey="meeting-new" />
    </>
  );
}
