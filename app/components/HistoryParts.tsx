import { useTranslation } from "~/i18n/react";
import type { Changes, FieldValue } from "~db/shared/history-diff";
import { PartialDateText } from "./PartialDateText";
import { keyFrom } from "~/i18n/translate";

const short = (text: string, max = 80) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function ValueText({ value, names }: { value: FieldValue; names: Record<string, string> }) {
  const { t } = useTranslation();
  if (value === null) return <span className="text-stone-500 italic">{t("history.empty")}</span>;
  switch (value.kind) {
    case "date":
      return <PartialDateText date={value.date} />;
    case "reference":
      return <>{names[`${value.table}:${value.id}`] ?? t("history.gone")}</>;
    case "choice":
      return <>{t(keyFrom(value.key))}</>;
    case "flag":
      return <>{value.value ? t("history.yes") : t("history.no")}</>;
    case "text":
      return <q className="break-words">{short(value.text, 300)}</q>;
  }
}

/**
 * The differences between two versions (describeChanges, worked out by the loader), in words;
 * nothing for a version made or deleted.
 */
export function ChangeList({ changes, names }: { changes: Changes | null; names: Record<string, string> }) {
  const { t } = useTranslation();
  if (!changes) return null;
  if (changes.fields.length === 0 && changes.children.length === 0)
    return <p className="text-sm text-stone-500 italic">{t("history.noVisibleChange")}</p>;
  return (
    <ul className="mt-2 space-y-1 text-sm">
      {changes.fields.map((change) => (
        <li key={change.field}>
          <span className="font-medium">
            {t(keyFrom(`history.fields.${change.field}`), { defaultValue: change.field })}
          </span>
          : <ValueText value={change.from} names={names} /> → <ValueText value={change.to} names={names} />
        </li>
      ))}
      {changes.children.map((change) => (
        <li key={change.table}>
          <span className="font-medium">
            {t(keyFrom(`history.children.${change.table}`), { defaultValue: change.table })}
          </span>
          :{" "}
          {(["added", "removed", "changed"] as const)
            .filter((what) => change[what].length > 0)
            .map((what, i) => (
              <span key={what}>
                {i > 0 ? "; " : null}
                {t(`history.${what}`)}{" "}
                {change[what].map((row, j) => (
                  <span key={j}>
                    {j > 0 ? ", " : null}
                    <ValueText value={row.label} names={names} />
                  </span>
                ))}
              </span>
            ))}
          {change.reordered
            ? `${change.added.length + change.removed.length + change.changed.length > 0 ? "; " : ""}${t("history.reordered")}`
            : null}
        </li>
      ))}
    </ul>
  );
}
