import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { INITIATIVE_KINDS, INITIATIVE_STATUSES } from "~db/enums";
import { InitiativeSchema, InitiativeStepSchema } from "~/forms/initiative";
import { DraftRestored, RecordVersion, useDraftedForm } from "~/forms/use-drafted-form";
import type { FormReply } from "~/forms/parse.server";
import { FormErrors, PartialDateFields, SelectField, SubmitButton, TextArea, TextField } from "~/forms/Controls";
import { UnsavedChangesGuard } from "~/forms/UnsavedChangesGuard";
import { RecordChoice } from "~/forms/RecordChoice";

type Option = { value: number | string; label: string };

export function InitiativeForm({
  reply,
  defaultValue,
  draftKey,
  choices,
  isNew,
}: {
  reply?: FormReply;
  /** Names the form and its record for its draft in the browser: "partner-new", "partner-12". */
  draftKey: string;
  defaultValue?: Record<string, unknown>;
  /** Each null once there are too many for a select: a picker then (RecordChoice). */
  choices: { partners: Option[] | null; owners: Option[] | null; organisations: Option[] | null };
  isNew: boolean;
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(InitiativeSchema, {
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
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField field={fields.titleKk} label={t("form.initiative.titleKk")} lang="kk" />
        <TextField field={fields.titleRu} label={t("form.initiative.titleRu")} lang="ru" />
        <TextField field={fields.titleEn} label={t("form.initiative.titleEn")} lang="en" />
      </div>
      <TextArea field={fields.description} label={t("initiative.description")} rows={3} />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          field={fields.kind}
          label={t("initiative.kind")}
          placeholder=""
          options={INITIATIVE_KINDS.map((k) => ({ value: k, label: t(`initiative.kinds.${k}`) }))}
        />
        {isNew ? (
          <SelectField
            field={fields.status}
            label={t("initiative.status")}
            options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiative.statuses.${s}`) }))}
          />
        ) : null}
        <RecordChoice
          kind="partner"
          id={fields.partnerId}
          name={fields.partnerName}
          label={t("initiative.partner")}
          placeholder="—"
          choices={choices.partners}
        />
        <RecordChoice
          kind="person"
          id={fields.ownerPersonId}
          name={fields.ownerPersonName}
          label={t("initiative.owner")}
          placeholder="—"
          choices={choices.owners}
        />
        <RecordChoice
          kind="organisation"
          id={fields.ownerOrganisationId}
          name={fields.ownerOrganisationName}
          label={t("form.initiative.ownerOrganisation")}
          placeholder="—"
          choices={choices.organisations}
        />
      </div>
      <PartialDateFields field={fields.due} legend={t("initiative.due")} />
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}

/** A step recorded, or corrected (`defaultValue`: the step as it is, with the version of its initiative). */
export function InitiativeStepForm({
  reply,
  meetings,
  draftKey,
  defaultValue,
}: {
  reply?: FormReply;
  meetings: Option[];
  /** Names the form and its record for its draft in the browser (./use-drafted-form.tsx). */
  draftKey: string;
  defaultValue?: Record<string, unknown>;
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(InitiativeStepSchema, {
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
      <PartialDateFields field={fields.date} legend={t("meeting.date")} />
      <SelectField
        field={fields.status}
        label={t("form.initiative.newStatus")}
        placeholder={t("form.initiative.statusUnchanged")}
        options={INITIATIVE_STATUSES.map((s) => ({ value: s, label: t(`initiative.statuses.${s}`) }))}
      />
      <TextArea field={fields.note} label={t("form.initiative.note")} rows={3} />
      <SelectField field={fields.meetingId} label={t("form.initiative.atMeeting")} placeholder="—" options={meetings} />
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}
