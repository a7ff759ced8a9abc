import { useDateWords } from "~/i18n/dates";
import { useTranslation } from "~/i18n/react";
import type { PartnerRelations as Relations } from "~/models/pages.server";
import { isWebUrl } from "~/utils/urls";
import { formatPartialDate } from "~db/shared/partial-date";
import { actionLinkClass } from "./Actions";
import { AllDocumentsLink, DocumentItems, type DocumentRows } from "./DocumentItems";
import { Empty, PageLink, Section } from "./Page";
import { PartialDateText } from "./PartialDateText";
import { RelationStatusBadge } from "./StatusBadge";

/*
 * A partner page's relations: each with its status, its steps and each step's documents. Drawn
 * with the page's reads (app/models/pages.server.ts, partnerPage) once for those who may edit and
 * once for those who may not, and shown as markup (./DrawnMarkup.tsx): some hundred elements
 * that React rendered on every request, a tenth of the page's server time (issue 17).
 */

const NO_DOCUMENTS: DocumentRows = { items: [], total: 0 };

export function PartnerRelations({
  partnerId,
  relations,
  canEdit,
}: {
  partnerId: number;
  relations: Relations;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const words = useDateWords();
  return (
    <Section title={t("partner.relations")} id="relations">
      {canEdit ? (
        <div className="mb-3 print:hidden">
          <PageLink to={`/partners/${partnerId}/relation`} className={actionLinkClass("secondary")}>
            {t("form.relation.add")}
          </PageLink>
        </div>
      ) : null}
      {relations.items.length === 0 ? (
        <Empty>{t("partner.noRelation")}</Empty>
      ) : (
        <ul className="space-y-4">
          {relations.items.map((relation) => (
            <li key={relation.id} className="rounded border border-stone-200 bg-white p-4">
              <div className="flex flex-wrap items-center gap-2">
                <h3 className="font-semibold">{t(`relation.types.${relation.type}`)}</h3>
                {relation.status ? <RelationStatusBadge status={relation.status} /> : null}
              </div>
              {relation.note ? <p className="mt-2 text-sm text-stone-700">{relation.note}</p> : null}
              <div className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm print:hidden">
                {canEdit ? (
                  <>
                    <PageLink to={`/relations/${relation.id}/step`} className="text-sky-800 underline">
                      {t("form.relation.addStep")}
                    </PageLink>
                    <PageLink to={`/relations/${relation.id}/edit`} className="text-sky-800 underline">
                      {t("form.relation.editRelation")}
                    </PageLink>
                    <PageLink to={`/relations/${relation.id}/delete`} className="text-red-700 underline">
                      {t("form.deleteAction")}
                    </PageLink>
                  </>
                ) : null}
                <PageLink to={`/history/relation/${relation.id}`} className="text-sky-800 underline">
                  {t("history.link")}
                </PageLink>
              </div>
              <h4 className="mt-3 text-sm font-medium text-stone-600">{t("relation.history")}</h4>
              <ol aria-label={t("relation.history")} className="mt-1 space-y-1 border-l-2 border-sky-200 pl-4 text-sm">
                {relation.steps.map((step) => (
                  <li key={step.id}>
                    <PartialDateText date={step.date} />
                    {" — "}
                    {t(`relation.statuses.${step.status}`)}
                    {step.meetingId ? (
                      <>
                        {" · "}
                        <PageLink to={`/meetings/${step.meetingId}`} className="text-sky-800 underline">
                          {t("meeting.titleNoPartner")}
                        </PageLink>
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
                        {isWebUrl(step.source.url) ? (
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
                    {canEdit ? (
                      <span className="print:hidden">
                        {" "}
                        <PageLink
                          to={`/relations/${relation.id}/steps/${step.id}/edit`}
                          className="text-xs text-sky-800 underline"
                        >
                          {t("form.relation.editStepOf", { date: formatPartialDate(step.date, words, "at") })}
                        </PageLink>
                      </span>
                    ) : null}
                    <StepDocuments
                      stepId={step.id}
                      documents={relations.stepDocuments[step.id] ?? NO_DOCUMENTS}
                      canEdit={canEdit}
                      label={t("documents.ofStep", { date: formatPartialDate(step.date, words, "at") })}
                    />
                  </li>
                ))}
              </ol>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/**
 * A step's documents folded under their count, open when it has some: the list, and for editors
 * a link to the step's documents page, where a file is attached (a relation of many steps carried
 * an upload form for each: some 2.6 KB of markup apiece). None and no right to attach: nothing.
 */
function StepDocuments({
  stepId,
  documents,
  canEdit,
  label,
}: {
  stepId: number;
  documents: DocumentRows;
  canEdit: boolean;
  label: string;
}) {
  const { t } = useTranslation();
  if (documents.total === 0 && !canEdit) return null;
  return (
    <details className="mt-1" open={documents.total > 0 ? true : undefined}>
      <summary className="cursor-pointer text-xs text-sky-800 underline" aria-label={label}>
        {t("documents.count", { count: String(documents.total) })}
      </summary>
      <div className="mt-2">
        {documents.total > 0 ? (
          <div className="mb-2">
            <DocumentItems documents={documents} canEdit={canEdit} />
            <AllDocumentsLink parent="relationStep" parentId={stepId} documents={documents} />
          </div>
        ) : null}
        {canEdit ? (
          <PageLink to={`/documents/of/relationStep/${stepId}`} className="text-xs text-sky-800 underline">
            {t("documents.attachOne")}
          </PageLink>
        ) : null}
      </div>
    </details>
  );
}
