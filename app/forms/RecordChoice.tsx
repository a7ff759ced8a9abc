import type { ReactNode } from "react";
import type { ControlField } from "~/forms/row-fields";
import { SelectField } from "~/forms/Controls";
import { NamePicker } from "~/forms/NamePicker";
import { useTranslation } from "~/i18n/react";

type Option = { value: number | string; label: string };
type Kind = "partner" | "organisation" | "person";

const SOURCES: Record<Kind, string> = {
  partner: "/partners/search",
  organisation: "/organisations/search",
  person: "/people/search",
};

/**
 * A partner, an organisation or a person on file, for one field of a form: a select of them all
 * while they are few (`choices`), a name picker once they are many (`choices` null, see
 * app/models/record-refs.server.ts). The picker sends `<field>Name` beside `<field>Id`, and the
 * server resolves a name typed without a pick.
 */
export function RecordChoice({
  kind,
  id,
  name,
  label,
  choices,
  placeholder,
  withHome,
}: {
  kind: Kind;
  id: ControlField;
  name: ControlField;
  label: ReactNode;
  choices: Option[] | null;
  placeholder?: string;
  /** Partners: the home city is among the choices (an organisation may be ours). */
  withHome?: boolean;
}) {
  const { t } = useTranslation();
  if (choices) return <SelectField field={id} label={label} placeholder={placeholder} options={choices} />;
  return (
    <NamePicker
      name={name}
      recordId={id}
      label={label}
      source={withHome ? `${SOURCES[kind]}?home=1` : SOURCES[kind]}
      listLabel={t(
        kind === "partner"
          ? "form.meeting.partnerSuggestions"
          : kind === "organisation"
            ? "form.meeting.organisationSuggestions"
            : "form.meeting.suggestions",
      )}
      onFileLabel={t("form.meeting.onFile")}
    />
  );
}
