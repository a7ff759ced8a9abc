import { getFormProps } from "@conform-to/react";
import { useEffect, type FormEvent } from "react";
import type { z } from "zod";
import { useTranslation } from "~/i18n/react";
import type { FormReply } from "./parse.server";
import type { StaleNotice } from "./stale.server";
import { StaleAlert } from "./StaleAlert";
import { useDraft } from "./use-draft";
import { useSchemaForm } from "./use-schema-form";

/**
 * A record's form kept as a draft in this browser as it is typed (./use-draft.ts), as the
 * meeting form is: an accidental reload or a closed tab loses nothing. Gives conform's form,
 * started from the draft when one is restored, and the props that keep and clear the draft.
 * `draftKey` names the form and its record ("person-new", "person-12"), so one record's draft
 * never fills another's form.
 */
export function useDraftedForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  { draftKey, reply, defaultValue }: { draftKey: string; reply?: FormReply; defaultValue?: Record<string, unknown> },
) {
  const draft = useDraft(draftKey, !reply);
  const [form, fields] = useSchemaForm(schema, {
    id: draft.formId,
    lastResult: reply?.result,
    defaultValue: draft.value ?? defaultValue,
  });
  const formProps = {
    ...getFormProps(form),
    onInput: draft.save,
    onSubmit: (event: FormEvent<HTMLFormElement>) => {
      form.onSubmit(event);
      if (!event.defaultPrevented) draft.sent(event.currentTarget);
    },
  };
  // An edit form carries the version of the record it was opened at: the draft's, when one is
  // restored (a draft typed before the record changed is refused on saving, not saved over it);
  // once the save is refused for a change it did not show, the newest (app/forms/stale.server.ts);
  // once refused for anything else, the one it was sent with.
  const sent = (reply?.result.initialValue as Record<string, unknown> | null | undefined)?.version;
  const opened = (draft.value ?? defaultValue)?.version;
  const version = { value: reply?.stale?.version ?? sent ?? opened, stale: reply?.stale };
  // The draft was kept as it was sent, with the version it was refused for: kept again with the
  // newest, or reloading the page would bring the old version back and be refused again.
  const { keep } = draft;
  const staleVersion = reply?.stale?.version;
  useEffect(() => {
    const element = staleVersion === undefined ? null : document.getElementById(form.id);
    if (element instanceof HTMLFormElement) keep(element);
  }, [staleVersion, form.id, keep]);
  return { form, fields, draft, formProps, version };
}

/** Says a draft was restored into the form, with the way to drop it. */
export function DraftRestored({ draft }: { draft: { restored: boolean; discard: () => void } }) {
  const { t } = useTranslation();
  if (!draft.restored) return null;
  return (
    <p role="status" className="rounded border border-sky-300 bg-sky-50 p-3 text-sm text-sky-900">
      {t("form.meeting.draftRestored")}{" "}
      <button type="button" onClick={draft.discard} className="underline">
        {t("form.meeting.discardDraft")}
      </button>
    </p>
  );
}

/**
 * The version of the record an edit form was opened at, sent with it (app/models/record-versions.server.ts),
 * and, when its save was refused for a change made meanwhile, who made it and when.
 */
export function RecordVersion({ version }: { version: { value: unknown; stale?: StaleNotice } }) {
  const { t } = useTranslation();
  const { value, stale } = version;
  return (
    <>
      {typeof value === "number" || typeof value === "string" ? (
        <input type="hidden" name="version" value={String(value)} />
      ) : null}
      {stale ? (
        <StaleAlert
          stale={stale}
          then={t(
            stale.step ? "form.stale.stepDeleted.kept" : stale.deleted ? "form.stale.deleted.kept" : "form.stale.kept",
          )}
        />
      ) : null}
    </>
  );
}
