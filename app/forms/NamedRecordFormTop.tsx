import { FormErrors } from "~/forms/Controls";
import { DuplicateNotice } from "~/forms/DuplicateNotice";
import { UnsavedChangesGuard } from "~/forms/UnsavedChangesGuard";

/**
 * What the form of a named record (partner, organisation, person) opens with: the guard against
 * leaving with unsaved changes, the form's own errors, and the notice of a record already on file
 * under that name.
 */
export function NamedRecordFormTop({
  form,
  duplicates,
  hrefFor,
  confirmName,
}: {
  form: { id: string; dirty: boolean; errors?: string[]; errorId: string };
  duplicates?: Array<{ id: number; name: string }>;
  hrefFor: (id: number) => string;
  confirmName: string;
}) {
  return (
    <>
      <UnsavedChangesGuard formId={form.id} dirty={form.dirty} />
      <FormErrors errors={form.errors} id={form.errorId} />
      <DuplicateNotice duplicates={duplicates ?? []} hrefFor={hrefFor} confirmName={confirmName} />
    </>
  );
}
