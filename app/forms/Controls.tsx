import type { ReactNode } from "react";
import { useTranslation } from "~/i18n/react";
import { monthName } from "~db/shared/calendar-words";
import { useDateWords } from "~/i18n/dates";
import type { ControlField, GroupField } from "~/forms/row-fields";
import { UNSENT } from "~/forms/unsent";

const inputClass = "field-control";

/**
 * What a control needs of its field, read once. conform's get*Props read some fifteen properties
 * of the field, and every read builds a fresh proxy and records a subscription; a refused form at
 * its list limits (a thousand fields) took a second to render back (issue 12.4). The attributes
 * are conform's but `form` (every control sits inside its form, and the attribute repeated a
 * thousand times was 5% of a refused form's page): id, name, aria-invalid and aria-describedby.
 * A control writes them out one by one: spread into a longer literal, they made each control's
 * props an object slow for the server to build and to walk (a fifth of the server's time to
 * refuse the largest form).
 */
export function readField(field: ControlField, hinted = false) {
  const { id, name, errorId, descriptionId, errors, initialValue } = field;
  const invalid = errors !== undefined;
  const describedBy = hinted ? descriptionId : undefined;
  return {
    id,
    descriptionId,
    errorId,
    errors,
    initialValue,
    /** A text control's typed value. */
    defaultValue: typeof initialValue === "string" ? initialValue : undefined,
    name,
    /** The control's aria-invalid and aria-describedby. */
    invalid: invalid || undefined,
    describedBy: invalid ? `${errorId} ${describedBy ?? ""}`.trim() : describedBy,
  };
}

export function FieldErrors({ field }: { field: Pick<ControlField, "errorId" | "errors"> }) {
  return errorList(field.errorId, field.errors);
}

export function ErrorList({ id, errors }: { id: string; errors?: string[] }) {
  return errorList(id, errors);
}

// The pieces below are plain functions, not components: a form refused at its list limits renders
// 2,500 controls, and a component each for the frame, the hint and the messages was 7,500 more
// components for the server to render (issue 12.4).

function errorList(id: string, errors?: string[]) {
  if (!errors?.length) return null;
  return (
    <ul id={id} className="mt-1 text-sm text-red-700">
      {errors.map((error) => (
        <li key={error}>{error}</li>
      ))}
    </ul>
  );
}

function hintOf(id: string, hint?: ReactNode) {
  return hint ? (
    <p id={id} className="mt-0.5 text-xs text-stone-500">
      {hint}
    </p>
  ) : null;
}

type Common = { label: ReactNode; hint?: ReactNode; className?: string };

/** A control with its label above it and its hint and messages below. */
function framed(f: ReturnType<typeof readField>, { label, hint, className }: Common, control: ReactNode) {
  return (
    <div className={className}>
      <label htmlFor={f.id} className="field-label">
        {label}
      </label>
      {control}
      {hintOf(f.descriptionId, hint)}
      {errorList(f.errorId, f.errors)}
    </div>
  );
}

export function TextField({
  field,
  label,
  hint,
  className,
  type = "text",
  ...rest
}: Common & {
  field: ControlField;
  type?: "text" | "url" | "number" | "time" | "password" | "email";
} & Omit<React.InputHTMLAttributes<HTMLInputElement>, "type" | "name" | "defaultValue" | "form">) {
  const f = readField(field, Boolean(hint));
  return framed(
    f,
    { label, hint, className },
    <input
      id={f.id}
      name={f.name}
      aria-invalid={f.invalid}
      aria-describedby={f.describedBy}
      type={type}
      defaultValue={f.defaultValue}
      {...rest}
      className={inputClass}
    />,
  );
}

export function TextArea({ field, label, hint, className, rows = 4 }: Common & { field: ControlField; rows?: number }) {
  const f = readField(field, Boolean(hint));
  return framed(
    f,
    { label, hint, className },
    <textarea
      id={f.id}
      name={f.name}
      aria-invalid={f.invalid}
      aria-describedby={f.describedBy}
      defaultValue={f.defaultValue}
      rows={rows}
      className={inputClass}
    />,
  );
}

export function SelectField({
  field,
  label,
  hint,
  className,
  options,
  placeholder,
}: Common & {
  field: ControlField;
  options: Array<{ value: string | number; label: string }>;
  placeholder?: string;
}) {
  const f = readField(field, Boolean(hint));
  return framed(
    f,
    { label, hint, className },
    <select
      id={f.id}
      name={f.name}
      aria-invalid={f.invalid}
      aria-describedby={f.describedBy}
      defaultValue={f.defaultValue}
      className={inputClass}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>,
  );
}

export function CheckboxField({ field, label, hint, className }: Common & { field: ControlField }) {
  const f = readField(field, Boolean(hint));
  return (
    <div className={className}>
      <label className="inline-flex items-center gap-2 text-sm text-stone-800">
        <input
          id={f.id}
          name={f.name}
          aria-invalid={f.invalid}
          aria-describedby={f.describedBy}
          type="checkbox"
          value="on"
          defaultChecked={f.initialValue === "on"}
          className="h-4 w-4"
        />
        {label}
      </label>
      {hintOf(f.descriptionId, hint)}
      {errorList(f.errorId, f.errors)}
    </div>
  );
}

const monthsByCalendar = new WeakMap<object, Array<{ value: number; label: string }>>();

/** The twelve months as options, made once per language (a form may have fifty due dates). */
function monthOptions(calendar: Parameters<typeof monthName>[0]) {
  let months = monthsByCalendar.get(calendar);
  if (!months) {
    months = Array.from({ length: 12 }, (_, i) => ({ value: i + 1, label: monthName(calendar, i + 1) }));
    monthsByCalendar.set(calendar, months);
  }
  return months;
}

/**
 * A partial date: fill what is known; a year alone, a month and year, or the full day. With
 * `withUnknown`, a "date unknown" box: where a date is expected, leaving it blank is a choice.
 */
export function PartialDateFields({
  field,
  legend,
  withUnknown = false,
}: {
  field: GroupField<"year" | "month" | "day" | "approximate" | "unknown">;
  legend: ReactNode;
  withUnknown?: boolean;
}) {
  const { t } = useTranslation();
  const { calendar } = useDateWords();
  const parts = field.getFieldset();
  const months = monthOptions(calendar);
  return (
    <fieldset
      aria-describedby={field.errors?.length ? field.errorId : undefined}
      className="rounded border border-stone-200 p-3"
    >
      <legend className="px-1 text-sm font-medium text-stone-700">{legend}</legend>
      <p className="mb-2 text-xs text-stone-500">{t("form.date.hint")}</p>
      <div className="flex flex-wrap items-end gap-3">
        {/* Text, not type="number": a number input silently drops the letter in "20O5". */}
        <TextField
          field={parts.day}
          label={t("form.date.day")}
          inputMode="numeric"
          autoComplete="off"
          className="w-20"
        />
        <SelectField
          field={parts.month}
          label={t("form.date.month")}
          placeholder="—"
          options={months}
          className="w-36"
        />
        <TextField
          field={parts.year}
          label={t("form.date.year")}
          inputMode="numeric"
          autoComplete="off"
          className="w-24"
        />
        <CheckboxField field={parts.approximate} label={t("form.date.approximate")} className="pb-2" />
        {withUnknown ? <CheckboxField field={parts.unknown} label={t("form.date.unknown")} className="pb-2" /> : null}
      </div>
      <FieldErrors field={field} />
    </fieldset>
  );
}

export function FormErrors({ errors, id }: { errors?: string[]; id?: string }) {
  const { t } = useTranslation();
  if (!errors?.length) return null;
  return (
    <div id={id} role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {errors.map((error) => (
        <p key={error}>{error === UNSENT ? t("errors.unsent") : error}</p>
      ))}
    </div>
  );
}

export function SubmitButton({ children, name, value }: { children: ReactNode; name?: string; value?: string }) {
  return (
    <button
      type="submit"
      name={name}
      value={value}
      className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900 focus-visible:outline-offset-2"
    >
      {children}
    </button>
  );
}
