import type { FieldMetadata } from "@conform-to/react";

/**
 * What a control reads of its field (readField, NamePicker). conform's FieldMetadata is one, and
 * so is a list row's field made by `listRows`.
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

/** One row of a list: its key for React, the row as a field, and its fields by name. */
export type ListRow<Row> = { key: string; field: ControlField; fields: RowFields<Row> };

type ListField<Row> = FieldMetadata<Row[] | undefined, Record<string, unknown>, string[]>;

/**
 * A list's rows, each read once rather than once a field. conform builds each field's metadata
 * by parsing its path ("participants[12].organisationName") and walking the form's values and
 * errors, and a form refused at its list limits (200 participants, 50 initiatives...) has some
 * 2,500 fields: that was a fifth of the time to render it back (issue 12.4). Here every field is
 * a small object named and numbered as conform names and numbers it (`<form id>-<name>`), its
 * messages read from the form's errors, read once for all rows (a row's own `allErrors` walks
 * every error).
 *
 * On the server nothing has been typed: the rows are the list's initial value, and conform's
 * metadata is not made for them at all (about a tenth of the server's time to refuse the largest
 * form). In the browser the rows are conform's, for the keys that keep a row's state when one
 * above it is removed, and `value` (read by pickers for the record picked) is asked of conform, so
 * the form re-renders on a pick as before.
 */
export function listRows<Row>(list: ListField<Row>, errors: Record<string, string[]>): ListRow<Row>[] {
  if (onServer) {
    const initial = (list as unknown as LiveField).initialValue;
    const rows = Array.isArray(initial) ? (initial as unknown[]) : [];
    return rows.map((value, index) =>
      serverRow(`${list.id}[${index}]`, `${list.name}[${index}]`, value, errors, index),
    );
  }
  return list.getFieldList().map((row) => {
    const conform = row as unknown as LiveField;
    const field = new RowField(conform.id, conform.name, conform.initialValue, errors, () => conform);
    return { key: conform.key, field, fields: field.getFieldset() as RowFields<Row> };
  });
}

function serverRow<Row>(
  id: string,
  name: string,
  value: unknown,
  errors: Record<string, string[]>,
  index: number,
): ListRow<Row> {
  const field = new RowField(id, name, value, errors, noLiveField);
  return { key: String(index), field, fields: field.getFieldset() as RowFields<Row> };
}

const onServer = typeof document === "undefined";

type LiveField = ControlField & { key: string; getFieldset(): Record<string, LiveField> };

const noLiveField = (): LiveField => {
  throw new Error("A list row's live field is read only in the browser");
};

/** A class, not an object literal with a getter: 2,500 of them are made for a refused form. */
class RowField implements GroupField<string> {
  readonly errorId: string;
  readonly descriptionId: string;
  readonly errors: string[] | undefined;

  constructor(
    readonly id: string,
    readonly name: string,
    readonly initialValue: unknown,
    private readonly formErrors: Record<string, string[]>,
    private readonly live: () => LiveField,
  ) {
    this.errorId = `${id}-error`;
    this.descriptionId = `${id}-description`;
    this.errors = formErrors[name];
  }

  get value() {
    // On the server a field's value is the value it was given: nothing has been typed yet.
    return onServer ? this.initialValue : this.live().value;
  }

  getFieldset(): Record<string, GroupField<string>> {
    const values =
      this.initialValue && typeof this.initialValue === "object"
        ? (this.initialValue as Record<string, unknown>)
        : undefined;
    const made = new Map<string, RowField>();
    const { id, name, formErrors, live } = this;
    return new Proxy({} as Record<string, GroupField<string>>, {
      get(_, key) {
        if (typeof key !== "string") return undefined;
        let field = made.get(key);
        if (!field) {
          field = new RowField(
            `${id}.${key}`,
            `${name}.${key}`,
            values?.[key],
            formErrors,
            () => live().getFieldset()[key],
          );
          made.set(key, field);
        }
        return field;
      },
    });
  }
}
