import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { RecordActions } from "~/components/Actions";
import { CalendarDownload } from "~/components/CalendarDownload";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { drawMarkup } from "~/components/DrawnMarkup.server";
import { MeetingRecordParts } from "~/components/MeetingRecordParts";
import { PageHeading } from "~/components/Page";
import { PartialDateText } from "~/components/PartialDateText";
import { getTranslator } from "~/i18n/i18n.server";
import { documentMarkup } from "~/utils/document-markup.server";
import { requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";
import { requireUser } from "~/auth.server";
import { getEnv } from "~/env.server";
import { meetingPage } from "~/models/pages.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { foundOrGone } from "~/utils/gone.server";

// The documents and their upload form: loaded after the page, as the forms are (app/forms/deferred.tsx).
const Documents = deferred(() => import("~/components/Documents").then((module) => module.Documents));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.meetingId);
  // The record is drawn with its read and kept with it (components/MeetingRecordParts.tsx).
  const { meeting, body, documents } = foundOrGone(
    meetingPage(id, lng, (meeting) => drawMarkup(lng, <MeetingRecordParts meeting={meeting} />)),
    { type: "meeting", id },
    { user, lng, t },
  );
  const title = meeting.partner ? t("meeting.title", { partner: meeting.partner.name }) : t("meeting.titleNoPartner");
  return {
    title,
    meeting: { id: meeting.id, date: meeting.date },
    body: documentMarkup(context, "routes/meetings.$meetingId", "body", body),
    documents,
    maxMb: getEnv().UPLOAD_MAX_MB,
  };
}

export const clientLoader = withDeferred(Documents);

export default function MeetingPage() {
  const { meeting, title, body, documents, maxMb } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading
        eyebrow={<PartialDateText date={meeting.date} />}
        actions={
          <div className="flex flex-wrap gap-2">
            {meeting.date.value ? <CalendarDownload href={`/meetings/${meeting.id}/calendar.ics`} /> : null}
            <RecordActions path={`/meetings/${meeting.id}`} history={`/history/meeting/${meeting.id}`} />
          </div>
        }
      >
        {title}
      </PageHeading>
      <DrawnMarkup html={body} />
      <Documents parent="meeting" parentId={meeting.id} documents={documents} maxMb={maxMb} />
    </>
  );
}
