import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { PageHeading } from "~/components/Page";
import { MeetingSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { meetingFormChoices, meetingPrefill } from "~/models/meetings/write.server";
import { onWriter } from "~/models/writer.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { idFromSearch } from "~/utils/pagination";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

const MeetingForm = deferred(() => import("~/forms/MeetingForm").then((module) => module.MeetingForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  const prefill = meetingPrefill(
    { partnerId: idFromSearch(search, "partner"), delegationId: idFromSearch(search, "delegation") },
    lng,
  );
  return {
    title: t("form.meeting.new"),
    choices: meetingFormChoices(lng, prefill.delegationId),
    defaultValue: { language: lng, delegationDirection: "incoming", ...prefill },
    // A draft of another partner's meeting must not fill this one's form.
    draftKey: [
      "meeting-new",
      prefill.delegationId && `delegation-${prefill.delegationId}`,
      prefill.partnerId && `partner-${prefill.partnerId}`,
    ]
      .filter(Boolean)
      .join("-"),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = MeetingSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { submission, lng, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const result = await onWriter("logMeeting", submission.value, lng, actor);
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/meetings/${result.id}`, t("form.saved"));
}

export const clientLoader = withDeferred(MeetingForm);

export default function NewMeetingPage() {
  const { t } = useTranslation();
  const { choices, defaultValue, draftKey } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading
        actions={
          <ActionLink to="/meetings/from-report" tone="secondary">
            {t("intake.fromReport")}
          </ActionLink>
        }
      >
        {t("form.meeting.new")}
      </PageHeading>
      <MeetingForm reply={reply} choices={choices} defaultValue={defaultValue} withInitiatives draftKey={draftKey} />
    </>
  );
}
