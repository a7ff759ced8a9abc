import { parse } from "@conform-to/react";
import { useLocation, useNavigation } from "@remix-run/react";
import { useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import { useUser } from "~/utils/user";
import { draftStorageKey, keepDraft } from "./drafts";
import { edited } from "./edited";

/**
 * Keeps a copy of a long form in this browser as it is typed, so an accidental reload or a
 * closed tab loses nothing. Restored on the next visit to the same form; cleared once saved: when
 * the save sends the reader on to the record. A save that fails (the network down, the database
 * busy, an error page instead of the form) leaves it, with what was sent, for the next visit.
 * Kept under the signed-in account, and forgotten at sign-out (./drafts.ts).
 */
export function useDraft(key: string, enabled: boolean) {
  const storageKey = draftStorageKey(useUser()?.id, key);
  const [value, setValue] = useState<Record<string, unknown> | undefined>();
  const [generation, setGeneration] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const keep = useCallback(
    (form: HTMLFormElement) => {
      const entries = [...new FormData(form).entries()].filter(([, v]) => typeof v === "string");
      keepDraft(storageKey, JSON.stringify(entries));
    },
    [storageKey],
  );

  useEffect(() => {
    if (!enabled) return;
    // What was typed before the form's code arrived (./deferred.tsx) is kept at once, and wins
    // over a draft left earlier: restoring that one replaced what the reader had just typed.
    const form = document.getElementById(`${key}-0`);
    if (form instanceof HTMLFormElement && edited(form.id)) return keep(form);
    const saved = localStorage.getItem(storageKey);
    if (!saved) return;
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

  // Sent and not yet answered: cleared if the answer is a redirect elsewhere (saved).
  const sending = useRef(false);
  const sent = useCallback(
    (form: HTMLFormElement) => {
      clearTimeout(timer.current);
      keep(form);
      sending.current = true;
    },
    [keep],
  );
  const navigation = useNavigation();
  const { pathname } = useLocation();
  useEffect(() => {
    if (!sending.current) return;
    if (navigation.state === "loading" && navigation.location.pathname !== pathname) {
      sending.current = false;
      clear();
    } else if (navigation.state === "idle") sending.current = false;
  }, [navigation.state, navigation.location, pathname, clear]);

  const discard = useCallback(() => {
    clear();
    setValue(undefined);
    setGeneration((g) => g + 1);
  }, [clear]);

  // A new form id makes conform start again from the restored (or discarded) values.
  return { value, restored: Boolean(value), formId: `${key}-${generation}`, save, sent, discard, keep };
}

function entriesToFormData(entries: Array<[string, string]>) {
  const formData = new FormData();
  for (const [name, v] of entries) formData.append(name, v);
  return formData;
}
