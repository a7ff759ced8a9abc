import type { FieldMetadata } from "@conform-to/react";
import { useFetcher } from "@remix-run/react";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { ErrorList, readField } from "~/forms/Controls";

type Suggestion = { id: number; name: string; title: string | null; organisation: string | null };

/**
 * A name field that suggests people on file as one types (any part of any name form, in any
 * script). Picking one sets the hidden person id and, when the title is still empty, fills in
 * their current post. Without JavaScript it is a plain text field, matched when saved.
 */
export type { Suggestion as PersonSuggestion };

export function PersonPicker({
  name,
  personId,
  label,
  titleName,
}: {
  name: FieldMetadata<string | undefined>;
  personId: FieldMetadata<number | undefined>;
  label: ReactNode;
  /** The participant's title field, filled with the current post when still empty. */
  titleName?: string;
}) {
  const { t } = useTranslation();
  const fetcher = useFetcher<{ people: Suggestion[] }>();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const suggestions = open ? (fetcher.data?.people ?? []) : [];
  const typed = readField(name);
  const picked = readField(personId);

  useEffect(() => setActive(0), [fetcher.data]);

  const pick = (person: Suggestion) => {
    setOpen(false);
    const form = inputRef.current?.form;
    if (!form) return;
    setField(form, personId.name, String(person.id));
    setField(form, name.name, person.name);
    const title = titleName ? form.elements.namedItem(titleName) : null;
    if (titleName && person.title && title instanceof HTMLInputElement && !title.value)
      setField(form, titleName, person.title);
  };

  return (
    <div className="relative">
      <label htmlFor={typed.id} className="field-label">
        {label}
      </label>
      <input {...picked.attributes} type="hidden" defaultValue={picked.defaultValue} />
      <input
        {...typed.attributes}
        type="text"
        defaultValue={typed.defaultValue}
        ref={inputRef}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={suggestions.length > 0}
        aria-controls={listId}
        aria-activedescendant={suggestions.length ? `${listId}-${active}` : undefined}
        autoComplete="off"
        className="field-control"
        onChange={(event) => {
          // Only typing counts: the picker's own update of the field must not undo the pick.
          if (!event.nativeEvent.isTrusted) return;
          const query = event.currentTarget.value;
          // Typing again means this is not (or no longer) the person picked.
          if (personId.value && event.currentTarget.form) setField(event.currentTarget.form, personId.name, "");
          if (query.trim().length >= 2) {
            setOpen(true);
            fetcher.load(`/people/search?q=${encodeURIComponent(query)}`);
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
      {personId.value ? <p className="mt-0.5 text-xs text-emerald-800">{t("form.meeting.onFile")}</p> : null}
      {suggestions.length > 0 ? (
        <ul
          id={listId}
          role="listbox"
          aria-label={t("form.meeting.suggestions")}
          className="absolute z-10 mt-1 max-h-64 w-full overflow-auto rounded border border-stone-300 bg-white shadow"
        >
          {suggestions.map((person, index) => (
            <li
              key={person.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className="cursor-pointer px-3 py-2 aria-selected:bg-sky-100"
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
            >
              <span className="font-medium">{person.name}</span>
              {person.title ? (
                <span className="block text-xs text-stone-600">
                  {[person.title, person.organisation].filter(Boolean).join(" · ")}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      <ErrorList id={typed.errorId} errors={typed.errors} />
    </div>
  );
}

/** Sets a field as if typed, so the form library (which listens for input events) sees it. */
function setField(form: HTMLFormElement, name: string, value: string) {
  const element = form.elements.namedItem(name);
  if (!(element instanceof HTMLInputElement)) return;
  element.value = value;
  element.dispatchEvent(new Event("input", { bubbles: true }));
}
