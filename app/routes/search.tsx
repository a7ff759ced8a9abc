import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Highlight, Passage } from "~/components/Highlight";
import { ExportLinks } from "~/components/ExportLinks";
import { Empty, PageHeading, Section } from "~/components/Page";
import { PartialDateText } from "~/components/PartialDateText";
import { InitiativeStatusBadge } from "~/components/StatusBadge";
import { getTranslator } from "~/i18n/i18n.server";
import { searchQuery, searchResults } from "~/models/list-filters.server";
import { titled } from "~/utils/meta";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const query = searchQuery(new URL(request.url).searchParams);
  const { results, texts } = searchResults(query, lng);
  return { title: t("search.title"), query, results, texts };
}

const GROUPS = [
  { kind: "partner", heading: "search.partners", href: "/partners" },
  { kind: "person", heading: "search.people", href: "/people" },
  { kind: "organisation", heading: "search.organisations", href: "/organisations" },
] as const;

export default function SearchPage() {
  const { t } = useTranslation();
  const { query, results, texts } = useLoaderData<typeof loader>();
  const found =
    (results ? GROUPS.some((g) => results[g.kind].length > 0) : false) ||
    Boolean(texts?.meeting.length || texts?.initiative.length || texts?.relation.length || texts?.delegation.length);
  return (
    <>
      <PageHeading>{t("search.title")}</PageHeading>
      <Form method="get" role="search" className="mb-6 flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          {t("search.label")}
        </label>
        <input
          id="search-page-q"
          type="search"
          name="q"
          defaultValue={query}
          className="flex-1 rounded border border-stone-300 bg-white px-3 py-2"
        />
        <button type="submit" className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
          {t("search.submit")}
        </button>
      </Form>
      {results && !found ? <Empty>{t("search.nothing", { query })}</Empty> : null}
      {found ? <ExportLinks list="search" /> : null}
      {results
        ? GROUPS.filter((g) => results[g.kind].length > 0).map((group) => (
            <Section key={group.kind} title={t(group.heading)} id={`results-${group.kind}`}>
              <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
                {results[group.kind].map((record) => (
                  <li key={record.id} className="p-3">
                    <Link to={`${group.href}/${record.id}`} className="font-medium text-sky-800 underline">
                      <Highlight text={record.name} query={query} />
                    </Link>
                    {"country" in record ? (
                      <span className="text-sm text-stone-600">
                        {" · "}
                        <Highlight text={String(record.country)} query={query} />
                      </span>
                    ) : null}
                  </li>
                ))}
              </ul>
            </Section>
          ))
        : null}
      {texts?.meeting.length ? (
        <Section title={t("search.meetings")} id="results-meetings">
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {texts.meeting.map((m) => (
              <li key={m.id} className="p-3">
                <span className="text-sm text-stone-600">
                  <PartialDateText date={m.date} />
                </span>{" "}
                <Link to={`/meetings/${m.id}`} className="font-medium text-sky-800 underline">
                  {m.partner ? t("meeting.title", { partner: m.partner }) : t("meeting.titleNoPartner")}
                </Link>
                {m.purpose ? (
                  <p className="line-clamp-2 text-sm text-stone-700">
                    <Highlight text={m.purpose} query={query} />
                  </p>
                ) : null}
                <Passage passage={m.passage} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {texts?.initiative.length ? (
        <Section title={t("search.initiatives")} id="results-initiatives">
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {texts.initiative.map((i) => (
              <li key={i.id} className="p-3">
                <div className="flex items-start justify-between gap-3">
                  <Link to={`/initiatives/${i.id}`} className="font-medium text-sky-800 underline">
                    <Highlight text={i.title} query={query} />
                  </Link>
                  <InitiativeStatusBadge status={i.status} />
                </div>
                <Passage passage={i.passage} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {texts?.relation.length ? (
        <Section title={t("search.relations")} id="results-relations">
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {texts.relation.map((r) => (
              <li key={r.id} className="p-3">
                {/* Relations have no page of their own: they are shown on their partner's. */}
                <Link to={`/partners/${r.partnerId}#relations`} className="font-medium text-sky-800 underline">
                  <Highlight text={`${t(`relation.types.${r.type}`)} · ${r.partner}`} query={query} />
                </Link>
                <Passage passage={r.passage} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {texts?.delegation.length ? (
        <Section title={t("search.delegations")} id="results-delegations">
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {texts.delegation.map((d) => (
              <li key={d.id} className="p-3">
                <span className="text-sm text-stone-600">
                  <PartialDateText date={d.arrival} />
                </span>{" "}
                <Link to={`/delegations/${d.id}`} className="font-medium text-sky-800 underline">
                  <Highlight text={`${t(`meeting.directions.${d.direction}`)} · ${d.partner}`} query={query} />
                </Link>
                {d.purpose ? (
                  <p className="line-clamp-2 text-sm text-stone-700">
                    <Highlight text={d.purpose} query={query} />
                  </p>
                ) : null}
                <Passage passage={d.passage} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
