import type { ControlField } from "~/forms/row-fields";
import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { NamePicker, setField, type NameSuggestion } from "~/forms/NamePicker";

/** A person on file as the picker suggests them: the detail is their current post and body. */
export type PersonSuggestion = NameSuggestion & { title: string | null };

/**
 * A name field that suggests people on file as one types, with their current post. Picking one
 * sets the hidden person id and, when the title is still empty, fills in that post. Without
 * JavaScript it is a plain text field, matched when saved.
 */
export function PersonPicker({
  name,
  personId,
  label,
  titleName,
}: {
  name: ControlField;
  personId: ControlField;
  label: ReactNode;
  /** The participant's title field, filled with the current post when still empty. */
  titleName?: string;
}) {
  const { t } = useTranslation();
  return (
    <NamePicker<PersonSuggestion>
      name={name}
      recordId={personId}
      label={label}
      source="/people/search"
      listLabel={t("form.meeting.suggestions")}
      onFileLabel={t("form.meeting.onFile")}
      onPick={(form, person) => {
        const title = titleName ? form.elements.namedItem(titleName) : null;
        if (titleName && person.title && title instanceof HTMLInputElement && !title.value)
          setField(form, titleName, person.title);
      }}
    />
  );
}
