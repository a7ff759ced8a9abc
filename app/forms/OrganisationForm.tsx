import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { OrganisationSchema } from "~/forms/organisation";
import { DraftRestored, RecordVersion, useDraftedForm } from "~/forms/use-drafted-form";
import type { FormReply } from "~/forms/parse.server";
import { NamedRecordFormTop } from "~/forms/NamedRecordFormTop";
import { NameFields } from "~/forms/NameFields";
import { SubmitButton } from "~/forms/Controls";
import { RecordChoice } from "~/forms/RecordChoice";

type Option = { value: number | string; label: string };

export function OrganisationForm({
  reply,
  defaultValue,
  draftKey,
  partners,
  organisations,
}: {
  reply?: FormReply;
  /** Names the form and its record for its draft in the browser: "partner-new", "partner-12". */
  draftKey: string;
  defaultValue?: Record<string, unknown>;
  /** Null once there are too many for a select: a picker then (RecordChoice). */
  partners: Option[] | null;
  organisations: Option[] | null;
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(OrganisationSchema, {
    draftKey,
    reply,
    defaultValue,
  });
  return (
    <Form method="post" {...formProps} className="max-w-3xl space-y-4">
      <DraftRestored draft={draft} />
      <RecordVersion version={version} />
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
