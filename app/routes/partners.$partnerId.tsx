import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink, RecordActions, EditorLink } from "~/components/Actions";
import { DrawnMarkup } from "~/components/DrawnMarkup";
import { Badge, Empty, Fact, Facts, PageHeading, Section } from "~/components/Page";
import { WikidataLink } from "~/components/WikidataLink";
import { PartialDateText } from "~/components/PartialDateText";
import { RelationStatusBadge } from "~/components/StatusBadge";
import { relationChartMarkup } from "~/components/RelationChart.server";
import { drawPartnerLists } from "~/components/PartnerLists.server";
import { documentMarkup } from "~/utils/document-markup.server";
import { useDateWords } from "~/i18n/dates";
import { getTranslator } from "~/i18n/i18n.server";
import { partnerPage, type PartnerLists } from "~/models/pages.server";
import { found, requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { formatPartialDate } from "~db/shared/partial-date";
import { todayInAstana } from "~/utils/overdue";
import { isTimelineKind } from "~/models/timeline.server";
import type { RelationLane } from "~/models/relation-chart.server";
import { requireUser } from "~/auth.server";
import type { DocumentRows } from "~/components/Documents";
import { getEnv } from "~/env.server";
import { deferred, withDeferred } from "~/forms/deferred";

// The documents and their upload form: loaded after the page, as the forms are (app/forms/deferred.tsx).
const FoldedDocuments = deferred(() => import("~/components/Documents").then((module) => module.FoldedDocuments));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  await requireUser(request);
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
  const { partner, stepDocuments, chart, markup } = found(
    partnerPage(id, lng, { today, order, kinds, page, drawChart, drawLists }),
  );
  const drawn = (key: string, html: string) => documentMarkup(context, "routes/partners.$partnerId", key, html);
  return {
    title: partner.name,
    partner,
    hasChart: chart !== null,
    chart: chart && drawn("chart", chart),
    timeline: drawn("timeline", markup.timeline),
    meetings: drawn("meetings", markup.meetings),
    delegationsAndInitiatives: drawn("delegationsAndInitiatives", markup.delegationsAndInitiatives),
    peopleAndOrganisations: drawn("peopleAndOrganisations", markup.peopleAndOrganisations),
    stepDocuments,
    maxMb: getEnv().UPLOAD_MAX_MB,
  };
}

export const clientLoader = withDeferred(FoldedDocuments);

export default function PartnerPage() {
  const { t } = useTranslation();
  const words = useDateWords();
  const {
    partner,
    hasChart,
    chart,
    timeline,
    meetings,
    delegationsAndInitiatives,
    peopleAndOrganisations,
    stepDocuments,
    maxMb,
  } = useLoaderData<typeof loader>();
  const names = (["kk", "ru", "en"] as const).filter((lng) => partner.names[lng]);
  return (
    <>
      <PageHeading
        eyebrow={`${t(`partner.kinds.${partner.kind}`)} · ${partner.country}`}
        actions={
          <div className="flex gap-2">
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
          <Section title={t("partner.relations")} id="relations">
            <div className="mb-3 print:hidden">
              <ActionLink to={`/partners/${partner.id}/relation`} tone="secondary">
                {t("form.relation.add")}
              </ActionLink>
            </div>
            {partner.relations.length === 0 ? (
              <Empty>{t("partner.noRelation")}</Empty>
            ) : (
              <ul className="space-y-4">
                {partner.relations.map((relation) => (
                  <li key={relation.id} className="rounded border border-stone-200 bg-white p-4">
                    <div className="flex flex-wrap items-center gap-2">
                      <h3 className="font-semibold">{t(`relation.types.${relation.type}`)}</h3>
                      {relation.status ? <RelationStatusBadge status={relation.status} /> : null}
                    </div>
                    {relation.note ? <p className="mt-2 text-sm text-stone-700">{relation.note}</p> : null}
                    <div className="mt-2 flex gap-4 text-sm print:hidden">
                      <EditorLink to={`/relations/${relation.id}/step`} className="text-sky-800 underline">
                        {t("form.relation.addStep")}
                      </EditorLink>
                      <EditorLink to={`/relations/${relation.id}/edit`} className="text-sky-800 underline">
                        {t("form.relation.editRelation")}
                      </EditorLink>
                      <EditorLink to={`/relations/${relation.id}/delete`} className="text-red-700 underline">
                        {t("form.deleteAction")}
                      </EditorLink>
                      <Link to={`/history/relation/${relation.id}`} className="text-sky-800 underline">
                        {t("history.link")}
                      </Link>
                    </div>
                    <h4 className="mt-3 text-sm font-medium text-stone-600">{t("relation.history")}</h4>
                    <ol
                      aria-label={t("relation.history")}
                      className="mt-1 space-y-1 border-l-2 border-sky-200 pl-4 text-sm"
                    >
                      {relation.steps.map((step) => (
                        <li key={step.id}>
                          <PartialDateText date={step.date} />
                          {" — "}
                          {t(`relation.statuses.${step.status}`)}
                          {step.meetingId ? (
                            <>
                              {" · "}
                              <Link to={`/meetings/${step.meetingId}`} className="text-sky-800 underline">
                                {t("meeting.titleNoPartner")}
                              </Link>
                            </>
                          ) : null}
                          {step.note ? <span className="text-stone-600"> · {step.note}</span> : null}
                          {step.signatories.length ? (
                            <span className="text-stone-600">
                              {" · "}
                              {t("form.relation.signedBy", { names: step.signatories.map((p) => p.name).join(", ") })}
                            </span>
                          ) : null}
                          {step.source ? (
                            <span className="text-stone-600">
                              {" · "}
                              {step.source.linkable ? (
                                <a
                                  href={step.source.url ?? undefined}
                                  rel="noopener noreferrer"
                                  className="text-sky-800 underline"
                                >
                                  {step.source.title ?? step.source.outlet ?? t("source.link")}
                                </a>
                              ) : (
                                (step.source.title ?? step.source.outlet)
                              )}
                            </span>
                          ) : null}
                          <span className="print:hidden">
                            {" "}
                            <EditorLink
                              to={`/relations/${relation.id}/steps/${step.id}/edit`}
                              className="text-xs text-sky-800 underline"
                            >
                              {t("form.relation.editStepOf", { date: formatPartialDate(step.date, words) })}
                            </EditorLink>
                          </span>
                          <FoldedDocuments
                            parent="relationStep"
                            parentId={step.id}
                            documents={stepDocuments[step.id] ?? NO_DOCUMENTS}
                            maxMb={maxMb}
                            label={t("documents.ofStep", { date: formatPartialDate(step.date, words) })}
                          />
                        </li>
                      ))}
                    </ol>
                  </li>
                ))}
              </ul>
            )}
          </Section>

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
            <div className="mb-3 flex gap-2 print:hidden">
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

const NO_DOCUMENTS: DocumentRows = { items: [], total: 0 };
