import type { FieldMetadata, FormMetadata } from "@conform-to/react";
import { PersonPicker } from "./PersonPicker";

type Person = { personId?: number; name?: string };

/**
 * A list of people, each picked from those on file or typed (a new name adds a new person), with
 * a button to remove each and one to add another: a delegation's members, a step's signatories.
 */
export function PersonList<Schema extends Record<string, unknown>>({
  form,
  field,
  legend,
  hint,
  itemLabel,
  removeLabel,
  addLabel,
}: {
  form: FormMetadata<Schema, string[]>;
  field: FieldMetadata<Person[] | undefined, Schema, string[]>;
  legend: string;
  hint?: string;
  itemLabel: (number: number) => string;
  removeLabel: (number: number) => string;
  addLabel: string;
}) {
  const people = field.getFieldList();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-stone-700">{legend}</legend>
      {hint ? <p className="text-sm text-stone-600">{hint}</p> : null}
      {people.map((person, index) => {
        const p = person.getFieldset();
        return (
          <div key={person.key} className="flex items-end gap-2">
            <div className="flex-1">
              <PersonPicker name={p.name} personId={p.personId} label={itemLabel(index + 1)} />
            </div>
            <button
              {...form.remove.getButtonProps({ name: field.name, index })}
              className="pb-2 text-sm text-red-700 underline"
            >
              {removeLabel(index + 1)}
            </button>
          </div>
        );
      })}
      <button
        {...form.insert.getButtonProps({ name: field.name })}
        className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm hover:bg-stone-100"
      >
        {addLabel}
      </button>
    </fieldset>
  );
}
