import { Form, useFetcher, useLocation } from "@remix-run/react";
import { lazy, Suspense, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "~/i18n/react";
import type { Suggestions } from "./SearchSuggestions";

// The suggestions' panel, and the name folding that marks the match in it (db/shared/fold.ts),
// are needed once a search is typed, not by every page: fetched as typing starts (issue 17).
const loadPanel = () => import("./SearchSuggestions");
const SearchSuggestions = lazy(() => loadPanel().then((module) => ({ default: module.SearchSuggestions })));

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
  const found = Boolean(
    data?.names && data.texts && [...Object.values(data.names), ...Object.values(data.texts)].some((l) => l.length),
  );
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
          aria-expanded={found}
          onChange={(event) => {
            const q = event.currentTarget.value;
            setOpen(q.trim().length >= 2);
            // Ask once typing pauses: one request per word, and the answer is for what was typed last.
            clearTimeout(pending.current);
            if (q.trim().length < 2) return;
            void loadPanel();
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
      {data && found ? (
        <Suspense fallback={null}>
          <SearchSuggestions id={panelId} data={data} />
        </Suspense>
      ) : null}
    </div>
  );
}
