import { and, asc, count, desc, eq, inArray, notInArray, sql, type SQL } from "drizzle-orm";
import { shortened } from "~/utils/shortened";
import {
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  initiativeDueBy,
  initiativeIsOpen,
  initiatives,
  initiativeSteps,
  meetings,
  organisations,
  partners,
  people,
} from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { localizedName, localizedTitle } from "~db/shared/names";
import { offsetOf, pageOf, PAGE_SIZE } from "~/utils/pagination";
import { isOverdue } from "~/utils/overdue";
import { todayInAstana } from "~/utils/today";
import { comparePartialDates, formatPartialDate, partialDateFormValue } from "~db/shared/partial-date";
import type { RecordDetail } from "~/forms/DeleteConfirmation";
import { dateWords } from "~/i18n/dates";
import type { T } from "~/i18n/translate";
import { sayDate } from "~/i18n/said-dates.server";
import { asDate, countOf, namesOf, partialDateOf, titlesOf } from "../sql.server";

export type InitiativeStatus = (typeof INITIATIVE_STATUSES)[number];
export const CLOSED_STATUSES: InitiativeStatus[] = ["done", "dropped"];

export type InitiativeFilter = {
  status?: InitiativeStatus;
  partnerId?: number;
  /** Any of these partners (idsNamed's folded match of a typed name). */
  partnerIds?: number[];
  /** Any of these owners (one chosen, or idsNamed's folded match of a typed name). */
  ownerPersonIds?: number[];
  kind?: (typeof INITIATIVE_KINDS)[number];
  openOnly?: boolean;
  /** Only those overdue on this day (YYYY-MM-DD). */
  overdueOn?: string;
};

// Spelt as the partial index spells them (db/schema.ts), qualified for queries with joins.
const isOpen = initiativeIsOpen('"initiatives".');
const dueBy = initiativeDueBy('"initiatives".');

/** Open and past the whole due period: the SQL twin of isOverdue in app/utils/overdue.ts. */
function overdueCondition(today: string) {
  return and(isOpen, sql`${dueBy} < ${today}`);
}

/**
 * `purpose` picks the form of "open" the query plan wants: counting, the statuses by name, so
 * that SQLite counts in an index; paging newest first, "not closed", so that it walks the table
 * from the newest and stops at the page's end instead of sorting every open initiative.
 */
function conditions(
  { status, partnerId, partnerIds, ownerPersonIds, kind, openOnly, overdueOn }: InitiativeFilter,
  purpose: "page" | "count",
) {
  const list: Array<SQL | undefined> = [];
  if (status) list.push(eq(initiatives.status, status));
  if (partnerId) list.push(eq(initiatives.partnerId, partnerId));
  if (partnerIds) list.push(partnerIds.length ? inArray(initiatives.partnerId, partnerIds) : sql`0`);
  if (ownerPersonIds) list.push(ownerPersonIds.length ? inArray(initiatives.ownerPersonId, ownerPersonIds) : sql`0`);
  if (kind) list.push(eq(initiatives.kind, kind));
  if (openOnly) list.push(purpose === "count" ? isOpen : notInArray(initiatives.status, CLOSED_STATUSES));
  if (overdueOn) list.push(overdueCondition(overdueOn));
  return list.length ? and(...list) : undefined;
}

/** Initiatives, newest first, with their partner and owner. */
export function listInitiatives({
  lng,
  page,
  filter = {},
  pageSize = PAGE_SIZE,
  today = todayInAstana(),
}: {
  lng: Language;
  page: number;
  filter?: InitiativeFilter;
  pageSize?: number;
  today?: string;
}) {
  const db = getDb();
  const where = conditions(filter, "page");
  const rows = db
    .select({
      id: initiatives.id,
      ...titlesOf(initiatives),
      status: initiatives.status,
      kind: initiatives.kind,
      due: partialDateOf(initiatives, "due"),
      partnerId: partners.id,
      partner: namesOf(partners),
      ownerId: people.id,
      owner: namesOf(people),
    })
    .from(initiatives)
    .leftJoin(partners, eq(partners.id, initiatives.partnerId))
    .leftJoin(people, eq(people.id, initiatives.ownerPersonId))
    .where(where)
    // Overdue: the most recently due first (those due a decade ago matter less), from the index.
    .orderBy(...(filter.overdueOn ? [desc(dueBy), desc(initiatives.id)] : [desc(initiatives.id)]))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize))
    .all();
  // SQLite's statistics can favour the status index for the overdue count, which then reads
  // the row of every open initiative; the index of the open ones by due end counts in itself.
  const countFrom = filter.overdueOn ? sql`"initiatives" indexed by "initiatives_open_due_by"` : sql`"initiatives"`;
  const total = countOf(db.select({ count: count() }).from(countFrom).where(conditions(filter, "count")).get());
  const items = rows.map((r) => ({
    id: r.id,
    title: localizedTitle(r, lng),
    status: r.status,
    kind: r.kind,
    due: r.due,
    overdue: isOverdue({ due: r.due, status: r.status }, today),
    partner: r.partnerId
      ? {
          id: r.partnerId,
          name: localizedName(r.partner, lng),
        }
      : null,
    owner: r.ownerId
      ? {
          id: r.ownerId,
          name: localizedName(r.owner, lng),
        }
      : null,
  }));
  return pageOf(items, total, page, pageSize);
}

/**
 * A page of initiatives as the lists show them (InitiativeList): each due date in the reader's
 * words, so that the lists' pages ship no code to word one (issue 17); exports read `due` itself.
 */
export function initiativeLines(list: ReturnType<typeof listInitiatives>, lng: Language) {
  return { ...list, items: list.items.map((item) => ({ ...item, due: sayDate(item.due, lng) })) };
}

export function getInitiative(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(initiatives).where(eq(initiatives.id, id)).get();
  if (!row) return null;
  const partner = row.partnerId ? db.select().from(partners).where(eq(partners.id, row.partnerId)).get() : undefined;
  const owner = row.ownerPersonId ? db.select().from(people).where(eq(people.id, row.ownerPersonId)).get() : undefined;
  const ownerOrganisation = row.ownerOrganisationId
    ? db.select().from(organisations).where(eq(organisations.id, row.ownerOrganisationId)).get()
    : undefined;
  const raisedAt = row.meetingId ? db.select().from(meetings).where(eq(meetings.id, row.meetingId)).get() : undefined;
  const steps = db
    .select()
    .from(initiativeSteps)
    .where(eq(initiativeSteps.initiativeId, id))
    .orderBy(asc(initiativeSteps.id))
    .all()
    .map((s) => ({
      id: s.id,
      date: asDate(s.date, s.datePrecision, s.dateApproximate),
      status: s.status,
      note: s.note,
      meetingId: s.meetingId,
    }))
    .sort((a, b) => comparePartialDates(a.date, b.date) || a.id - b.id);
  return {
    id: row.id,
    title: localizedTitle(row, lng),
    titles: { kk: row.titleKk, ru: row.titleRu, en: row.titleEn },
    description: row.description,
    kind: row.kind,
    status: row.status,
    due: asDate(row.due, row.duePrecision, row.dueApproximate),
    overdue: isOverdue(
      { due: asDate(row.due, row.duePrecision, row.dueApproximate), status: row.status },
      todayInAstana(),
    ),
    partner: partner ? { id: partner.id, name: localizedName(partner, lng) } : null,
    owner: owner ? { id: owner.id, name: localizedName(owner, lng) } : null,
    ownerOrganisation: ownerOrganisation
      ? { id: ownerOrganisation.id, name: localizedName(ownerOrganisation, lng) }
      : null,
    raisedAt: raisedAt
      ? { id: raisedAt.id, date: asDate(raisedAt.date, raisedAt.datePrecision, raisedAt.dateApproximate) }
      : null,
    steps,
  };
}

export function isInitiativeStatus(value: unknown): value is InitiativeStatus {
  return typeof value === "string" && (INITIATIVE_STATUSES as readonly string[]).includes(value);
}

export function isInitiativeKind(value: unknown): value is (typeof INITIATIVE_KINDS)[number] {
  return typeof value === "string" && (INITIATIVE_KINDS as readonly string[]).includes(value);
}

/** One step of an initiative as its edit form starts; none when the initiative has no such step. */
export function initiativeStepForEdit(initiativeId: number, stepId: number) {
  const step = getDb()
    .select()
    .from(initiativeSteps)
    .where(and(eq(initiativeSteps.id, stepId), eq(initiativeSteps.initiativeId, initiativeId)))
    .get();
  if (!step) return null;
  return {
    date: partialDateFormValue(step.date, step.datePrecision, step.dateApproximate),
    status: step.status ?? undefined,
    note: step.note ?? undefined,
    meetingId: step.meetingId ?? undefined,
  };
}

/**
 * What the delete page says an initiative's step is: its status or what happened, and its date,
 * with the initiative and the meeting it was at, so that two steps alike can be told apart.
 */
export function initiativeStepName(
  initiativeId: number,
  stepId: number,
  lng: Language,
  t: T,
): { name: string; details: RecordDetail[] } | null {
  const db = getDb();
  const row = db
    .select({ step: initiativeSteps, initiative: titlesOf(initiatives) })
    .from(initiativeSteps)
    .innerJoin(initiatives, eq(initiatives.id, initiativeSteps.initiativeId))
    .where(and(eq(initiativeSteps.id, stepId), eq(initiativeSteps.initiativeId, initiativeId)))
    .get();
  if (!row) return null;
  const { step } = row;
  const words = dateWords(lng, t);
  const date = formatPartialDate(asDate(step.date, step.datePrecision, step.dateApproximate), words);
  const status = step.status ? t(`initiative.statuses.${step.status}`) : null;
  const meeting = step.meetingId
    ? db
        .select({ date: partialDateOf(meetings, "date"), partner: namesOf(partners) })
        .from(meetings)
        .leftJoin(partners, eq(partners.id, meetings.partnerId))
        .where(eq(meetings.id, step.meetingId))
        .get()
    : undefined;
  return {
    name: [status ?? shortened(step.note ?? "", 60), date].filter(Boolean).join(" · "),
    details: [
      { label: t("form.initiative.initiative"), value: localizedTitle(row.initiative, lng) },
      { label: t("meeting.date"), value: date },
      { label: t("form.initiative.newStatus"), value: status ?? t("form.initiative.statusUnchanged") },
      ...(step.note ? [{ label: t("form.initiative.note"), value: step.note }] : []),
      ...(meeting
        ? [
            {
              label: t("form.initiative.atMeeting"),
              value: [formatPartialDate(meeting.date, words), localizedName(meeting.partner, lng)]
                .filter(Boolean)
                .join(" — "),
            },
          ]
        : []),
    ],
  };
}
