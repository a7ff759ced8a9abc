import { Link } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";

/**
 * Shown instead of saving when the name is already on file: open that one, or confirm. Where the
 * record is wanted for something else on the page, `choose` offers to use the one on file.
 */
export function DuplicateNotice({
  duplicates,
  hrefFor,
  confirmName,
  choose,
}: {
  duplicates: Array<{ id: number; name: string }>;
  hrefFor: (id: number) => string;
  confirmName: string;
  choose?: { label: string; onChoose: (record: { id: number; name: string }) => void };
}) {
  const { t } = useTranslation();
  if (duplicates.length === 0) return null;
  return (
    <div role="alert" className="mb-4 rounded border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">{t("form.duplicate.found")}</p>
      <ul className="mt-2 list-disc pl-5">
        {duplicates.map((d) => (
          <li key={d.id}>
            <Link to={hrefFor(d.id)} className="text-sky-800 underline">
              {d.name}
            </Link>
            {choose ? (
              <>
                {" "}
                <button
                  type="button"
                  onClick={() => choose.onChoose(d)}
                  aria-label={`${choose.label}: ${d.name}`}
                  className="ml-2 rounded border border-amber-400 bg-white px-2 py-0.5 hover:bg-amber-100"
                >
                  {choose.label}
                </button>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      <label className="mt-3 inline-flex items-center gap-2">
        <input type="checkbox" name={confirmName} value="on" className="h-4 w-4" />
        {t("form.duplicate.confirm")}
      </label>
    </div>
  );
}
