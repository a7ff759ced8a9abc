import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { RecordActions } from "~/components/Actions";
import { Empty, Fact, Facts, PageHeading, Section } from "~/components/Page";
import { PartialDateText, PostDates } from "~/components/PartialDateText";
import { getTranslator } from "~/i18n/i18n.server";
import { getOrganisation } from "~/models/organisations.server";
import { peopleAt } from "~/models/people/read.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.organisationId);
  const organisation = foundOrGone(getOrganisation(id, lng), { type: "organisation", id }, { user, lng, t });
  return { title: organisation.name, organisation, people: peopleAt(id, lng) };
}

export default function OrganisationPage() {
  const { t } = useTranslation();
  const { organisation, people } = useLoaderData<typeof loader>();
  const names = (["kk", "ru", "en"] as const).filter((lng) => organisation.names[lng]);
  return (
    <>
      <PageHeading
        eyebrow={t(organisation.ourSide ? "organisation.ourSide" : "organisation.partnerSide")}
        actions={
          <div className="flex flex-wrap gap-2">
            <RecordActions
              path={`/organisations/${organisation.id}`}
              history={`/history/organisation/${organisation.id}`}
            />
          </div>
        }
      >
        {organisation.name}
      </PageHeading>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div>
          <Section title={t("organisation.people")} id="people">
            {people.length === 0 ? (
              <Empty>{t("organisation.noPeople")}</Empty>
            ) : (
              <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
                {people.map((person, index) => (
                  <li key={`${person.id}-${index}`} className="p-3">
                    <Link to={`/people/${person.id}`} className="font-medium text-sky-800 underline">
                      {person.name}
                    </Link>
                    <p className="text-sm text-stone-600">
                      {person.title}
                      {person.start.value || person.end.value || person.asOf.value ? (
                        <>
                          {" · "}
                          <PostDates start={person.start} end={person.end} asOf={person.asOf} />
                        </>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Section>
          <Section title={t("organisation.meetingsHosted")} id="meetings">
            {organisation.meetingsHosted.length === 0 ? (
              <Empty>{t("organisation.noMeetings")}</Empty>
            ) : (
              <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
                {organisation.meetingsHosted.map((m) => (
                  <li key={m.id} className="p-3">
                    <Link to={`/meetings/${m.id}`} className="font-medium text-sky-800 underline">
                      <PartialDateText date={m.date} />
                    </Link>
                    {m.purpose ? <p className="line-clamp-2 text-sm text-stone-700">{m.purpose}</p> : null}
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
        <aside aria-label={t("partner.names")}>
          <Section title={t("partner.names")} id="names">
            <Facts>
              {names.map((lng) => (
                <Fact key={lng} label={t(`partner.nameIn.${lng}`)}>
                  <span lang={lng}>{organisation.names[lng]}</span>
                </Fact>
              ))}
              {organisation.partner ? (
                <Fact label={t("organisation.side")}>
                  <Link to={`/partners/${organisation.partner.id}`} className="text-sky-800 underline">
                    {organisation.partner.name}
                  </Link>
                </Fact>
              ) : null}
              {organisation.parent ? (
                <Fact label={t("organisation.parent")}>
                  <Link to={`/organisations/${organisation.parent.id}`} className="text-sky-800 underline">
                    {organisation.parent.name}
                  </Link>
                </Fact>
              ) : null}
            </Facts>
          </Section>
          {organisation.children.length > 0 ? (
            <Section title={t("organisation.children")} id="children">
              <ul className="space-y-1">
                {organisation.children.map((child) => (
                  <li key={child.id}>
                    <Link to={`/organisations/${child.id}`} className="text-sky-800 underline">
                      {child.name}
                    </Link>
                  </li>
                ))}
              </ul>
            </Section>
          ) : null}
        </aside>
      </div>
    </>
  );
}
