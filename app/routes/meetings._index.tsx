import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { drawMarkup } from "~/components/DrawnMarkup.server";
import { MeetingList } from "~/components/MeetingList";
import { FilterForm } from "~/components/FilterForm";
import { ActionLink } from "~/components/Actions";
import { ExportLinks } from "~/components/ExportLinks";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { meetingsPage } from "~/models/pages.server";
import { documentMarkup } from "~/utils/document-markup.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  // The page of meetings drawn with its reads and kept with them (models/pages.server.ts).
  const { list, ...page } = meetingsPage(lng, search, pageFromSearch(search), (meetings) =>
    drawMarkup(
      lng,
      meetings.total === 0 ? <Empty>{t("meeting.empty")}</Empty> : <MeetingList meetings={meetings.items} />,
    ),
  );
  return {
    title: t("meeting.listTitle"),
    ...page,
    list: documentMarkup(context, "routes/meetings._index", "list", list),
  };
}

export default function MeetingsPage() {
  const { t } = useTranslation();
  const { list, pages, filter, filtered, years } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading
        actions={
          <div className="flex flex-wrap gap-2">
            <ActionLink to="/meetings/from-report" tone="secondary">
              {t("intake.fromReport")}
            </ActionLink>
            <ActionLink to="/meetings/new">{t("form.meeting.add")}</ActionLink>
          </div>
        }
      >
        {t("meeting.listTitle")}
      </PageHeading>
      <ExportLinks list="meetings" />
      <FilterForm className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("meeting.partner")}</span>
          <input
            type="search"
            name="partnerName"
            defaultValue={filter.partnerName}
            className="mt-1 rounded border border-stone-300 bg-white px-2 py-1"
          />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("meeting.year")}</span>
          <select
            name="year"
            defaultValue={filter.year ?? ""}
            className="mt-1 rounded border border-stone-300 bg-white px-2 py-1"
          >
            <option value="">{t("meeting.allYears")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("meeting.topic")}</span>
          <input
            type="search"
            name="topic"
            defaultValue={filter.topic}
            className="mt-1 rounded border border-stone-300 bg-white px-2 py-1"
          />
        </label>
        <button
          type="submit"
          className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
        >
          {t("common.apply")}
        </button>
        {filtered ? (
          <Link to="/meetings" className="text-sm text-sky-800 underline">
            {t("common.reset")}
          </Link>
        ) : null}
      </FilterForm>
      <DrawnMarkup html={list} />
      <Pagination {...pages} />
    </>
  );
}
