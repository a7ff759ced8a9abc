import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { RecordActions } from "~/components/Actions";
import { Empty, Fact, Facts, PageHeading, Section } from "~/components/Page";
import { WikidataLink } from "~/components/WikidataLink";
import { PartialDateText, PostDates } from "~/components/PartialDateText";
import { knownOnlyAsOf } from "~db/shared/partial-date";
import { getTranslator } from "~/i18n/i18n.server";
import { meetingsAttendedBy } from "~/models/meetings/read.server";
import { getPerson } from "~/models/people/read.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.personId);
  const person = foundOrGone(getPerson(id, lng), { type: "person", id }, { user, lng, t });
  return { title: person.name, person, meetings: meetingsAttendedBy(id, lng) };
}

export default function PersonPage() {
  const { t } = useTranslation();
  const { person, meetings } = useLoaderData<typeof loader>();
  const names = (["kk", "ru", "en"] as const).filter((lng) => person.names[lng]);
  return (
    <>
      <PageHeading
        eyebrow={
          person.currentPost ? (
            <>
              {person.currentPost.title} · {person.currentPost.organisation.name}
              {knownOnlyAsOf(person.currentPost) ? (
                <>
                  {" · "}
                  <PostDates {...person.currentPost} />
                </>
              ) : null}
            </>
          ) : undefined
        }
        actions={
          <div className="flex flex-wrap gap-2">
            <RecordActions path={`/people/${person.id}`} history={`/history/person/${person.id}`} />
          </div>
        }
      >
        {person.name}
      </PageHeading>
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div>
          <Section title={t("person.posts")} id="posts">
            {person.posts.length === 0 ? (
              <Empty>{t("person.noPosts")}</Empty>
            ) : (
              <ol className="space-y-2">
                {person.posts.map((post) => (
                  <li key={post.id} className="rounded border border-stone-200 bg-white p-3">
                    <p className="font-medium">{post.title}</p>
                    <p className="text-sm">
                      <Link to={`/organisations/${post.organisation.id}`} className="text-sky-800 underline">
                        {post.organisation.name}
                      </Link>
                    </p>
                    <p className="text-sm text-stone-600">
                      <PostDates start={post.start} end={post.end} asOf={post.asOf} />
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </Section>
          <Section title={t("person.meetings")} id="meetings">
            {meetings.length === 0 ? (
              <Empty>{t("person.noMeetings")}</Empty>
            ) : (
              <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
                {meetings.map((m) => (
                  <li key={m.id} className="p-3">
                    <span className="text-sm text-stone-600">
                      <PartialDateText date={m.date} />
                    </span>{" "}
                    <Link to={`/meetings/${m.id}`} className="font-medium text-sky-800 underline">
                      {m.partner ? t("meeting.title", { partner: m.partner }) : t("meeting.titleNoPartner")}
                    </Link>
                    <p className="text-sm text-stone-700">
                      {t(`meeting.roles.${m.role}`)}
                      {m.titleAtMeeting ? ` · ${m.titleAtMeeting}` : ""}
                    </p>
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
                  <span lang={lng}>{person.names[lng]}</span>
                </Fact>
              ))}
              {person.names.native ? <Fact label={t("partner.nativeName")}>{person.names.native}</Fact> : null}
              {person.wikidataId ? (
                <Fact label={t("openData.wikidata")}>
                  <WikidataLink id={person.wikidataId} />
                </Fact>
              ) : null}
              <Fact label={t("history.fields.is_public")}>
                {t(person.isPublic ? "openData.public" : "openData.notPublic")}
              </Fact>
            </Facts>
          </Section>
        </aside>
      </div>
    </>
  );
}
