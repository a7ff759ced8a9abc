import type { ControlField } from "~/forms/row-fields";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { ErrorList, readField } from "~/forms/Controls";

/** One suggestion: the record's id and name, and a line that tells namesakes apart. */
export type NameSuggestion = { id: number; name: string; detail?: string | null };

/**
 * A name field that suggests records on file as one types (any part of any name form, in any
 * script, from `source`). Picking one sets the hidden id. Without JavaScript it is a plain text
 * field, matched by name when saved. A list row uses this rather than a select of every record on
 * file: a select repeats all of them in every row, so a form of 200 rows on a national database
 * rendered some 600,000 options (issue 12.4).
 */
export function NamePicker<S extends NameSuggestion>({
  name,
  recordId,
  label,
  source,
  listLabel,
  onFileLabel,
  description,
  onPick,
}: {
  name: ControlField;
  recordId: ControlField;
  label: ReactNode;
  /** The suggestions' URL, `q` added: answers `{ suggestions: NameSuggestion[] }`. */
  source: string;
  listLabel: string;
  onFileLabel: string;
  /** A line under the field that says what a name not on file does, read with the field. */
  description?: string;
  /** What else a pick fills in (the person picker fills an empty title with the current post). */
  onPick?: (form: HTMLFormElement, picked: S) => void;
}) {
  // What was typed to ask for suggestions: the fetcher is made only once someone types. A form
  // refused at its list limits has 500 pickers, and a fetcher each was a tenth of its render.
  const [query, setQuery] = useState<string | null>(null);
  const [found, setFound] = useState<S[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const suggestions = open ? found : [];
  const typed = readField(name);
  const pickedId = recordId.value;

  const pick = (suggestion: S) => {
    setOpen(false);
    const form = inputRef.current?.form;
    if (!form) return;
    setField(form, recordId.name, String(suggestion.id));
    setField(form, name.name, suggestion.name);
    onPick?.(form, suggestion);
  };

  return (
    <div className="relative">
      <label htmlFor={typed.id} className="field-label">
        {label}
      </label>
      {/* Held by the form's state: React resets a hidden input's default value on every render,
          which undid a pick as soon as "on file" showed (and a namesake picked was refused). */}
      <input name={recordId.name} type="hidden" value={pickedId === undefined ? "" : String(pickedId)} />
      <input
        id={typed.id}
        name={typed.name}
        aria-invalid={typed.invalid}
        aria-describedby={
          [typed.describedBy, description ? `${typed.id}-description` : ""].filter(Boolean).join(" ") || undefined
        }
        type="text"
        defaultValue={typed.defaultValue}
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={suggestions.length ? listId : undefined}
        aria-activedescendant={suggestions.length ? `${listId}-${active}` : undefined}
        autoComplete="off"
        className="field-control"
        onChange={(event) => {
          // Only typing counts: the picker's own update of the field must not undo the pick.
          if (!event.nativeEvent.isTrusted) return;
          const query = event.currentTarget.value;
          // Typing again means this is not (or no longer) the record picked.
          if (recordId.value && event.currentTarget.form) setField(event.currentTarget.form, recordId.name, "");
          if (query.trim().length >= 2) {
            setOpen(true);
            setQuery(query);
          } else setOpen(false);
        }}
        onKeyDown={(event) => {
          if (!suggestions.length) return;
          if (event.key === "ArrowDown") setActive((i) => Math.min(i + 1, suggestions.length - 1));
          else if (event.key === "ArrowUp") setActive((i) => Math.max(i - 1, 0));
          else if (event.key === "Enter") pick(suggestions[active]);
          else if (event.key === "Escape") setOpen(false);
          else return;
          event.preventDefault();
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {query !== null ? (
        <SuggestionsFetcher<S>
          url={`${source}${source.includes("?") ? "&" : "?"}q=${encodeURIComponent(query)}`}
          onFound={(suggestions) => {
            setFound(suggestions);
            setActive(0);
          }}
        />
      ) : null}
      {pickedId ? <p className="mt-0.5 text-xs text-emerald-800">{onFileLabel}</p> : null}
      {description && !pickedId ? (
        <p id={`${typed.id}-description`} className="mt-0.5 text-xs text-stone-500">
          {description}
        </p>
      ) : null}
      {suggestions.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={listLabel}
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded border border-stone-300 bg-white shadow"
        >
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="cursor-pointer px-3 py-2 aria-selected:bg-sky-100"
              onMouseDown={(event) => {
                event.preventDefault();
                pick(suggestion);
              }}
            >
              <span className="font-medium">{suggestion.name}</span>
              {suggestion.detail ? <span className="block text-xs text-stone-600">{suggestion.detail}</span> : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorList id={typed.errorId} errors={typed.errors} />
    </div>
  );
}

/** Asks `url` for suggestions whenever it changes, and hands on what comes back. */
function SuggestionsFetcher<S extends NameSuggestion>({
  url,
  onFound,
}: {
  url: string;
  onFound: (found: S[]) => void;
}) {
  const fetcher = useFetcher<{ suggestions: S[] }>();
  const { load } = fetcher;
  useEffect(() => {
    void load(url);
  }, [load, url]);
  const { data } = fetcher;
  const report = useRef(onFound);
  report.current = onFound;
  useEffect(() => {
    if (data) report.current(data.suggestions);
  }, [data]);
  return null;
}

/** Sets a field as if typed, so the form library (which listens for input events) sees it. */
export function setField(form: HTMLFormElement, name: string, value: string) {
  const element = form.elements.namedItem(name);
  if (!(element instanceof HTMLInputElement)) return;
  element.value = value;
  element.dispatchEvent(new Event("input", { bubbles: true }));
}
