import { useTranslation } from "~/i18n/react";
import type { searchResults } from "~/models/list-filters.server";
import { Highlight, Passage } from "./Highlight";
import { PageLink, Section } from "./Page";
import { PartialDateText } from "./PartialDateText";
import { InitiativeStatusBadge } from "./StatusBadge";

type Found = ReturnType<typeof searchResults>;

const GROUPS = [
  { kind: "partner", heading: "search.partners", href: "/partners" },
  { kind: "person", heading: "search.people", href: "/people" },
  { kind: "organisation", heading: "search.organisations", href: "/organisations" },
] as const;

const LIST = "divide-y divide-stone-200 rounded border border-stone-200 bg-white";
const LINK = "font-medium text-sky-800 underline";

/** Whether a search found anything to list. */
export function foundAny({ results, texts }: Found) {
  return (
    (results ? GROUPS.some((g) => results[g.kind].length > 0) : false) ||
    Boolean(texts?.meeting.length || texts?.initiative.length || texts?.relation.length || texts?.delegation.length)
  );
}

/**
 * A search's results, a section a kind, with what matched marked: drawn as markup with the
 * search (components/DrawnMarkup.server.tsx), as the same for every account.
 */
export function SearchResults({ query, results, texts }: Found & { query: string }) {
  const { t } = useTranslation();
  return (
    <>
      {results
        ? GROUPS.filter((g) => results[g.kind].length > 0).map((group) => (
            <Section key={group.kind} title={t(group.heading)} id={`results-${group.kind}`}>
              <ul className={LIST}>
                {results[group.kind].map((record) => (
                  <li key={record.id} className="p-3">
                    <PageLink to={`${group.href}/${record.id}`} className={LINK}>
                      <Highlight text={record.name} query={query} />
                    </PageLink>
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
          <ul className={LIST}>
            {texts.meeting.map((m) => (
              <li key={m.id} className="p-3">
                <span className="text-sm text-stone-600">
                  <PartialDateText date={m.date} />
                </span>{" "}
                <PageLink to={`/meetings/${m.id}`} className={LINK}>
                  {m.partner ? t("meeting.title", { partner: m.partner }) : t("meeting.titleNoPartner")}
                </PageLink>
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
          <ul className={LIST}>
            {texts.initiative.map((i) => (
              <li key={i.id} className="p-3">
                <div className="flex items-start justify-between gap-3">
                  <PageLink to={`/initiatives/${i.id}`} className={LINK}>
                    <Highlight text={i.title} query={query} />
                  </PageLink>
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
          <ul className={LIST}>
            {texts.relation.map((r) => (
              <li key={r.id} className="p-3">
                {/* Relations have no page of their own: they are shown on their partner's. */}
                <PageLink to={`/partners/${r.partnerId}#relations`} className={LINK}>
                  <Highlight text={`${t(`relation.types.${r.type}`)} · ${r.partner}`} query={query} />
                </PageLink>
                <Passage passage={r.passage} />
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
      {texts?.delegation.length ? (
        <Section title={t("search.delegations")} id="results-delegations">
          <ul className={LIST}>
            {texts.delegation.map((d) => (
              <li key={d.id} className="p-3">
                <span className="text-sm text-stone-600">
                  <PartialDateText date={d.arrival} />
                </span>{" "}
                <PageLink to={`/delegations/${d.id}`} className={LINK}>
                  <Highlight text={`${t(`meeting.directions.${d.direction}`)} · ${d.partner}`} query={query} />
                </PageLink>
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
