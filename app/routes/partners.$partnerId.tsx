import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink, RecordActions } from "~/components/Actions";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { Badge, Fact, Facts, PageHeading, Section } from "~/components/Page";
import { WikidataLink } from "~/components/WikidataLink";
import { relationChartMarkup } from "~/components/RelationChart.server";
import { drawPartnerLists } from "~/components/PartnerLists.server";
import { documentMarkup } from "~/utils/document-markup.server";
import { getTranslator } from "~/i18n/i18n.server";
import { partnerPage, type PartnerLists } from "~/models/pages.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { todayInAstana } from "~/utils/today";
import { isTimelineKind } from "~/models/timeline.server";
import type { RelationLane } from "~/models/relation-chart.server";
import { can, requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.partnerId);
  const search = new URL(request.url).searchParams;
  const today = todayInAstana();
  const order: "newest" | "oldest" = search.get("order") === "oldest" ? "oldest" : "newest";
  const kinds = search.getAll("kind").filter(isTimelineKind);
  const page = pageFromSearch(search);
  // The relation's lane as finished SVG and the page's lists as markup, drawn with the page's
  // reads and kept with them (models/pages.server.ts): their code stays off the page.
  const drawChart = (lane: RelationLane[], name: string) =>
    relationChartMarkup(lane, today, t("chart.partnerTitle", { partner: name }), lng);
  const drawLists = (partnerId: number, lists: PartnerLists) => drawPartnerLists(lng, partnerId, lists);
  const { partner, chart, markup } = foundOrGone(
    partnerPage(id, lng, { today, order, kinds, page, drawChart, drawLists }),
    { type: "partner", id },
    { user, lng, t },
  );
  const drawn = (key: string, html: string) => documentMarkup(context, "routes/partners.$partnerId", key, html);
  return {
    title: partner.name,
    partner,
    hasChart: chart !== null,
    chart: chart && drawn("chart", chart),
    relations: drawn("relations", can(user, "editor") ? markup.relations.editor : markup.relations.reader),
    timeline: drawn("timeline", markup.timeline),
    meetings: drawn("meetings", markup.meetings),
    delegationsAndInitiatives: drawn("delegationsAndInitiatives", markup.delegationsAndInitiatives),
    peopleAndOrganisations: drawn("peopleAndOrganisations", markup.peopleAndOrganisations),
  };
}

export default function PartnerPage() {
  const { t } = useTranslation();
  const { partner, hasChart, chart, timeline, meetings, delegationsAndInitiatives, peopleAndOrganisations, relations } =
    useLoaderData<typeof loader>();
  const names = (["kk", "ru", "en"] as const).filter((lng) => partner.names[lng]);
  return (
    <>
      <PageHeading
        eyebrow={`${t(`partner.kinds.${partner.kind}`)} · ${partner.country}`}
        actions={
          <div className="flex flex-wrap gap-2">
            <ActionLink to={`/partners/${partner.id}/briefing`} need="viewer">
              {t("briefing.open")}
            </ActionLink>
            {/* The home city is where every relation starts from: it cannot be deleted. */}
            <RecordActions
              path={`/partners/${partner.id}`}
              history={`/history/partner/${partner.id}`}
              deletable={!partner.isHome}
            />
          </div>
        }
      >
        {partner.name}
      </PageHeading>

      {/* Columns of minmax(0, …): a grid column's "auto" minimum is its widest content, and the
          chart's scroll area would widen the page to its own 640 px on a phone. */}
      <div className="grid grid-cols-1 gap-8 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <div>
          <DrawnMarkup html={relations} />

          {hasChart ? (
            <div className="mb-6">
              {/* Drawn on the server (RelationChart.server.tsx), its links followed in the page. */}
              <DrawnMarkup html={chart} />
            </div>
          ) : null}
          <Section title={t("timeline.title")} id="timeline">
            <DrawnMarkup html={timeline} />
          </Section>

          <Section title={t("partner.meetings")} id="meetings">
            <div className="mb-3 flex flex-wrap gap-2 print:hidden">
              <ActionLink to={`/meetings/new?partner=${partner.id}`}>{t("form.meeting.add")}</ActionLink>
              <ActionLink to={`/delegations/new?partner=${partner.id}`} tone="secondary">
                {t("form.delegation.add")}
              </ActionLink>
            </div>
            <DrawnMarkup html={meetings} />
          </Section>

          <DrawnMarkup html={delegationsAndInitiatives} />
        </div>

        <aside aria-label={t("partner.names")}>
          <Section title={t("partner.names")} id="names">
            <Facts>
              {names.map((lng) => (
                <Fact key={lng} label={t(`partner.nameIn.${lng}`)}>
                  <span lang={lng}>{partner.names[lng]}</span>
                </Fact>
              ))}
              {partner.names.native ? <Fact label={t("partner.nativeName")}>{partner.names.native}</Fact> : null}
              <Fact label={t("partner.country")}>{partner.country}</Fact>
              {partner.wikidataId ? (
                <Fact label={t("openData.wikidata")}>
                  <WikidataLink id={partner.wikidataId} />
                </Fact>
              ) : null}
              {partner.isHome ? (
                <Fact label={t("partner.kind")}>
                  <Badge tone="sky">{t("partner.home")}</Badge>
                </Fact>
              ) : null}
            </Facts>
          </Section>

          <DrawnMarkup html={peopleAndOrganisations} />
        </aside>
      </div>
    </>
  );
}
