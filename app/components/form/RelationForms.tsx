import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { RELATION_STATUSES, RELATION_TYPES } from "../../../db/schema";
import { RelationSchema, RelationStepSchema } from "~/forms/relation";
import { useSchemaForm } from "~/forms/use-schema-form";
import type { FormReply } from "~/utils/forms.server";
import { FormErrors, PartialDateFields, SelectField, SubmitButton, TextArea } from "./Fields";
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
      <PartialDateFields field={fields.date} legend={t("meeting.date")} />
      <TextArea field={fields.stepNote} label={t("form.relation.stepNote")} rows={2} />
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}

export function RelationStepForm({ reply, meetings }: { reply?: FormReply; meetings: Option[] }) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(RelationStepSchema, { lastResult: reply?.result });
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-3xl space-y-4">
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <SelectField field={fields.status} label={t("form.relation.status")} placeholder="" options={RELATION_STATUSES.map((v) => ({ value: v, label: t(`relation.statuses.${v}`) }))} />
      <PartialDateFields field={fields.date} legend={t("meeting.date")} />
      <TextArea field={fields.note} label={t("form.relation.stepNote")} rows={2} />
      <SelectField field={fields.meetingId} label={t("form.initiative.atMeeting")} placeholder="—" options={meetings} />
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}
