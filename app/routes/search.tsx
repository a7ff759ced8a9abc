import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Highlight } from "~/components/Highlight";
import { Empty, PageHeading, Section } from "~/components/Page";
import { PartialDateText } from "~/components/PartialDateText";
import { InitiativeStatusBadge } from "~/components/StatusBadge";
import { getTranslator } from "~/i18n/i18n.server";
import { searchNames, searchTexts } from "~/models/search.server";
import { titled } from "~/utils/meta";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const query = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  return {
    title: t("search.title"),
    query,
    results: query ? searchNames(query, lng) : null,
    texts: query ? searchTexts(query, lng) : null,
  };
}

const GROUPS = [
  { kind: "partner", heading: "search.partners", href: "/partners" },
  { kind: "person", heading: "search.people", href: "/people" },
  { kind: "organisation", heading: "search.organisations", href: "/organisations" },
] as const;

export default function SearchPage() {
  const { t } = useTranslation();
  const { query, results, texts } = useLoaderData<typeof loader>();
  const found = (results ? GROUPS.some((g) => results[g.kind].length > 0) : false) || Boolean(texts?.meeting.length || texts?.initiative.length);
  return (
    <>
      <PageHeading>{t("search.title")}</PageHeading>
      <Form method="get" role="search" className="mb-6 flex max-w-xl gap-2">
        <label htmlFor="search-page-q" className="sr-only">
          {t("search.label")}
        </label>
        <input id="search-page-q" type="search" name="q" defaultValue={query} className="flex-1 rounded border border-stone-300 bg-white px-3 py-2" />
        <button type="submit" className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
          {t("search.submit")}
        </button>
      </Form>
      {results && !found ? <Empty>{t("search.nothing", { query })}</Empty> : null}
      {results
        ? GROUPS.filter((g) => results[g.kind].length > 0).map((group) => (
            <Section key={group.kind} title={t(group.heading)} id={`results-${group.kind}`}>
              <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
                {results[group.kind].map((record) => (
                  <li key={record.id} className="p-3">
                    <Link to={`${group.href}/${record.id}`} className="font-medium text-sky-800 underline">
                      <Highlight text={record.name} query={query} />
                    </Link>
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
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {texts?.initiative.length ? (
        <Section title={t("search.initiatives")} id="results-initiatives">
          <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
            {texts.initiative.map((i) => (
              <li key={i.id} className="flex items-start justify-between gap-3 p-3">
                <Link to={`/initiatives/${i.id}`} className="font-medium text-sky-800 underline">
                  <Highlight text={i.title} query={query} />
                </Link>
                <InitiativeStatusBadge status={i.status} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}
