import { getFormProps } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { OrganisationSchema } from "~/forms/organisation";
import { useSchemaForm } from "~/forms/use-schema-form";
import type { FormReply } from "~/forms/parse.server";
import { NamedRecordFormTop } from "~/forms/NamedRecordFormTop";
import { NameFields } from "~/forms/NameFields";
import { SubmitButton } from "~/forms/Controls";
import { RecordChoice } from "~/forms/RecordChoice";

type Option = { value: number | string; label: string };

export function OrganisationForm({
  reply,
  defaultValue,
  partners,
  organisations,
}: {
  reply?: FormReply;
  defaultValue?: Record<string, unknown>;
  /** Null once there are too many for a select: a picker then (RecordChoice). */
  partners: Option[] | null;
  organisations: Option[] | null;
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
        <RecordChoice
          kind="partner"
          withHome
          id={fields.partnerId}
          name={fields.partnerName}
          label={t("form.organisation.partner")}
          placeholder=""
          choices={partners}
        />
        <RecordChoice
          kind="organisation"
          id={fields.parentId}
          name={fields.parentName}
          label={t("organisation.parent")}
          placeholder="—"
          choices={organisations}
        />
      </div>
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}
