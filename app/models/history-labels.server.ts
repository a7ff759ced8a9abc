import type { AuditedRecordType } from "~db/enums";
import { localizedName } from "~db/shared/names";
import type { DatePrecision } from "~db/enums";
import { formatPartialDate } from "~db/shared/partial-date";
import type { Language } from "~/i18n/config";
import { dateWords } from "~/i18n/dates";
import { keyFrom, type T } from "~/i18n/translate";
import { sayInstant } from "~/i18n/said-dates.server";

type Row = Record<string, unknown>;
const text = (value: unknown) => (typeof value === "string" && value ? value : null);
const short = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * What a version of a record is called in a list: its name, its title, or what it was. Said on
 * the server, so a list of changes sends each entry's words rather than its whole stored row, and
 * the page no code to put a meeting's date into words (the activity page sat at the first-load
 * limit, issue 17).
 */
export function recordLabel(type: AuditedRecordType, row: Row | null | undefined, lng: Language, t: T): string {
  if (!row) return t(`history.types.${type}`);
  switch (type) {
    case "partner":
    case "organisation":
    case "person":
      return localizedName(
        {
          nameKk: text(row.name_kk),
          nameRu: text(row.name_ru),
          nameEn: text(row.name_en),
          nameNative: text(row.name_native),
        },
        lng,
      );
    case "initiative": {
      const titles = { kk: text(row.title_kk), ru: text(row.title_ru), en: text(row.title_en) };
      return titles[lng] ?? titles.kk ?? titles.ru ?? titles.en ?? t("history.types.initiative");
    }
    case "relation":
      return t(keyFrom(`relation.types.${String(row.type)}`));
    case "document":
      return text(row.name) ?? t("history.types.document");
    case "delegation":
      return withPurpose(t(keyFrom(`meeting.directions.${String(row.direction)}`)), row);
    case "meeting": {
      const date = formatPartialDate(
        {
          value: text(row.date),
          precision: (text(row.date_precision) ?? "unknown") as DatePrecision,
          approximate: Boolean(row.date_approximate),
        },
        dateWords(lng, t),
      );
      return withPurpose(`${t("meeting.titleNoPartner")} ${date}`, row);
    }
  }
}

const withPurpose = (label: string, row: Row) => {
  const purpose = text(row.purpose);
  return purpose ? `${label} · ${short(purpose)}` : label;
};

/** A page of history entries with their labels, each entry's stored row left on the server. */
export function labelled<Entry extends { recordType: AuditedRecordType; at: string; snapshot: { row: Row } | null }>(
  entries: Entry[],
  lng: Language,
  t: T,
) {
  return entries.map(({ snapshot, ...entry }) => ({
    ...entry,
    at: sayInstant(entry.at, lng),
    label: recordLabel(entry.recordType, snapshot?.row, lng, t),
  }));
}
