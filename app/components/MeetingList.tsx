import { useTranslation } from "~/i18n/react";
import type { PartialDate } from "~db/shared/partial-date";
import { PageLink } from "./Page";
import { PartialDateText } from "./PartialDateText";

export type MeetingRow = {
  id: number;
  date: PartialDate;
  purpose: string | null;
  location?: string | null;
  partner: { id: number; name: string } | null;
  host?: string | null;
  participantCount?: number;
};

export function MeetingList({ meetings }: { meetings: MeetingRow[] }) {
  const { t } = useTranslation();
  return (
    <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="p-3">
          <div className="flex flex-wrap items-baseline gap-x-3">
            <span className="text-sm text-stone-600">
              <PartialDateText date={meeting.date} />
            </span>
            <PageLink to={`/meetings/${meeting.id}`} className="font-medium text-sky-800 underline">
              {meeting.partner ? t("meeting.title", { partner: meeting.partner.name }) : t("meeting.titleNoPartner")}
            </PageLink>
          </div>
          {meeting.purpose ? <p className="mt-1 line-clamp-2 text-sm text-stone-700">{meeting.purpose}</p> : null}
          {meeting.host || meeting.participantCount ? (
            <p className="mt-1 text-xs text-stone-500">
              {[
                meeting.host,
                meeting.participantCount ? t("meeting.participantsCount", { count: meeting.participantCount }) : null,
              ]
                .filter(Boolean)
                .join(" · ")}
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
