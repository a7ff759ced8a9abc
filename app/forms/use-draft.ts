import { parse } from "@conform-to/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { edited } from "./edited";

/**
 * Keeps a copy of a long form in this browser as it is typed, so an accidental reload or a
 * closed tab loses nothing. Restored on the next visit to the same form; cleared on saving.
 */
export function useDraft(key: string, enabled: boolean) {
  const storageKey = `kezdesu:draft:${key}`;
  const [value, setValue] = useState<Record<string, unknown> | undefined>();
  const [generation, setGeneration] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const keep = useCallback(
    (form: HTMLFormElement) => {
      const entries = [...new FormData(form).entries()].filter(([, v]) => typeof v === "string");
      localStorage.setItem(storageKey, JSON.stringify(entries));
    },
    [storageKey],
  );

  useEffect(() => {
    if (!enabled) return;
    const saved = localStorage.getItem(storageKey);
    if (!saved) {
      // What was typed before the form's code arrived (./deferred.tsx) is kept at once.
      const form = document.getElementById(`${key}-0`);
      if (form instanceof HTMLFormElement && edited(form.id)) keep(form);
      return;
    }
    try {
      const entries = JSON.parse(saved) as Array<[string, string]>;
      setValue(parse(entriesToFormData(entries), { resolve: () => ({}) }).payload as Record<string, unknown>);
      setGeneration((g) => g + 1);
    } catch {
      localStorage.removeItem(storageKey);
    }
  }, [enabled, storageKey, key, keep]);

  const save = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      const form = event.currentTarget;
      clearTimeout(timer.current);
      timer.current = setTimeout(() => keep(form), 400);
    },
    [keep],
  );

  const clear = useCallback(() => {
    clearTimeout(timer.current);
    localStorage.removeItem(storageKey);
  }, [storageKey]);

  const discard = useCallback(() => {
    clear();
    setValue(undefined);
    setGeneration((g) => g + 1);
  }, [clear]);

  // A new form id makes conform start again from the restored (or discarded) values.
  return { value, restored: Boolean(value), formId: `${key}-${generation}`, save, clear, discard };
}

function entriesToFormData(entries: Array<[string, string]>) {
  const formData = new FormData();
  for (const [name, v] of entries) formData.append(name, v);
  return formData;
}
