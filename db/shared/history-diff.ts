/**
 * What changed between two versions of a record, as the History view says it in words: the
 * fields whose values differ, and the children (participants, steps, posts…) added, removed or
 * changed. Pure, so the same function serves the page and the tests.
 */
import type { DatePrecision } from "../enums";
import type { PartialDate } from "./partial-date";

type Row = Record<string, unknown>;
export type Snapshot = { row: Row; children: Record<string, Row[]>; support?: Record<string, Row[]> };

export type FieldValue =
  | { kind: "date"; date: PartialDate }
  | { kind: "reference"; table: "partners" | "organisations" | "people"; id: number }
  | { kind: "choice"; key: string }
  | { kind: "flag"; value: boolean }
  | { kind: "text"; text: string }
  | null;

export type FieldChange = { field: string; from: FieldValue; to: FieldValue };
export type ChildRow = { label: FieldValue };
export type ChildChange = {
  table: string;
  added: ChildRow[];
  removed: ChildRow[];
  changed: ChildRow[];
  reordered: boolean;
};
export type Changes = { fields: FieldChange[]; children: ChildChange[] };

const HIDDEN = new Set(["id", "created_at", "updated_at", "sort_kk", "sort_ru", "sort_en", "is_home", "position"]);
const DATES = new Set(["date", "start", "end", "arrival", "departure", "due", "published", "as_of"]);
export const REFERENCES: Record<string, "partners" | "organisations" | "people"> = {
  partner_id: "partners",
  organisation_id: "organisations",
  host_organisation_id: "organisations",
  owner_organisation_id: "organisations",
  parent_id: "organisations",
  person_id: "people",
  leader_id: "people",
  owner_person_id: "people",
};
// Translation key prefixes of stored choices, by table and column.
const CHOICES: Record<string, string> = {
  "partners.kind": "partner.kinds",
  "relations.type": "relation.types",
  "relation_steps.status": "relation.statuses",
  "delegations.direction": "meeting.directions",
  "meetings.language": "language",
  "initiatives.kind": "initiative.kinds",
  "initiatives.status": "initiative.statuses",
  "initiative_steps.status": "initiative.statuses",
  "meeting_participants.side": "form.meeting.sides",
  "meeting_participants.role": "meeting.roles",
};

export function fieldValue(table: string, column: string, row: Row): FieldValue {
  const value = row[column];
  if (DATES.has(column)) {
    const precision = (row[`${column}_precision`] ?? "unknown") as DatePrecision;
    return {
      kind: "date",
      date: { value: (value as string | null) ?? null, precision, approximate: Boolean(row[`${column}_approximate`]) },
    };
  }
  if (value === null || value === undefined || value === "") return null;
  if (REFERENCES[column] && typeof value === "number")
    return { kind: "reference", table: REFERENCES[column], id: value };
  const choice = CHOICES[`${table}.${column}`];
  if (choice) return { kind: "choice", key: `${choice}.${String(value)}` };
  if (column.endsWith("_approximate")) return { kind: "flag", value: Boolean(value) };
  return { kind: "text", text: String(value) };
}

const shown = (column: string) =>
  !HIDDEN.has(column) && !column.endsWith("_precision") && !column.endsWith("_approximate");
const same = (a: FieldValue, b: FieldValue) => JSON.stringify(a) === JSON.stringify(b);

function rowChanges(table: string, before: Row | null, after: Row | null, child = false): FieldChange[] {
  const columns = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter(
    (column) => shown(column) && !(child && CHILD_BOOKKEEPING.has(column)),
  );
  const changes: FieldChange[] = [];
  for (const column of columns) {
    const from = before ? fieldValue(table, column, before) : null;
    const to = after ? fieldValue(table, column, after) : null;
    if (!same(from, to)) changes.push({ field: column, from, to });
  }
  return changes;
}

/** How a child row is named in a sentence: the person, the topic, the source, the status. */
function childLabel(table: string, row: Row, support: Record<string, Row[]>): FieldValue {
  if (typeof row.person_id === "number") return { kind: "reference", table: "people", id: row.person_id };
  if (typeof row.topic_id === "number") {
    const topic = support.topics?.find((t) => t.id === row.topic_id);
    const name = topic && (topic.name_en ?? topic.name_ru ?? topic.name_kk);
    return { kind: "text", text: String(name ?? `#${row.topic_id}`) };
  }
  if (typeof row.source_id === "number") {
    const source = support.sources?.find((s) => s.id === row.source_id);
    return { kind: "text", text: String(source?.title ?? source?.outlet ?? source?.url ?? `#${row.source_id}`) };
  }
  for (const column of ["title_en", "title_ru", "title_kk"])
    if (row[column]) return { kind: "text", text: String(row[column]) };
  if (row.status) return fieldValue(table, "status", row);
  return { kind: "text", text: `#${String(row.id ?? "")}` };
}

/**
 * What makes a child the same child across versions. Editing a meeting writes its participants
 * and sources anew (new ids, same people and texts): they are matched by what they are.
 */
function childKey(table: string, row: Row, support: Record<string, Row[]>) {
  switch (table) {
    case "meeting_participants":
      return `${String(row.person_id)}:${String(row.side)}`;
    case "meeting_topics":
      return String(row.topic_id);
    case "meeting_sources": {
      const source = support.sources?.find((s) => s.id === row.source_id);
      return JSON.stringify(
        source ? [source.url, source.outlet, source.title, source.published, source.text] : row.source_id,
      );
    }
    case "delegation_members":
      return String(row.person_id);
    case "relation_step_signatories":
      return `${String(row.step_id)}:${String(row.person_id)}`;
    default:
      return String(row.id);
  }
}

/**
 * What a child's source says (a relation step's document), when the versions keep their sources:
 * a corrected source is a new row, so its id alone would hide the correction or invent one.
 */
function sourceOf(row: Row, support: Record<string, Row[]>) {
  if (typeof row.source_id !== "number" || !support.sources) return JSON.stringify(row.source_id ?? null);
  const source = support.sources.find((s) => s.id === row.source_id);
  return JSON.stringify(
    source ? [source.url, source.outlet, source.title, source.published, source.text] : row.source_id,
  );
}

// A child's own id and its parent's are bookkeeping, not content.
const CHILD_BOOKKEEPING = new Set([
  "meeting_id",
  "delegation_id",
  "relation_id",
  "initiative_id",
  "source_id",
  "step_id",
]);

export function describeChanges(table: string, before: Snapshot | null, after: Snapshot | null): Changes {
  const fields = rowChanges(table, before?.row ?? null, after?.row ?? null);
  const children: ChildChange[] = [];
  const tables = [...new Set([...Object.keys(before?.children ?? {}), ...Object.keys(after?.children ?? {})])];
  for (const child of tables) {
    const oldSupport = before?.support ?? {};
    const newSupport = after?.support ?? {};
    const old = new Map((before?.children[child] ?? []).map((row) => [childKey(child, row, oldSupport), row]));
    const now = new Map((after?.children[child] ?? []).map((row) => [childKey(child, row, newSupport), row]));
    const change: ChildChange = { table: child, added: [], removed: [], changed: [], reordered: false };
    for (const [key, row] of now) {
      const previous = old.get(key);
      if (!previous) change.added.push({ label: childLabel(child, row, newSupport) });
      else if (
        rowChanges(child, previous, row, true).length ||
        sourceOf(previous, oldSupport) !== sourceOf(row, newSupport)
      ) {
        change.changed.push({ label: childLabel(child, row, newSupport) });
      }
    }
    for (const [key, row] of old) if (!now.has(key)) change.removed.push({ label: childLabel(child, row, oldSupport) });
    const kept = (keys: string[], other: Map<string, Row>) => keys.filter((key) => other.has(key));
    change.reordered = JSON.stringify(kept([...old.keys()], now)) !== JSON.stringify(kept([...now.keys()], old));
    if (change.added.length || change.removed.length || change.changed.length || change.reordered)
      children.push(change);
  }
  return { fields, children };
}

/** Whether two versions differ in anything the History view would show. */
export function differs(table: string, before: Snapshot | null, after: Snapshot | null) {
  if ((before === null) !== (after === null)) return true;
  const changes = describeChanges(table, before, after);
  return changes.fields.length > 0 || changes.children.length > 0;
}

/** The table a record type's row lives in, for describeChanges. */
export const TABLE_OF = {
  partner: "partners",
  relation: "relations",
  organisation: "organisations",
  person: "people",
  delegation: "delegations",
  meeting: "meetings",
  initiative: "initiatives",
  document: "documents",
} as const;
