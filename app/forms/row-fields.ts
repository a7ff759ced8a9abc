import type { FieldMetadata } from "@conform-to/react";

/**
 * What a control reads of its field (readField, NamePicker). conform's FieldMetadata is one, and
 * so is a list row's field made by `rowFields`.
 */
export type ControlField = {
  id: string;
  name: string;
  errorId: string;
  descriptionId: string;
  errors?: string[];
  initialValue?: unknown;
  value?: unknown;
};

/** A field with parts (a date's day, month and year). */
export type GroupField<Key extends string> = ControlField & { getFieldset(): Record<Key, ControlField> };

type RowFields<Row> = { [Key in keyof Row & string]-?: GroupField<string> };

/**
 * A list row's fields, read once for the row rather than once a field. conform builds each
 * field's metadata by parsing its path ("participants[12].organisationName") and walking the
 * form's values and errors, and a form refused at its list limits (200 participants, 50
 * initiatives...) has some 2,500 fields: that was a fifth of the time to render it back (issue
 * 12.4). Here the row's values are read through conform once, and the form's errors once for every
 * row (both keep the form subscribed to them, as reading each field did), and each field is a plain object named and numbered as conform names and
 * numbers it (`<form id>-<name>`). `value`, read only by pickers for the record picked, is asked
 * of conform itself in the browser, so the form re-renders on a pick as before.
 */
export function rowFields<Row>(
  row: FieldMetadata<Row, Record<string, unknown>, string[]>,
  /** The form's `allErrors`, read once for all rows: a row's own `allErrors` walks every error. */
  errors: Record<string, string[]>,
): RowFields<Row> {
  // Read as conform made it: a list row's metadata has the fieldset.
  const conform = row as unknown as LiveField;
  return fieldsOf(conform.id, conform.name, conform.initialValue, errors, () =>
    conform.getFieldset(),
  ) as RowFields<Row>;
}

const onServer = typeof document === "undefined";

type LiveField = ControlField & { getFieldset(): Record<string, LiveField> };

function fieldsOf(
  id: string,
  name: string,
  initial: unknown,
  errors: Record<string, string[]>,
  live: () => Record<string, LiveField>,
): Record<string, GroupField<string>> {
  const values = initial && typeof initial === "object" ? (initial as Record<string, unknown>) : undefined;
  const made = new Map<string, GroupField<string>>();
  const field = (key: string): GroupField<string> => {
    const fieldId = `${id}.${key}`;
    const fieldName = `${name}.${key}`;
    const initialValue = values?.[key];
    return {
      id: fieldId,
      name: fieldName,
      errorId: `${fieldId}-error`,
      descriptionId: `${fieldId}-description`,
      errors: errors[fieldName],
      initialValue,
      get value() {
        // On the server a field's value is the value it was given: nothing has been typed yet.
        return onServer ? initialValue : live()[key].value;
      },
      getFieldset: () => fieldsOf(fieldId, fieldName, initialValue, errors, () => live()[key].getFieldset()),
    };
  };
  return new Proxy({} as Record<string, GroupField<string>>, {
    get(_, key) {
      if (typeof key !== "string") return undefined;
      let made1 = made.get(key);
      if (!made1) made.set(key, (made1 = field(key)));
      return made1;
    },
  });
}
