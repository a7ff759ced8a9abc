import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Highlight } from "./Highlight";

type Named = { id: number; name: string };
/** What /search/suggest answers. */
export type Suggestions = {
  query: string;
  names: { partner: Named[]; person: Named[]; organisation: Named[] } | null;
  texts: {
    meeting: Array<{ id: number; purpose: string | null; partner: string | null }>;
    initiative: Array<{ id: number; title: string }>;
    partner: Named[];
    relation: Array<{ id: number; partnerId: number; partner: string; type: string }>;
    delegation: Array<{ id: number; partner: string; purpose: string | null }>;
  } | null;
};

/** The header search's suggestions, grouped by kind; loaded by HeaderSearch once a search is typed. */
export function SearchSuggestions({ id: panelId, data }: { id: string; data: Suggestions }) {
  const { t } = useTranslation();
  const groups =
    data.names && data.texts
      ? [
          {
            key: "partners",
            // By name first, then by country or several words ("Amman Jordan").
            items: [
              ...data.names.partner,
              ...data.texts.partner.filter((p) => !data.names?.partner.some((n) => n.id === p.id)),
            ]
              .slice(0, 4)
              .map((r) => ({ href: `/partners/${r.id}`, text: r.name })),
          },
          { key: "people", items: data.names.person.map((r) => ({ href: `/people/${r.id}`, text: r.name })) },
          {
            key: "organisations",
            items: data.names.organisation.map((r) => ({ href: `/organisations/${r.id}`, text: r.name })),
          },
          {
            key: "meetings",
            items: data.texts.meeting.map((r) => ({
              href: `/meetings/${r.id}`,
              text: r.purpose ?? r.partner ?? `#${r.id}`,
            })),
          },
          {
            key: "initiatives",
            items: data.texts.initiative.map((r) => ({ href: `/initiatives/${r.id}`, text: r.title })),
          },
          {
            key: "relations",
            items: data.texts.relation.map((r) => ({
              href: `/partners/${r.partnerId}#relations`,
              text: `${t(`relation.types.${r.type}` as "relation.types.other")} · ${r.partner}`,
            })),
          },
          {
            key: "delegations",
            items: data.texts.delegation.map((r) => ({ href: `/delegations/${r.id}`, text: r.purpose ?? r.partner })),
          },
        ].filter((g) => g.items.length > 0)
      : [];
  return (
    <div
      id={panelId}
      role="region"
      aria-label={t("search.suggestions")}
      className="absolute right-0 z-20 mt-1 max-h-[70vh] w-96 overflow-auto rounded border border-stone-300 bg-white p-2 text-sm text-stone-900 shadow-lg"
    >
      {groups.map((group) => (
        <section key={group.key} aria-label={t(`search.${group.key}` as "search.people")} className="mb-2">
          <h2 className="px-2 text-xs font-semibold tracking-wide text-stone-500 uppercase">
            {t(`search.${group.key}` as "search.people")}
          </h2>
          <ul>
            {group.items.map((item) => (
              <li key={item.href}>
                <Link to={item.href} className="block truncate rounded px-2 py-1 hover:bg-sky-50 focus:bg-sky-50">
                  <Highlight text={item.text} query={data.query} />
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
