import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PARTNER_KINDS } from "~db/enums";
import { PartnerSchema } from "~/forms/partner";
import { DraftRestored, RecordVersion, useDraftedForm } from "~/forms/use-drafted-form";
import type { FormReply } from "~/forms/parse.server";
import { NamedRecordFormTop } from "~/forms/NamedRecordFormTop";
import { NameFields } from "~/forms/NameFields";
import { SelectField, SubmitButton, TextField } from "~/forms/Controls";

export function PartnerForm({
  reply,
  defaultValue,
  draftKey,
  countries,
  submitLabel,
}: {
  reply?: FormReply;
  /** Names the form and its record for its draft in the browser: "partner-new", "partner-12". */
  draftKey: string;
  defaultValue?: Record<string, unknown>;
  countries: Array<{ value: string; label: string }>;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(PartnerSchema, { draftKey, reply, defaultValue });
  return (
    <Form method="post" {...formProps} className="max-w-3xl space-y-4">
      <DraftRestored draft={draft} />
      <RecordVersion version={version} />
      <NamedRecordFormTop
        form={form}
        duplicates={reply?.duplicates}
        hrefFor={(id) => `/partners/${id}`}
        confirmName={fields.confirmDuplicate.name}
      />
      <NameFields fields={fields} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          field={fields.kind}
          label={t("partner.kind")}
          placeholder=""
          options={PARTNER_KINDS.map((kind) => ({ value: kind, label: t(`partner.kinds.${kind}`) }))}
        />
        <SelectField field={fields.countryCode} label={t("partner.country")} placeholder="" options={countries} />
      </div>
      <TextField
        field={fields.wikidataId}
        label={t("form.wikidataId")}
        hint={t("form.wikidataHint")}
        className="max-w-xs"
      />
      <SubmitButton>{submitLabel}</SubmitButton>
    </Form>
  );
}
