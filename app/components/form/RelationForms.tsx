import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { RELATION_STATUSES, RELATION_TYPES } from "../../../db/enums";
import { RelationSchema, RelationStepSchema } from "~/forms/relation";
import { useSchemaForm } from "~/forms/use-schema-form";
import type { FormReply } from "~/utils/forms.server";
import { FormErrors, PartialDateFields, SelectField, SubmitButton, TextArea, TextField } from "./Fields";
import { PersonPicker } from "./PersonPicker";
import { UnsavedChangesGuard } from "./UnsavedChangesGuard";

type Option = { value: number | string; label: string };

export function RelationForm({ reply }: { reply?: FormReply }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(RelationSchema, { lastResult: reply?.result });
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-3xl space-y-4">
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField field={fields.type} label={t("form.relation.type")} placeholder="" options={RELATION_TYPES.map((v) => ({ value: v, label: t(`relation.types.${v}`) }))} />
      <TextArea field={fields.note} label={t("form.relation.note")} rows={2} />
      <SelectField field={fields.status} label={t("form.relation.firstStatus")} placeholder="" options={RELATION_STATUSES.map((v) => ({ value: v, label: t(`relation.statuses.${v}`) }))} />
      <PartialDateFields field={fields.date} legend={t("meeting.date")} withUnknown />
      <TextArea field={fields.stepNote} label={t("form.relation.stepNote")} rows={2} />
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}

export function RelationStepForm({ reply, meetings }: { reply?: FormReply; meetings: Option[] }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(RelationStepSchema, { lastResult: reply?.result });
  const signatories = fields.signatories.getFieldList();
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-3xl space-y-4">
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField field={fields.status} label={t("form.relation.status")} placeholder="" options={RELATION_STATUSES.map((v) => ({ value: v, label: t(`relation.statuses.${v}`) }))} />
      <PartialDateFields field={fields.date} legend={t("meeting.date")} withUnknown />
      <TextArea field={fields.note} label={t("form.relation.stepNote")} rows={2} />
      <SelectField field={fields.meetingId} label={t("form.initiative.atMeeting")} placeholder="—" options={meetings} />
      <fieldset className="space-y-3">
        <legend className="text-sm font-medium text-stone-700">{t("form.relation.signatories")}</legend>
        {signatories.map((signatory, index) => {
          const s = signatory.getFieldset();
          return (
            <div key={signatory.key} className="flex items-end gap-2">
              <div className="flex-1">
                <PersonPicker name={s.name} personId={s.personId} label={t("form.relation.signatory", { number: index + 1 })} />
              </div>
              <button {...form.remove.getButtonProps({ name: fields.signatories.name, index })} className="pb-2 text-sm text-red-700 underline">
                {t("form.relation.removeSignatory", { number: index + 1 })}
              </button>
            </div>
          );
        })}
        <button {...form.insert.getButtonProps({ name: fields.signatories.name })} className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100">
          {t("form.relation.addSignatory")}
        </button>
      </fieldset>
      <fieldset className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-2">
        <legend className="px-1 text-sm font-medium text-stone-700">{t("form.relation.source")}</legend>
        <TextField field={fields.sourceOutlet} label={t("source.outlet")} />
        <TextField field={fields.sourceTitle} label={t("source.title")} />
        <TextField field={fields.sourceUrl} label={t("form.meeting.sourceUrl")} type="url" className="sm:col-span-2" />
      </fieldset>
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}
