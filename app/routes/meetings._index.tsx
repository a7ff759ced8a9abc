import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { drawMarkup } from "~/components/DrawnMarkup.server";
import { MeetingsListing } from "~/components/MeetingsListing";
import { ActionLink } from "~/components/Actions";
import { ExportLinks } from "~/components/ExportLinks";
import { PageHeading } from "~/components/Page";
import { getTranslator } from "~/i18n/i18n.server";
import { meetingsPage } from "~/models/pages.server";
import { documentMarkup } from "~/utils/document-markup.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  // The page of meetings with its filter and pages' links, drawn with its reads and kept with
  // them (models/pages.server.ts).
  const listing = meetingsPage(lng, search, pageFromSearch(search), (meetings, view) =>
    drawMarkup(lng, <MeetingsListing meetings={meetings} view={view} search={search} />),
  );
  toLastPageIfPast(request, listing.pages);
  return {
    title: t("meeting.listTitle"),
    listing: documentMarkup(context, "routes/meetings._index", "listing", listing.markup),
  };
}

export default function MeetingsPage() {
  const { t } = useTranslation();
  const { listing } = useLoaderData<typeof loader>();
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
      <DrawnMarkup html={listing} />
    </>
  );
}
