/**
 * The columns of every exported list, in one place (issue 16.2): the CSV and XLSX writers read
 * them, and the import (to come) must read the same ones, so a file exported, edited and
 * imported back means what it said. A column has a stable `key` (the import's name for it,
 * whatever the header's language), a header from the translation layer, and how a row fills it.
 *
 * Cells hold what the list shows, in the reader's language, plus each record's id (which an
 * import uses to find the record again). Dates keep their typed precision: "2016", "2016-05",
 * "2016-05-12", with the translated "approx." after an approximate one, and nothing when unknown
 * (exportDate, and its inverse for the import, importDate).
 */
import type { listInitiatives } from "~/models/initiatives/read.server";
import type { listMeetings } from "~/models/meetings/read.server";
import type { listOrganisations } from "~/models/organisations.server";
import type { listPartners } from "~/models/partners/read.server";
import type { listPeople } from "~/models/people/read.server";
import type { T } from "~/i18n/translate";
import { partialDateFromParts, partialDateParts, type PartialDate } from "~db/shared/partial-date";

export type Cell = string | number | null;
export type Column<Row> = { key: string; header: (t: T) => string; cell: (row: Row, t: T) => Cell };

const pad = (n: number) => String(n).padStart(2, "0");

/** A partial date as typed: "2016", "2016-05", "2016-05-12", "2016 approx."; empty when unknown. */
export function exportDate(date: PartialDate, t: T): string | null {
  const { year, month, day } = partialDateParts(date);
  if (year == null) return null;
  const text = `${String(year).padStart(4, "0")}${month != null ? `-${pad(month)}` : ""}${day != null ? `-${pad(day)}` : ""}`;
  return date.approximate ? `${text} ${t("exports.approx")}` : text;
}

/** exportDate's inverse, for the import: null when the text is not a date it could have written. */
export function importDate(text: string | null | undefined, approxWords: string[]): PartialDate | null {
  const trimmed = (text ?? "").trim();
  if (!trimmed) return partialDateFromParts({});
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:\s+(.+))?$/.exec(trimmed);
  if (!match || (match[4] && !approxWords.includes(match[4]))) return null;
  return partialDateFromParts({
    year: Number(match[1]),
    month: match[2] ? Number(match[2]) : null,
    day: match[3] ? Number(match[3]) : null,
    approximate: Boolean(match[4]),
  });
}

const id: Column<{ id: number }> = { key: "id", header: (t) => t("exports.id"), cell: (row) => row.id };

/** A meeting's list line with what its export adds (meetingExportDetails), the country named. */
export type MeetingRow = ReturnType<typeof listMeetings>["items"][number] & {
  startTime: string | null;
  country: string | null;
  ours: string | null;
  guests: string | null;
  summary: string | null;
  topics: string[];
  initiatives: string[];
  sourceUrl: string | null;
  outlet: string | null;
};
type InitiativeRow = ReturnType<typeof listInitiatives>["items"][number];
type PartnerListItem = ReturnType<typeof listPartners>["items"][number];
type PartnerRelation = PartnerListItem["relations"][number];
/**
 * A line of the partners export and import: a partner with one step of one of its relations (the
 * partner repeated on each of its steps' lines), or the partner alone when it has no relation.
 * One sheet, so that a CSV holds it as an XLSX does.
 */
export type PartnerRow = Omit<PartnerListItem, "relations"> & {
  names: { kk: string | null; ru: string | null; en: string | null; native: string | null };
  wikidataId: string | null;
  relation: Omit<PartnerRelation, "steps"> | null;
  step: PartnerRelation["steps"][number] | null;
};
type PersonRow = ReturnType<typeof listPeople>["items"][number];
type OrganisationRow = ReturnType<typeof listOrganisations>["items"][number];
/** A line of the search page's results, whatever its kind. */
export type SearchRow = {
  kind: "partner" | "person" | "organisation" | "meeting" | "initiative" | "relation" | "delegation";
  id: number;
  name: string;
  date: PartialDate | null;
};

export const MEETING_COLUMNS: Column<MeetingRow>[] = [
  id,
  { key: "date", header: (t) => t("meeting.date"), cell: (r, t) => exportDate(r.date, t) },
  // Astana's wall clock, "15:30", as the form takes it: a round trip through a file keeps it.
  { key: "time", header: (t) => t("meeting.time"), cell: (r) => r.startTime },
  { key: "partner", header: (t) => t("meeting.partner"), cell: (r) => r.partner?.name ?? null },
  { key: "host", header: (t) => t("meeting.host"), cell: (r) => r.host },
  { key: "location", header: (t) => t("meeting.place"), cell: (r) => r.location },
  { key: "purpose", header: (t) => t("meeting.purpose"), cell: (r) => r.purpose },
  { key: "country", header: (t) => t("partner.country"), cell: (r) => r.country },
  { key: "ours", header: (t) => t("exports.ours"), cell: (r) => r.ours },
  { key: "guests", header: (t) => t("exports.guests"), cell: (r) => r.guests },
  { key: "summary", header: (t) => t("meeting.summary"), cell: (r) => r.summary },
  { key: "topics", header: (t) => t("meeting.topics"), cell: (r) => r.topics.join("; ") || null },
  { key: "initiatives", header: (t) => t("exports.initiatives"), cell: (r) => r.initiatives.join("; ") || null },
  { key: "sourceUrl", header: (t) => t("exports.sourceUrl"), cell: (r) => r.sourceUrl },
  { key: "outlet", header: (t) => t("exports.outlet"), cell: (r) => r.outlet },
];

/** What a list cell of several names or topics is split on, as the export joins them. */
export const LIST_SEPARATOR = "; ";

export const INITIATIVE_COLUMNS: Column<InitiativeRow>[] = [
  id,
  { key: "title", header: (t) => t("initiative.title"), cell: (r) => r.title },
  { key: "status", header: (t) => t("initiative.status"), cell: (r, t) => t(`initiative.statuses.${r.status}`) },
  { key: "kind", header: (t) => t("initiative.kind"), cell: (r, t) => t(`initiative.kinds.${r.kind}`) },
  { key: "due", header: (t) => t("initiative.due"), cell: (r, t) => exportDate(r.due, t) },
  { key: "partner", header: (t) => t("initiative.partner"), cell: (r) => r.partner?.name ?? null },
  { key: "owner", header: (t) => t("initiative.owner"), cell: (r) => r.owner?.name ?? null },
];

/** The partner's own columns in PARTNER_COLUMNS; the rest are a relation's and one of its steps'. */
export const PARTNER_OWN_COLUMNS = [
  "id",
  "name",
  "nameKk",
  "nameRu",
  "nameEn",
  "nameNative",
  "kind",
  "country",
  "wikidataId",
];

/**
 * The partners export, and the partners import's template: the partner (its names in each
 * script, kind, country, Wikidata id), then one step of one relation: the relation's id, kind
 * and note, the step's status, date, note, signatories ("Name; Name") and source.
 */
export const PARTNER_COLUMNS: Column<PartnerRow>[] = [
  id,
  { key: "name", header: (t) => t("partner.name"), cell: (r) => r.name },
  { key: "nameKk", header: (t) => t("form.names.kk"), cell: (r) => r.names.kk },
  { key: "nameRu", header: (t) => t("form.names.ru"), cell: (r) => r.names.ru },
  { key: "nameEn", header: (t) => t("form.names.en"), cell: (r) => r.names.en },
  { key: "nameNative", header: (t) => t("form.names.native"), cell: (r) => r.names.native },
  { key: "kind", header: (t) => t("partner.kind"), cell: (r, t) => t(`partner.kinds.${r.kind}`) },
  { key: "country", header: (t) => t("partner.country"), cell: (r) => r.country },
  { key: "wikidataId", header: (t) => t("form.wikidataId"), cell: (r) => r.wikidataId },
  { key: "relationId", header: (t) => t("exports.relationId"), cell: (r) => r.relation?.id ?? null },
  {
    key: "relation",
    header: (t) => t("form.relation.type"),
    cell: (r, t) => (r.relation ? t(`relation.types.${r.relation.type}`) : null),
  },
  { key: "relationNote", header: (t) => t("form.relation.note"), cell: (r) => r.relation?.note ?? null },
  {
    key: "status",
    header: (t) => t("form.relation.status"),
    cell: (r, t) => (r.step ? t(`relation.statuses.${r.step.status}`) : null),
  },
  { key: "date", header: (t) => t("exports.stepDate"), cell: (r, t) => (r.step ? exportDate(r.step.date, t) : null) },
  { key: "stepNote", header: (t) => t("form.relation.stepNote"), cell: (r) => r.step?.note ?? null },
  {
    key: "signatories",
    header: (t) => t("form.relation.signatories"),
    cell: (r) => r.step?.signatories.map((s) => s.name).join(LIST_SEPARATOR) || null,
  },
  { key: "sourceTitle", header: (t) => t("exports.sourceTitle"), cell: (r) => r.step?.source?.title ?? null },
  { key: "sourceUrl", header: (t) => t("exports.sourceUrl"), cell: (r) => r.step?.source?.url ?? null },
  { key: "outlet", header: (t) => t("exports.outlet"), cell: (r) => r.step?.source?.outlet ?? null },
];

/** A partner's lines in the partners export: one a step of each relation, or one for the partner alone. */
export function partnerLines(
  partner: Omit<PartnerRow, "relation" | "step"> & { relations: PartnerRelation[] },
): PartnerRow[] {
  const { relations, ...own } = partner;
  const lines = relations.flatMap(({ steps, ...relation }): PartnerRow[] =>
    steps.length ? steps.map((step) => ({ ...own, relation, step })) : [{ ...own, relation, step: null }],
  );
  return lines.length ? lines : [{ ...own, relation: null, step: null }];
}

/** A person's posts in one cell, as the meetings' participants are: "Title (Organisation); …". */
export const postsCell = (posts: Array<{ title: string; organisation: { name: string } }>) =>
  posts.map((p) => `${p.title} (${p.organisation.name})`).join(LIST_SEPARATOR) || null;

/** The people export, and the people import's template: the names in each script, and the posts. */
export const PERSON_COLUMNS: Column<PersonRow>[] = [
  id,
  { key: "name", header: (t) => t("person.name"), cell: (r) => r.name },
  { key: "nameKk", header: (t) => t("form.person.nameKk"), cell: (r) => r.names.kk },
  { key: "nameRu", header: (t) => t("form.person.nameRu"), cell: (r) => r.names.ru },
  { key: "nameEn", header: (t) => t("form.person.nameEn"), cell: (r) => r.names.en },
  { key: "nameNative", header: (t) => t("form.person.nameNative"), cell: (r) => r.names.native },
  { key: "posts", header: (t) => t("person.posts"), cell: (r) => postsCell(r.posts) },
];

export const ORGANISATION_COLUMNS: Column<OrganisationRow>[] = [
  id,
  { key: "name", header: (t) => t("organisation.name"), cell: (r) => r.name },
  {
    key: "side",
    header: (t) => t("organisation.side"),
    cell: (r, t) => t(r.ourSide ? "organisation.ourSide" : "organisation.partnerSide"),
  },
  { key: "partner", header: (t) => t("meeting.partner"), cell: (r) => r.partner.name },
];

export const SEARCH_COLUMNS: Column<SearchRow>[] = [
  { key: "kind", header: (t) => t("exports.kind"), cell: (r, t) => t(`exports.kinds.${r.kind}`) },
  id,
  { key: "name", header: (t) => t("exports.name"), cell: (r) => r.name },
  { key: "date", header: (t) => t("meeting.date"), cell: (r, t) => (r.date ? exportDate(r.date, t) : null) },
];

export { EXPORT_LIMIT, EXPORT_LISTS, type ExportList } from "./lists";
