import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { RELATION_STATUSES, RELATION_TYPES } from "~db/enums";
import { RelationFieldsSchema, RelationSchema, RelationStepSchema } from "~/forms/relation";
import { DraftRestored, RecordVersion, useDraftedForm } from "~/forms/use-drafted-form";
import type { FormReply } from "~/forms/parse.server";
import { FormErrors, PartialDateFields, SelectField, SubmitButton, TextArea, TextField } from "~/forms/Controls";
import { PersonList } from "./PersonList";
import { UnsavedChangesGuard } from "~/forms/UnsavedChangesGuard";
import type { T as TFunction } from "~/i18n/translate";

type Option = { value: number | string; label: string };
type Signatory = { personId?: number; name?: string };
type WithStepParts = { signatories?: Signatory[]; sourceOutlet?: string; sourceTitle?: string; sourceUrl?: string };

/** Who signed: each picked from the people on file or typed (a new name adds a new person). */
function SignatoryFields<Schema extends WithStepParts>({
  form,
  field,
}: {
  form: FormMetadata<Schema, string[]>;
  field: FieldMetadata<Signatory[] | undefined, Schema, string[]>;
}) {
  const { t } = useTranslation();
  return (
    <PersonList
      form={form}
      field={field}
      legend={t("form.relation.signatories")}
      hint={t("form.meeting.participantsHint")}
      itemLabel={(number) => t("form.relation.signatory", { number })}
      removeLabel={(number) => t("form.relation.removeSignatory", { number })}
      addLabel={t("form.relation.addSignatory")}
    />
  );
}

function SourceFields({
  outlet,
  title,
  url,
}: {
  outlet: FieldMetadata<string | undefined>;
  title: FieldMetadata<string | undefined>;
  url: FieldMetadata<string | undefined>;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-2">
      <legend className="px-1 text-sm font-medium text-stone-700">{t("form.relation.source")}</legend>
      <TextField field={outlet} label={t("source.outlet")} />
      <TextField field={title} label={t("source.title")} />
      <TextField field={url} label={t("form.meeting.sourceUrl")} type="url" className="sm:col-span-2" />
    </fieldset>
  );
}

const typeOptions = (t: TFunction) => RELATION_TYPES.map((v) => ({ value: v, label: t(`relation.types.${v}`) }));
const statusOptions = (t: TFunction) =>
  RELATION_STATUSES.map((v) => ({ value: v, label: t(`relation.statuses.${v}`) }));

/** A new relation and its first step, with who signed it and where it is written. */
export function RelationForm({
  reply,
  draftKey,
}: {
  reply?: FormReply;
  /** Names the form and its record for its draft in the browser (./use-drafted-form.tsx). */
  draftKey: string;
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(RelationSchema, { draftKey, reply });
  return (
    <Form method="post" {...formProps} className="max-w-3xl space-y-4">
      <DraftRestored draft={draft} />
      <RecordVersion version={version} />
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField field={fields.type} label={t("form.relation.type")} placeholder="" options={typeOptions(t)} />
      <TextArea field={fields.note} label={t("form.relation.note")} rows={2} />
      <fieldset className="space-y-4 rounded border border-stone-200 p-3">
        <legend className="px-1 text-sm font-medium text-stone-700">{t("form.relation.firstStep")}</legend>
        <SelectField
          field={fields.status}
          label={t("form.relation.firstStatus")}
          placeholder=""
          options={statusOptions(t)}
        />
        <PartialDateFields field={fields.date} legend={t("meeting.date")} withUnknown />
        <TextArea field={fields.stepNote} label={t("form.relation.stepNote")} rows={2} />
        <SignatoryFields form={form} field={fields.signatories} />
        <SourceFields outlet={fields.sourceOutlet} title={fields.sourceTitle} url={fields.sourceUrl} />
      </fieldset>
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}

/** The relation's own fields: its kind and what is said about it. */
export function RelationFieldsForm({
  reply,
  defaultValue,
  draftKey,
}: {
  reply?: FormReply;
  defaultValue: Record<string, unknown>;
  /** Names the form and its record for its draft in the browser (./use-drafted-form.tsx). */
  draftKey: string;
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(RelationFieldsSchema, {
    draftKey,
    reply,
    defaultValue,
  });
  return (
    <Form method="post" {...formProps} className="max-w-3xl space-y-4">
      <DraftRestored draft={draft} />
      <RecordVersion version={version} />
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField field={fields.type} label={t("form.relation.type")} placeholder="" options={typeOptions(t)} />
      <TextArea field={fields.note} label={t("form.relation.note")} rows={2} />
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}

/** A step, new or corrected. */
export function RelationStepForm({
  reply,
  meetings,
  defaultValue,
  draftKey,
}: {
  reply?: FormReply;
  meetings: Option[];
  defaultValue?: Record<string, unknown>;
  /** Names the form and its record for its draft in the browser (./use-drafted-form.tsx). */
  draftKey: string;
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(RelationStepSchema, {
    draftKey,
    reply,
    defaultValue,
  });
  return (
    <Form method="post" {...formProps} className="max-w-3xl space-y-4">
      <DraftRestored draft={draft} />
      <RecordVersion version={version} />
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField field={fields.status} label={t("form.relation.status")} placeholder="" options={statusOptions(t)} />
      <PartialDateFields field={fields.date} legend={t("meeting.date")} withUnknown />
      <TextArea field={fields.note} label={t("form.relation.stepNote")} rows={2} />
      <SelectField field={fields.meetingId} label={t("form.initiative.atMeeting")} placeholder="—" options={meetings} />
      <SignatoryFields form={form} field={fields.signatories} />
      <SourceFields outlet={fields.sourceOutlet} title={fields.sourceTitle} url={fields.sourceUrl} />
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}
