import type { ReactNode } from "react";

/**
 * A secret the server keeps only as a hash (a calendar feed's address, an API token), shown
 * this once in a field that selects itself for copying, with a note that it will not be shown
 * again.
 */
export function SecretShownOnce({
  id,
  label,
  value,
  note,
}: {
  id: string;
  label: ReactNode;
  value: string;
  note: ReactNode;
}) {
  return (
    <div role="status" className="mb-6 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      <input
        id={id}
        readOnly
        value={value}
        aria-describedby={`${id}-once`}
        className="mt-1 w-full rounded border border-stone-300 bg-white px-2 py-1 font-mono"
        onFocus={(event) => event.currentTarget.select()}
      />
      <p id={`${id}-once`} className="mt-1 text-stone-700">
        {note}
      </p>
    </div>
  );
}
