import { useTranslation } from "~/i18n/react";
import type { MeetingsView } from "~/models/pages.server";
import { MeetingList, type MeetingRow } from "./MeetingList";
import { DrawnFilterForm, FilterActions } from "./FilterForm";
import { Empty } from "./Page";
import { pageHref } from "~/utils/pagination";
import { PagesNav } from "./Pagination";

type Meetings = { items: MeetingRow[]; page: number; pageCount: number; total: number; pageSize: number };

/**
 * The meetings list's page: its filter, its meetings and its pages' links, drawn with the page's
 * reads and kept with them (app/models/pages.server.ts, meetingsPage), the same for every account.
 * The filter's years go back as far as the meetings do: a century of them was a hundred options
 * React rendered on every request, and a hundred numbers in the page's data. The filter is a plain
 * form that asks (method="get"): the drawn markup follows it in the page (./DrawnMarkup.tsx).
 */
export function MeetingsListing({
  meetings,
  view,
  search,
}: {
  meetings: Meetings;
  view: MeetingsView;
  search: URLSearchParams;
}) {
  const { t } = useTranslation();
  const field = "mt-1 rounded border border-stone-300 bg-white px-2 py-1";
  const { items, ...pages } = meetings;
  return (
    <>
      <DrawnFilterForm action="/meetings">
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("meeting.partner")}</span>
          <input type="search" name="partnerName" defaultValue={view.filter.partnerName} className={field} />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("meeting.year")}</span>
          <select name="year" defaultValue={view.filter.year ?? ""} className={field}>
            <option value="">{t("meeting.allYears")}</option>
            {view.years.map((year) => (
              <option key={year} value={year}>
                {year}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("meeting.topic")}</span>
          <input type="search" name="topic" defaultValue={view.filter.topic} className={field} />
        </label>
        <FilterActions resetTo="/meetings" filtered={view.filtered} />
      </DrawnFilterForm>
      {meetings.total === 0 ? <Empty>{t("meeting.empty")}</Empty> : <MeetingList meetings={items} />}
      <PagesNav {...pages} hrefFor={(page) => pageHref("/meetings", search, page)} />
    </>
  );
}
