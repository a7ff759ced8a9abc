import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { OrganisationSchema } from "~/forms/organisation";
import { useSchemaForm } from "~/forms/use-schema-form";
import type { FormReply } from "~/forms/parse.server";
import { NamedRecordFormTop } from "~/forms/NamedRecordFormTop";
import { NameFields } from "~/forms/NameFields";
import { SelectField, SubmitButton } from "~/forms/Controls";

type Option = { value: number | string; label: string };

export function OrganisationForm({
  reply,
  defaultValue,
  partners,
  organisations,
}: {
  reply?: FormReply;
  defaultValue?: Record<string, unknown>;
  partners: Option[];
  organisations: Option[];
}) {
  const { t } = useTranslation();
  const [form, fields] = useSchemaForm(OrganisationSchema, { lastResult: reply?.result, defaultValue });
  return (
    <Form method="post" {...getFormProps(form)} className="max-w-3xl space-y-4">
      <NamedRecordFormTop
        form={form}
        duplicates={reply?.duplicates}
        hrefFor={(id) => `/organisations/${id}`}
        confirmName={fields.confirmDuplicate.name}
      />
      <NameFields fields={fields} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          field={fields.partnerId}
          label={t("form.organisation.partner")}
          placeholder=""
          options={partners}
        />
        <SelectField field={fields.parentId} label={t("organisation.parent")} placeholder="—" options={organisations} />
      </div>
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}
