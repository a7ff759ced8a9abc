import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink, RecordActions } from "~/components/Actions";
import { Empty, Fact, Facts, PageHeading, Section } from "~/components/Page";
import { PartialDateText } from "~/components/PartialDateText";
import { InitiativeStatusBadge } from "~/components/StatusBadge";
import { getTranslator } from "~/i18n/i18n.server";
import { getInitiative } from "~/models/initiatives/read.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { requireUser } from "~/auth.server";
import { getEnv } from "~/env.server";
import { listDocuments } from "~/models/documents.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { useDateWords } from "~/i18n/dates";
import { useCan } from "~/utils/user";
import { formatPartialDate, type PartialDate } from "~db/shared/partial-date";

// The documents and their upload form: loaded after the page, as the forms are (app/forms/deferred.tsx).
const Documents = deferred(() => import("~/components/Documents").then((module) => module.Documents));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.initiativeId);
  const initiative = foundOrGone(getInitiative(id, lng), { type: "initiative", id }, { user, lng, t });
  return {
    title: initiative.title,
    initiative,
    documents: listDocuments("initiative", initiative.id, lng),
    maxMb: getEnv().UPLOAD_MAX_MB,
  };
}

export const clientLoader = withDeferred(Documents);

export default function InitiativePage() {
  const { t } = useTranslation();
  const { initiative, documents, maxMb } = useLoaderData<typeof loader>();
  const canEdit = useCan("editor");
  return (
    <>
      <PageHeading
        eyebrow={t(`initiative.kinds.${initiative.kind}`)}
        actions={
          <div className="flex flex-wrap items-center gap-2">
            <InitiativeStatusBadge status={initiative.status} />
            <ActionLink to={`/initiatives/${initiative.id}/step`}>{t("form.initiative.addStep")}</ActionLink>
            <RecordActions path={`/initiatives/${initiative.id}`} history={`/history/initiative/${initiative.id}`} />
          </div>
        }
      >
        {initiative.title}
      </PageHeading>
      <Section title={t("common.details")} id="details">
        <Facts>
          <Fact label={t("initiative.status")}>{t(`initiative.statuses.${initiative.status}`)}</Fact>
          {initiative.partner ? (
            <Fact label={t("initiative.partner")}>
              <Link to={`/partners/${initiative.partner.id}`} className="text-sky-800 underline">
                {initiative.partner.name}
              </Link>
            </Fact>
          ) : null}
          <Fact label={t("initiative.owner")}>
            {initiative.owner ? (
              <Link to={`/people/${initiative.owner.id}`} className="text-sky-800 underline">
                {initiative.owner.name}
              </Link>
            ) : initiative.ownerOrganisation ? (
              <Link to={`/organisations/${initiative.ownerOrganisation.id}`} className="text-sky-800 underline">
                {initiative.ownerOrganisation.name}
              </Link>
            ) : (
              <span className="text-stone-500 italic">{t("initiative.noOwner")}</span>
            )}
          </Fact>
          <Fact label={t("initiative.due")}>
            <PartialDateText date={initiative.due} />
          </Fact>
          {initiative.raisedAt ? (
            <Fact label={t("initiative.raisedAt")}>
              <Link to={`/meetings/${initiative.raisedAt.id}`} className="text-sky-800 underline">
                {initiative.partner
                  ? t("meeting.title", { partner: initiative.partner.name })
                  : t("meeting.titleNoPartner")}
              </Link>
              {" · "}
              <PartialDateText date={initiative.raisedAt.date} />
            </Fact>
          ) : null}
        </Facts>
      </Section>
      {initiative.description ? (
        <Section title={t("initiative.description")} id="description">
          <p className="max-w-prose whitespace-pre-line">{initiative.description}</p>
        </Section>
      ) : null}
      <Section title={t("initiative.steps")} id="steps">
        {initiative.steps.length === 0 ? (
          <Empty>{t("initiative.noSteps")}</Empty>
        ) : (
          <ol className="space-y-2 border-l-2 border-sky-200 pl-4">
            {initiative.steps.map((step) => (
              <li key={step.id}>
                <p className="text-sm text-stone-600">
                  <PartialDateText date={step.date} />
                  {step.meetingId ? (
                    <>
                      {" · "}
                      <Link to={`/meetings/${step.meetingId}`} className="text-sky-800 underline">
                        {t("meeting.titleNoPartner")}
                      </Link>
                    </>
                  ) : null}
                </p>
                {step.status ? (
                  <p className="font-medium">
                    {t("initiative.statusChangedTo", { status: t(`initiative.statuses.${step.status}`) })}
                  </p>
                ) : null}
                {step.note ? <p className="text-stone-800">{step.note}</p> : null}
                {canEdit ? <StepActions initiativeId={initiative.id} stepId={step.id} date={step.date} /> : null}
              </li>
            ))}
          </ol>
        )}
      </Section>
      <Documents parent="initiative" parentId={initiative.id} documents={documents} maxMb={maxMb} />
    </>
  );
}

/** A step's correction and deletion, for those who may edit: each link's name says which step. */
function StepActions({ initiativeId, stepId, date }: { initiativeId: number; stepId: number; date: PartialDate }) {
  const { t } = useTranslation();
  // In the case its sentence puts it in, as the relation's step links do (app/components/PartnerRelations.tsx).
  const said = formatPartialDate(date, useDateWords(), "at");
  return (
    <p className="flex gap-x-4 text-xs print:hidden">
      <Link
        to={`/initiatives/${initiativeId}/steps/${stepId}/edit`}
        aria-label={t("form.initiative.editStepOf", { date: said })}
        className="text-sky-800 underline"
      >
        {t("form.initiative.correctStep")}
      </Link>
      <Link
        to={`/initiatives/${initiativeId}/steps/${stepId}/delete`}
        aria-label={t("form.initiative.deleteStepOf", { date: said })}
        className="text-red-700 underline"
      >
        {t("form.deleteAction")}
      </Link>
    </p>
  );
}
