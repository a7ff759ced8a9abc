import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink, RecordActions } from "~/components/Actions";
import { CalendarDownload } from "~/components/CalendarDownload";
import { MeetingList } from "~/components/MeetingList";
import { Empty, Fact, Facts, PageHeading, Section } from "~/components/Page";
import { PartialDateText } from "~/components/PartialDateText";
import { getTranslator } from "~/i18n/i18n.server";
import { getDelegation } from "~/models/delegations.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { requireUser } from "~/auth.server";
import { getEnv } from "~/env.server";
import { listDocuments } from "~/models/documents.server";
import { deferred, withDeferred } from "~/forms/deferred";

// The documents and their upload form: loaded after the page, as the forms are (app/forms/deferred.tsx).
const Documents = deferred(() => import("~/components/Documents").then((module) => module.Documents));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.delegationId);
  const delegation = foundOrGone(getDelegation(id, lng), { type: "delegation", id }, { user, lng, t });
  const title = delegation.partner
    ? t("delegation.title", { partner: delegation.partner.name })
    : t("meeting.delegation");
  return {
    title,
    delegation,
    documents: listDocuments("delegation", delegation.id, lng),
    maxMb: getEnv().UPLOAD_MAX_MB,
  };
}

type Person = { id: number; name: string; post: { title: string; organisation: { id: number; name: string } } | null };

function PersonLine({ person }: { person: Person }) {
  return (
    <>
      <Link to={`/people/${person.id}`} className="text-sky-800 underline">
        {person.name}
      </Link>
      {person.post ? (
        <span className="text-sm text-stone-600">
          {" · "}
          {[person.post.title, person.post.organisation.name].filter(Boolean).join(", ")}
        </span>
      ) : null}
    </>
  );
}

export const clientLoader = withDeferred(Documents);

export default function DelegationPage() {
  const { t } = useTranslation();
  const { delegation, title, documents, maxMb } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading
        eyebrow={t(`meeting.directions.${delegation.direction}`)}
        actions={
          <div className="flex flex-wrap gap-2">
            {delegation.arrival.value ? <CalendarDownload href={`/delegations/${delegation.id}/calendar.ics`} /> : null}
            <RecordActions path={`/delegations/${delegation.id}`} history={`/history/delegation/${delegation.id}`} />
          </div>
        }
      >
        {title}
      </PageHeading>

      <Section title={t("common.details")} id="details">
        <Facts>
          {delegation.partner ? (
            <Fact label={t("meeting.partner")}>
              <Link to={`/partners/${delegation.partner.id}`} className="text-sky-800 underline">
                {delegation.partner.name}
              </Link>
            </Fact>
          ) : null}
          {delegation.organisation ? (
            <Fact label={t("form.meeting.delegationOrganisation")}>
              <Link to={`/organisations/${delegation.organisation.id}`} className="text-sky-800 underline">
                {delegation.organisation.name}
              </Link>
            </Fact>
          ) : null}
          <Fact label={t("form.delegation.arrival")}>
            <PartialDateText date={delegation.arrival} />
          </Fact>
          <Fact label={t("form.delegation.departure")}>
            <PartialDateText date={delegation.departure} />
          </Fact>
          {delegation.purpose ? <Fact label={t("meeting.purpose")}>{delegation.purpose}</Fact> : null}
          <Fact label={t("form.delegation.leader")}>
            {delegation.leader ? (
              <PersonLine person={delegation.leader} />
            ) : (
              <span className="text-stone-500 italic">{t("common.notStated")}</span>
            )}
          </Fact>
        </Facts>
      </Section>

      <Section title={t("form.delegation.members")} id="members">
        {delegation.members.length === 0 ? (
          <Empty>{t("delegation.noMembers")}</Empty>
        ) : (
          <ul className="space-y-1">
            {delegation.members.map((member) => (
              <li key={member.id}>
                <PersonLine person={member} />
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t("delegation.meetings")} id="meetings">
        <div className="mb-3 print:hidden">
          <ActionLink to={`/meetings/new?delegation=${delegation.id}`} tone="secondary">
            {t("form.meeting.add")}
          </ActionLink>
        </div>
        {delegation.meetings.length === 0 ? (
          <Empty>{t("delegation.noMeetings")}</Empty>
        ) : (
          <MeetingList meetings={delegation.meetings} />
        )}
      </Section>
      <Documents parent="delegation" parentId={delegation.id} documents={documents} maxMb={maxMb} />
    </>
  );
}
