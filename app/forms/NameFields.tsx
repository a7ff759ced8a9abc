import type { FieldMetadata } from "@conform-to/react";
import { useTranslation } from "~/i18n/react";
import { TextField } from "~/forms/Controls";

type NameField = FieldMetadata<string | undefined>;

/** A record's name in Kazakh, Russian, English and its native script. */
export function NameFields({
  fields,
}: {
  fields: { nameKk: NameField; nameRu: NameField; nameEn: NameField; nameNative: NameField };
}) {
  const { t } = useTranslation();
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField field={fields.nameKk} label={t("form.names.kk")} lang="kk" />
      <TextField field={fields.nameRu} label={t("form.names.ru")} lang="ru" />
      <TextField field={fields.nameEn} label={t("form.names.en")} lang="en" />
      <TextField field={fields.nameNative} label={t("form.names.native")} />
    </div>
  );
}
