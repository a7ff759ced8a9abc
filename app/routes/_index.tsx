import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { drawMarkup } from "~/components/DrawnMarkup.server";
import { OverviewLists } from "~/components/OverviewLists";
import { PageHeading } from "~/components/Page";
import { getTranslator } from "~/i18n/i18n.server";
import { overviewPage } from "~/models/pages.server";
import { documentMarkup } from "~/utils/document-markup.server";
import { titled } from "~/utils/meta";
import { todayInAstana } from "~/utils/today";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const lists = overviewPage(lng, todayInAstana(), (data) => drawMarkup(lng, <OverviewLists {...data} />));
  return { title: t("overview.title"), lists: documentMarkup(context, "routes/_index", "lists", lists) };
}

export default function Overview() {
  const { t } = useTranslation();
  const { lists } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading actions={<ActionLink to="/meetings/new">{t("form.meeting.add")}</ActionLink>}>
        {t("overview.title")}
      </PageHeading>
      {/* The lists, drawn on the server with their reads (components/OverviewLists.tsx). */}
      <DrawnMarkup html={lists} className="grid gap-8 lg:grid-cols-2" />
    </>
  );
}
