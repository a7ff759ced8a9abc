import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { DELEGATION_DIRECTIONS } from "~db/enums";
import { DelegationSchema } from "~/forms/delegation";
import { DraftRestored, RecordVersion, useDraftedForm } from "~/forms/use-drafted-form";
import type { FormReply } from "~/forms/parse.server";
import { FormErrors, PartialDateFields, SelectField, SubmitButton, TextArea } from "~/forms/Controls";
import { RecordChoice } from "~/forms/RecordChoice";
import { PersonPicker } from "~/forms/PersonPicker";
import { PersonList } from "./PersonList";
import { UnsavedChangesGuard } from "~/forms/UnsavedChangesGuard";

type Option = { value: number | string; label: string };

export function DelegationForm({
  reply,
  defaultValue,
  draftKey,
  choices,
}: {
  reply?: FormReply;
  /** Names the form and its record for its draft in the browser: "partner-new", "partner-12". */
  draftKey: string;
  defaultValue?: Record<string, unknown>;
  /** Each null once there are too many for a select: a picker then (RecordChoice). */
  choices: { partners: Option[] | null; organisations: Option[] | null };
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(DelegationSchema, {
    draftKey,
    reply,
    defaultValue,
  });
  const leader = fields.leader.getFieldset();
  return (
    <Form method="post" {...formProps} className="max-w-3xl space-y-4">
      <DraftRestored draft={draft} />
      <RecordVersion version={version} />
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <RecordChoice
          kind="partner"
          id={fields.partnerId}
          name={fields.partnerName}
          label={t("meeting.partner")}
          placeholder=""
          choices={choices.partners}
        />
        <RecordChoice
          kind="organisation"
          id={fields.organisationId}
          name={fields.organisationName}
          label={t("form.meeting.delegationOrganisation")}
          placeholder="—"
          choices={choices.organisations}
        />
        <SelectField
          field={fields.direction}
          label={t("form.meeting.direction")}
          options={DELEGATION_DIRECTIONS.map((d) => ({ value: d, label: t(`meeting.directions.${d}`) }))}
        />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <PartialDateFields field={fields.arrival} legend={t("form.delegation.arrival")} withUnknown />
        <PartialDateFields field={fields.departure} legend={t("form.delegation.departure")} />
      </div>
      <TextArea field={fields.purpose} label={t("meeting.purpose")} rows={2} />
      <PersonPicker name={leader.name} personId={leader.personId} label={t("form.delegation.leader")} />
      <PersonList
        form={form}
        field={fields.members}
        legend={t("form.delegation.members")}
        itemLabel={(number) => t("form.delegation.member", { number })}
        removeLabel={(number) => t("form.delegation.removeMember", { number })}
        addLabel={t("form.delegation.addMember")}
      />
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}
