import { Form } from "@remix-run/react";
import { useState, type FormEvent, type ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import {
  DELEGATION_DIRECTIONS,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  MEETING_SIDES,
  PARTICIPANT_ROLES,
  RECORD_LANGUAGES,
} from "~db/enums";
import { MeetingSchema } from "~/forms/meeting";
import type { FormReply } from "~/forms/parse.server";
import {
  CheckboxField,
  ErrorList,
  FieldErrors,
  FormErrors,
  PartialDateFields,
  readField,
  SelectField,
  SubmitButton,
  TextArea,
  TextField,
} from "~/forms/Controls";
import { NamePicker } from "~/forms/NamePicker";
import { OrganisationPicker } from "~/forms/OrganisationPicker";
import { PersonPicker } from "~/forms/PersonPicker";
import { RecordChoice } from "~/forms/RecordChoice";
import { UnsavedChangesGuard } from "~/forms/UnsavedChangesGuard";
import { DraftRestored, RecordVersion, useDraftedForm } from "~/forms/use-drafted-form";
import { listRows, type ControlField } from "~/forms/row-fields";

type Option = { value: number | string; label: string };

export type MeetingChoices = {
  /** Null once there are too many for a select: a picker then (RecordChoice). */
  partners: Option[] | null;
  delegations: Option[];
  topics: string[];
};

function Group({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="space-y-4 rounded border border-stone-200 bg-white p-4">
      <legend className="px-1 text-lg font-semibold">{title}</legend>
      {children}
    </fieldset>
  );
}

const rowButton = "rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100";
const removeButton = "text-sm text-red-700 underline";

export function MeetingForm({
  reply,
  defaultValue,
  choices,
  withInitiatives,
  draftKey,
  proposed = [],
  children,
}: {
  reply?: FormReply;
  defaultValue?: Record<string, unknown>;
  choices: MeetingChoices;
  withInitiatives: boolean;
  draftKey: string;
  /** Fields filled in from a report (issue 15.2), marked "proposed" until changed or confirmed. */
  proposed?: string[];
  /** More the form posts (the review's report, app/forms/pages/FromReportPage.tsx). */
  children?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const [pending, setPending] = useState(() => new Set(proposed));
  // A change to a field, or to any field of a proposed row, is the person's own answer.
  const confirmChanged = (event: FormEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name !== "string" || pending.size === 0) return;
    const done = [...pending].filter((key) => name === key || name.startsWith(`${key}.`));
    if (done.length) setPending((keys) => new Set([...keys].filter((key) => !done.includes(key))));
  };
  const mark = (key: string, label: string): ReactNode =>
    pending.has(key) ? (
      <>
        {label} <ProposedBadge />
      </>
    ) : (
      label
    );
  const { form, fields, draft, formProps, version } = useDraftedForm(MeetingSchema, {
    draftKey,
    reply,
    defaultValue: defaultValue ?? { language: i18n.language, delegationDirection: "incoming" },
  });
  const errors = form.allErrors;
  const participants = listRows(fields.participants, errors);
  const topics = listRows(fields.topics, errors);
  const sources = listRows(fields.sources, errors);
  const initiatives = listRows(fields.initiatives, errors);
  const options = <V extends string>(values: readonly V[], label: (value: V) => string) =>
    values.map((v) => ({ value: v, label: label(v) }));
  // Made once, not once a row: a refused form renders up to 200 participants and 50 initiatives.
  const sideOptions = options(MEETING_SIDES, (v) => t(`form.meeting.sides.${v}`));
  const roleOptions = options(PARTICIPANT_ROLES, (v) => t(`meeting.roles.${v}`));
  const kindOptions = options(INITIATIVE_KINDS, (v) => t(`initiative.kinds.${v}`));
  const statusOptions = options(INITIATIVE_STATUSES, (v) => t(`initiative.statuses.${v}`));

  return (
    <Form
      method="post"
      {...formProps}
      onInput={(event) => {
        confirmChanged(event);
        formProps.onInput(event);
      }}
      onChange={confirmChanged}
      className="max-w-4xl space-y-6"
    >
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <DraftRestored draft={draft} />
      <RecordVersion version={version} />
      <FormErrors errors={form.errors} id={form.errorId} />
      {pending.size > 0 ? (
        <div className="flex flex-wrap items-center gap-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p role="status">{t("intake.stillProposed", { count: pending.size })}</p>
          <button type="button" onClick={() => setPending(new Set())} className={rowButton}>
            {t("intake.confirmAll")}
          </button>
        </div>
      ) : null}

      <Group title={t("form.meeting.when")}>
        <PartialDateFields field={fields.date} legend={mark("date", t("meeting.date"))} withUnknown />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField field={fields.startTime} label={t("form.meeting.startTime")} type="time" />
          <TextField field={fields.location} label={t("meeting.place")} className="sm:col-span-2" />
        </div>
      </Group>

      <Group title={t("form.meeting.who")}>
        <div className="grid gap-4 sm:grid-cols-2">
          <OrganisationPicker
            name={fields.hostOrganisationName}
            organisationId={fields.hostOrganisationId}
            label={mark("hostOrganisationName", t("meeting.host"))}
          />
          <RecordChoice
            kind="partner"
            id={fields.partnerId}
            name={fields.partnerName}
            label={mark("partnerId", t("meeting.partner"))}
            placeholder="—"
            choices={choices.partners}
          />
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            field={fields.delegationId}
            label={t("form.meeting.existingDelegation")}
            placeholder="—"
            options={choices.delegations}
          />
          <div className="space-y-3">
            <CheckboxField
              field={fields.newDelegation}
              label={mark("newDelegation", t("form.meeting.newDelegation"))}
            />
            <OrganisationPicker
              name={fields.delegationOrganisationName}
              organisationId={fields.delegationOrganisationId}
              label={mark("delegationOrganisationName", t("form.meeting.delegationOrganisation"))}
              description={t("form.meeting.delegationOrganisationHint")}
            />
            <SelectField
              field={fields.delegationDirection}
              label={mark("delegationDirection", t("form.meeting.direction"))}
              options={options(DELEGATION_DIRECTIONS, (v) => t(`meeting.directions.${v}`))}
            />
          </div>
        </div>
      </Group>

      <Group title={t("meeting.participants")}>
        <p className="text-sm text-stone-600">{t("form.meeting.participantsHint")}</p>
        <FieldErrors field={fields.participants} />
        <ol className="space-y-3">
          {participants.map(({ key, fields: p }, index) => {
            return (
              <li key={key}>
                <fieldset className="grid gap-3 rounded border border-stone-200 p-3 md:grid-cols-2">
                  <legend className="px-1 text-sm font-medium">
                    {mark(`participants[${index}]`, t("form.meeting.participant", { number: index + 1 }))}
                  </legend>
                  <PersonPicker
                    name={p.name}
                    personId={p.personId}
                    label={t("form.meeting.personName")}
                    titleName={p.title.name}
                  />
                  <TextField field={p.title} label={t("person.titleAtMeeting")} />
                  <SelectField field={p.side} label={t("organisation.side")} options={sideOptions} />
                  <SelectField field={p.role} label={t("person.role")} options={roleOptions} />
                  {p.personId.value ? null : (
                    <>
                      <OrganisationPicker
                        name={p.organisationName}
                        organisationId={p.organisationId}
                        label={t("form.meeting.newPersonOrganisation")}
                      />
                      <CheckboxField field={p.isNew} label={t("form.meeting.isNew")} className="self-end pb-2" />
                    </>
                  )}
                  <button
                    {...form.remove.getButtonProps({ name: fields.participants.name, index })}
                    className={`${removeButton} justify-self-start`}
                  >
                    {t("form.meeting.removeParticipant", { number: index + 1 })}
                  </button>
                </fieldset>
              </li>
            );
          })}
        </ol>
        <div className="flex flex-wrap gap-2">
          <button
            {...form.insert.getButtonProps({
              name: fields.participants.name,
              defaultValue: { side: "host", role: "attended" },
            })}
            className={rowButton}
          >
            {t("form.meeting.addHost")}
          </button>
          <button
            {...form.insert.getButtonProps({
              name: fields.participants.name,
              defaultValue: { side: "guest", role: "attended" },
            })}
            className={rowButton}
          >
            {t("form.meeting.addGuest")}
          </button>
        </div>
      </Group>

      <Group title={t("form.meeting.content")}>
        <TextArea field={fields.purpose} label={mark("purpose", t("meeting.purpose"))} rows={2} />
        <TextArea field={fields.summary} label={mark("summary", t("meeting.summary"))} rows={6} />
        <SelectField
          field={fields.language}
          label={mark("language", t("meeting.recordLanguage"))}
          options={RECORD_LANGUAGES.map((l) => ({ value: l, label: t(`language.${l}`) }))}
          className="max-w-xs"
        />
        <fieldset className="space-y-2">
          <legend className="text-sm font-medium text-stone-700">{t("meeting.topics")}</legend>
          <datalist id="known-topics">
            {choices.topics.map((topic) => (
              <option key={topic} value={topic} />
            ))}
          </datalist>
          <ul className="flex flex-wrap gap-2">
            {topics.map(({ key, field: topic }, index) => (
              <li key={key} className="flex items-end gap-1">
                <TopicInput field={topic} label={t("form.meeting.topic", { number: index + 1 })} />
                {pending.has(`topics[${index}]`) ? <ProposedBadge /> : null}
                <button
                  {...form.remove.getButtonProps({ name: fields.topics.name, index })}
                  className="px-1 pb-2 text-red-700"
                  aria-label={t("form.meeting.removeTopic", { number: index + 1 })}
                >
                  ×
                </button>
              </li>
            ))}
          </ul>
          <button {...form.insert.getButtonProps({ name: fields.topics.name })} className={rowButton}>
            {t("form.meeting.addTopic")}
          </button>
        </fieldset>
      </Group>

      <Group title={t("meeting.sources")}>
        {sources.map(({ key, fields: s }, index) => {
          return (
            <fieldset key={key} className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-2">
              <legend className="px-1 text-sm font-medium">
                {mark(`sources[${index}]`, t("form.meeting.source", { number: index + 1 }))}
              </legend>
              <TextField field={s.outlet} label={t("source.outlet")} />
              <TextField field={s.title} label={t("source.title")} />
              <TextField field={s.url} label={t("form.meeting.sourceUrl")} type="url" className="sm:col-span-2" />
              <TextArea field={s.text} label={t("form.meeting.sourceText")} rows={4} className="sm:col-span-2" />
              <button
                {...form.remove.getButtonProps({ name: fields.sources.name, index })}
                className={`${removeButton} justify-self-start`}
              >
                {t("form.meeting.removeSource", { number: index + 1 })}
              </button>
            </fieldset>
          );
        })}
        <button {...form.insert.getButtonProps({ name: fields.sources.name })} className={rowButton}>
          {t("form.meeting.addSource")}
        </button>
      </Group>

      {withInitiatives ? (
        <Group title={t("meeting.initiatives")}>
          <p className="text-sm text-stone-600">{t("form.meeting.initiativesHint")}</p>
          {initiatives.map(({ key, fields: i }, index) => {
            return (
              <fieldset key={key} className="grid gap-3 rounded border border-stone-200 p-3 sm:grid-cols-2">
                <legend className="px-1 text-sm font-medium">
                  {mark(`initiatives[${index}]`, t("form.meeting.initiative", { number: index + 1 }))}
                </legend>
                <div className="sm:col-span-2">
                  <NamePicker
                    name={i.title}
                    recordId={i.initiativeId}
                    label={t("form.meeting.initiativeTitle")}
                    source="/initiatives/search"
                    listLabel={t("form.meeting.initiativeSuggestions")}
                    onFileLabel={t("form.meeting.onFile")}
                  />
                </div>
                <SelectField field={i.kind} label={t("initiative.kind")} options={kindOptions} />
                <SelectField field={i.status} label={t("initiative.status")} options={statusOptions} />
                <PersonPicker name={i.ownerName} personId={i.ownerPersonId} label={t("initiative.owner")} />
                <TextField field={i.note} label={t("form.meeting.stepNote")} />
                <div className="sm:col-span-2">
                  <PartialDateFields field={i.due} legend={t("initiative.due")} />
                </div>
                <button
                  {...form.remove.getButtonProps({ name: fields.initiatives.name, index })}
                  className={`${removeButton} justify-self-start`}
                >
                  {t("form.meeting.removeInitiative", { number: index + 1 })}
                </button>
              </fieldset>
            );
          })}
          <button
            {...form.insert.getButtonProps({
              name: fields.initiatives.name,
              defaultValue: { kind: "other", status: "proposed" },
            })}
            className={rowButton}
          >
            {t("form.meeting.addInitiative")}
          </button>
        </Group>
      ) : null}

      {children}
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}

/** Marks a field filled in from a report, not yet changed or confirmed (issue 15.2). */
function ProposedBadge() {
  const { t } = useTranslation();
  return (
    <span className="ml-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 align-middle text-xs font-medium text-amber-900">
      {t("intake.proposed")}
    </span>
  );
}

function TopicInput({ field, label }: { field: ControlField; label: string }) {
  const f = readField(field);
  return (
    <div>
      <label htmlFor={f.id} className="sr-only">
        {label}
      </label>
      <input
        id={f.id}
        name={f.name}
        aria-invalid={f.invalid}
        aria-describedby={f.describedBy}
        type="text"
        defaultValue={f.defaultValue}
        list="known-topics"
        className="w-56 rounded border border-stone-300 px-2 py-1.5"
      />
      <ErrorList id={f.errorId} errors={f.errors} />
    </div>
  );
}
