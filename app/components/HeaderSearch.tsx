import { Form, Link, useFetcher, useLocation } from "@remix-run/react";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";

// Marking the match needs name folding (db/shared/fold.ts), which no page needs before a search
// is typed: it is fetched with the first suggestions, not with every page (issue 17).
const Highlight = lazy(() => import("./Highlight").then((module) => ({ default: module.Highlight })));

type Named = { id: number; name: string };
/** What /search/suggest answers. */
type Suggestions = {
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

/**
 * The header's search: a plain GET form to the results page, and with JavaScript, results
 * grouped by kind as one types.
 */
export function HeaderSearch() {
  const { t } = useTranslation();
  const fetcher = useFetcher<Suggestions>();
  const location = useLocation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const pending = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => setOpen(false), [location.key]);
  const data = open ? fetcher.data : undefined;
  const groups =
    data?.names && data.texts
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
    <div className="relative">
      <Form
        method="get"
        action="/search"
        role="search"
        className="flex"
        onSubmit={() => {
          // The results page takes over: no late suggestion should open over it.
          clearTimeout(pending.current);
          setOpen(false);
        }}
      >
        <label htmlFor="site-search" className="sr-only">
          {t("search.label")}
        </label>
        <input
          id="site-search"
          type="search"
          name="q"
          autoComplete="off"
          placeholder={t("search.placeholder")}
          aria-controls={panelId}
          aria-expanded={groups.length > 0}
          onChange={(event) => {
            const q = event.currentTarget.value;
            setOpen(q.trim().length >= 2);
            // Ask once typing pauses: one request per word, and the answer is for what was typed last.
            clearTimeout(pending.current);
            if (q.trim().length >= 2)
              pending.current = setTimeout(() => fetcher.load(`/search/suggest?q=${encodeURIComponent(q)}`), 150);
          }}
          onKeyDown={(event) => {
            if (event.key === "Escape") setOpen(false);
          }}
          className="w-56 rounded-l border border-sky-700 bg-white px-2 py-1 text-sm text-stone-900 placeholder:text-stone-500"
        />
        <button
          type="submit"
          className="rounded-r bg-sky-700 px-3 py-1 text-sm font-medium text-white hover:bg-sky-600"
        >
          {t("search.submit")}
        </button>
      </Form>
      {groups.length > 0 ? (
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
                      <Suspense fallback={item.text}>
                        <Highlight text={item.text} query={data?.query ?? ""} />
                      </Suspense>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </div>
  );
}
