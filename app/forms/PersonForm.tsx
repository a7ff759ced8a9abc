import { Form } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PersonSchema } from "~/forms/person";
import { DraftRestored, RecordVersion, useDraftedForm } from "~/forms/use-drafted-form";
import type { FormReply } from "~/forms/parse.server";
import { NamedRecordFormTop } from "~/forms/NamedRecordFormTop";
import { CheckboxField, FieldErrors, PartialDateFields, SubmitButton, TextField } from "~/forms/Controls";
import { OrganisationPicker } from "~/forms/OrganisationPicker";

export function PersonForm({
  reply,
  defaultValue,
  draftKey,
}: {
  reply?: FormReply;
  defaultValue?: Record<string, unknown>;
  /** Names the form and its record for its draft in the browser: "person-new", "person-12". */
  draftKey: string;
}) {
  const { t } = useTranslation();
  const { form, fields, draft, formProps, version } = useDraftedForm(PersonSchema, { draftKey, reply, defaultValue });
  const posts = fields.posts.getFieldList();
  return (
    <Form method="post" {...formProps} className="max-w-3xl space-y-4">
      <DraftRestored draft={draft} />
      <RecordVersion version={version} />
      <NamedRecordFormTop
        form={form}
        duplicates={reply?.duplicates}
        hrefFor={(id) => `/people/${id}`}
        confirmName={fields.confirmDuplicate.name}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField field={fields.nameKk} label={t("form.person.nameKk")} lang="kk" />
        <TextField field={fields.nameRu} label={t("form.person.nameRu")} lang="ru" />
        <TextField field={fields.nameEn} label={t("form.person.nameEn")} lang="en" />
        <TextField field={fields.nameNative} label={t("form.person.nameNative")} />
        <TextField field={fields.wikidataId} label={t("form.wikidataId")} hint={t("form.wikidataHint")} />
      </div>
      <CheckboxField field={fields.isPublic} label={t("form.person.isPublic")} hint={t("form.person.isPublicHint")} />
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("person.posts")}</legend>
        <FieldErrors field={fields.posts} />
        {posts.map((post, index) => {
          const p = post.getFieldset();
          return (
            <fieldset key={post.key} className="space-y-3 rounded border border-stone-200 bg-white p-3">
              <legend className="px-1 text-sm font-medium">{t("form.person.post", { number: index + 1 })}</legend>
              <OrganisationPicker
                name={p.organisationName}
                organisationId={p.organisationId}
                label={t("form.post.organisation")}
              />
              <div className="grid gap-3 sm:grid-cols-3">
                <TextField field={p.titleKk} label={t("form.post.titleKk")} lang="kk" />
                <TextField field={p.titleRu} label={t("form.post.titleRu")} lang="ru" />
                <TextField field={p.titleEn} label={t("form.post.titleEn")} lang="en" />
              </div>
              <div className="grid gap-3 md:grid-cols-2">
                <PartialDateFields field={p.start} legend={t("form.post.start")} />
                <PartialDateFields field={p.end} legend={t("form.post.end")} />
                <PartialDateFields field={p.asOf} legend={t("form.post.asOf")} />
              </div>
              <button
                {...form.remove.getButtonProps({ name: fields.posts.name, index })}
                className="text-sm text-red-700 underline"
              >
                {t("form.person.removePost", { number: index + 1 })}
              </button>
            </fieldset>
          );
        })}
        <button
          {...form.insert.getButtonProps({ name: fields.posts.name })}
          className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100"
        >
          {t("form.person.addPost")}
        </button>
      </fieldset>
      <SubmitButton>{t("form.save")}</SubmitButton>
    </Form>
  );
}
