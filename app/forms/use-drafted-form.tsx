import { getFormProps } from "@conform-to/react";
import type { FormEvent } from "react";
import type { z } from "zod";
import { useTranslation } from "~/i18n/react";
import type { FormReply } from "./parse.server";
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
  return { form, fields, draft, formProps };
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
