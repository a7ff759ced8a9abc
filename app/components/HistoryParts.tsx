import { useLanguage, useTranslation } from "~/i18n/react";
import type { AuditedRecordType } from "~db/enums";
import type { Changes, FieldValue } from "~db/shared/history-diff";
import { localizedName } from "~db/shared/names";
import { AstanaTime } from "./AstanaTime";
import { PartialDateText } from "./PartialDateText";
import { keyFrom } from "~/i18n/translate";

type Row = Record<string, unknown>;
const str = (value: unknown) => (typeof value === "string" && value ? value : null);

/** What a version of a record is called in a list: its name, its title, or what it was. */
export function RecordLabel({ type, row }: { type: AuditedRecordType; row: Row | null | undefined }) {
  const { t } = useTranslation();
  const lng = useLanguage();
  if (!row) return <>{t(`history.types.${type}`)}</>;
  switch (type) {
    case "partner":
    case "organisation":
    case "person":
      return (
        <>
          {localizedName(
            {
              nameKk: str(row.name_kk),
              nameRu: str(row.name_ru),
              nameEn: str(row.name_en),
              nameNative: str(row.name_native),
            },
            lng,
          )}
        </>
      );
    case "initiative": {
      const titles = { kk: str(row.title_kk), ru: str(row.title_ru), en: str(row.title_en) };
      return <>{titles[lng] ?? titles.kk ?? titles.ru ?? titles.en ?? t("history.types.initiative")}</>;
    }
    case "relation":
      return <>{t(keyFrom(`relation.types.${String(row.type)}`))}</>;
    case "document":
      return <>{str(row.name) ?? t("history.types.document")}</>;
    case "delegation":
      return (
        <>
          {t(keyFrom(`meeting.directions.${String(row.direction)}`))}
          {str(row.purpose) ? ` · ${short(str(row.purpose)!)}` : ""}
        </>
      );
    case "meeting":
      return (
        <>
          {t("meeting.titleNoPartner")}{" "}
          <PartialDateText
            date={{
              value: str(row.date),
              precision: (str(row.date_precision) ?? "unknown") as "unknown",
              approximate: Boolean(row.date_approximate),
            }}
          />
          {str(row.purpose) ? ` · ${short(str(row.purpose)!)}` : ""}
        </>
      );
  }
}

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

/**
 * When and by whom, in the reader's language; UTC is stored, the reader sees Astana time. A
 * change written by another program to the file has no author: it says so.
 */
export function EntryMeta({
  at,
  userName,
  outside,
  action,
}: {
  at: string;
  userName: string | null;
  outside: boolean;
  action: string;
}) {
  const { t } = useTranslation();
  return (
    <p className="text-sm text-stone-600">
      <span className="font-medium text-stone-900">{t(keyFrom(`history.actions.${action}`))}</span> ·{" "}
      <AstanaTime iso={at} /> · {userName ?? (outside ? t("history.outside") : t("history.system"))}
    </p>
  );
}
