import type { ControlField } from "~/forms/row-fields";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { NamePicker } from "~/forms/NamePicker";

/**
 * A body named by picking it from suggestions as one types (any name form, any script), or typed
 * whole and matched when saved (organisationTyped). Its name and id are the form's `<x>Name` and
 * `<x>Id` fields.
 */
export function OrganisationPicker({
  name,
  organisationId,
  label,
  description,
}: {
  name: ControlField;
  organisationId: ControlField;
  label: ReactNode;
  description?: string;
}) {
  const { t } = useTranslation();
  return (
    <NamePicker
      name={name}
      recordId={organisationId}
      label={label}
      source="/organisations/search"
      listLabel={t("form.meeting.organisationSuggestions")}
      onFileLabel={t("form.meeting.onFile")}
      description={description}
    />
  );
}
