import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { writeTransaction } from "./writes.server";
import type { Actor } from "~db/history";
import { writeNameKeys } from "~db/name-keys";
import {
  delegations,
  initiatives,
  meetingParticipants,
  meetings,
  organisations,
  partners,
  people,
  relations,
  relationStepSignatories,
  relationSteps,
  sources,
} from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { countryName } from "~/utils/countries";
import type { PartnerInput } from "~/forms/partner";
import { localizedName, sortKeys } from "~db/shared/names";
import { idFromSearch, offsetOf, pageOf, PAGE_SIZE } from "~/utils/pagination";
import type { PartialDate } from "~db/shared/partial-date";
import { currentRelationStatus, orderSteps, type RelationStatus } from "~/utils/relation-status";
import { idsNamed } from "./search.server";
import { asDate, byName, countOf } from "./shared.server";

export type PartnerSort = "name" | "country";
type RelationType = (typeof relations.$inferSelect)["type"];

const partnerFields = {
  id: partners.id,
  kind: partners.kind,
  countryCode: partners.countryCode,
  isHome: partners.isHome,
  nameKk: partners.nameKk,
  nameRu: partners.nameRu,
  nameEn: partners.nameEn,
  nameNative: partners.nameNative,
};

/** Foreign partners, a page at a time, each with its relations' current status. */
export function listPartners({
  lng,
  page,
  sort = "name",
  pageSize = PAGE_SIZE,
}: {
  lng: Language;
  page: number;
  sort?: PartnerSort;
  pageSize?: number;
}) {
  const db = getDb();
  const order = sort === "country" ? [asc(partners.countryCode), ...byName(partners, lng)] : byName(partners, lng);
  const rows = db
    .select(partnerFields)
    .from(partners)
    .where(eq(partners.isHome, false))
    .orderBy(...order)
    .limit(pageSize)
    .offset(offsetOf(page, pageSize))
    .all();
  const total = countOf(db.select({ count: count() }).from(partners).where(eq(partners.isHome, false)).get());
  const relationsByPartner = relationsOf(
    rows.map((r) => r.id),
    lng,
  );
  const items = rows.map((row) => ({
    id: row.id,
    name: localizedName(row, lng),
    kind: row.kind,
    country: countryName(row.countryCode, lng),
    relations: relationsByPartner.get(row.id) ?? [],
  }));
  return pageOf(items, total, page, pageSize);
}

export type RelationStep = {
  id: number;
  status: (typeof relationSteps.$inferSelect)["status"];
  date: PartialDate;
  note: string | null;
  meetingId: number | null;
  sourceId: number | null;
  source: { id: number; outlet: string | null; title: string | null; url: string | null } | null;
  signatories: Array<{ id: number; name: string }>;
};

/** Each partner's relations with their steps in order and the status they lead to. */
function relationsOf(partnerIds: number[], lng: Language) {
  const byPartner = new Map<
    number,
    Array<{ id: number; type: RelationType; note: string | null; steps: RelationStep[]; status: RelationStatus | null }>
  >();
  if (partnerIds.length === 0) return byPartner;
  const db = getDb();
  const relationRows = db
    .select({ id: relations.id, partnerId: relations.partnerId, type: relations.type, note: relations.note })
    .from(relations)
    .where(inArray(relations.partnerId, partnerIds))
    .orderBy(asc(relations.id))
    .all();
  const stepRows = relationRows.length
    ? db
        .select({
          id: relationSteps.id,
          relationId: relationSteps.relationId,
          status: relationSteps.status,
          date: relationSteps.date,
          datePrecision: relationSteps.datePrecision,
          dateApproximate: relationSteps.dateApproximate,
          note: relationSteps.note,
          meetingId: relationSteps.meetingId,
          sourceId: relationSteps.sourceId,
        })
        .from(relationSteps)
        .where(
          inArray(
            relationSteps.relationId,
            relationRows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  const stepIds = stepRows.map((s) => s.id);
  const signatories = stepIds.length
    ? db
        .select({ stepId: relationStepSignatories.stepId, person: people })
        .from(relationStepSignatories)
        .innerJoin(people, eq(people.id, relationStepSignatories.personId))
        .where(inArray(relationStepSignatories.stepId, stepIds))
        .orderBy(asc(relationStepSignatories.position))
        .all()
    : [];
  const sourceIds = stepRows.flatMap((s) => (s.sourceId ? [s.sourceId] : []));
  const stepSources = new Map(
    sourceIds.length
      ? db
          .select({ id: sources.id, outlet: sources.outlet, title: sources.title, url: sources.url })
          .from(sources)
          .where(inArray(sources.id, sourceIds))
          .all()
          .map((src) => [src.id, src])
      : [],
  );
  for (const relation of relationRows) {
    const steps = orderSteps(
      stepRows
        .filter((s) => s.relationId === relation.id)
        .map((s) => ({
          id: s.id,
          status: s.status,
          date: asDate(s.date, s.datePrecision, s.dateApproximate),
          note: s.note,
          meetingId: s.meetingId,
          sourceId: s.sourceId,
          source: s.sourceId ? (stepSources.get(s.sourceId) ?? null) : null,
          signatories: signatories
            .filter((x) => x.stepId === s.id)
            .map((x) => ({ id: x.person.id, name: localizedName(x.person, lng) })),
        })),
    );
    const list = byPartner.get(relation.partnerId) ?? [];
    list.push({
      id: relation.id,
      type: relation.type,
      note: relation.note,
      steps,
      status: currentRelationStatus(steps),
    });
    byPartner.set(relation.partnerId, list);
  }
  return byPartner;
}

export function getPartner(id: number, lng: Language) {
  const db = getDb();
  const row = db.select(partnerFields).from(partners).where(eq(partners.id, id)).get();
  if (!row) return null;
  const orgs = db
    .select({
      id: organisations.id,
      nameKk: organisations.nameKk,
      nameRu: organisations.nameRu,
      nameEn: organisations.nameEn,
      nameNative: organisations.nameNative,
    })
    .from(organisations)
    .where(eq(organisations.partnerId, id))
    .orderBy(...byName(organisations, lng))
    .limit(100)
    .all();
  return {
    id: row.id,
    name: localizedName(row, lng),
    names: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn, native: row.nameNative },
    kind: row.kind,
    isHome: row.isHome,
    country: countryName(row.countryCode, lng),
    relations: relationsOf([row.id], lng).get(row.id) ?? [],
    organisations: orgs.map((o) => ({ id: o.id, name: localizedName(o, lng) })),
  };
}

/** The people met from this partner: guests at its meetings and those with posts in its bodies. */
export function peopleMetFrom(partnerId: number, lng: Language, limit = 50) {
  const db = getDb();
  const rows = db
    .select({
      id: people.id,
      nameKk: people.nameKk,
      nameRu: people.nameRu,
      nameEn: people.nameEn,
      nameNative: people.nameNative,
      sortKk: people.sortKk,
      sortRu: people.sortRu,
      sortEn: people.sortEn,
    })
    .from(people)
    .where(
      inArray(
        people.id,
        db
          .select({ id: meetingParticipants.personId })
          .from(meetings)
          .innerJoin(meetingParticipants, eq(meetingParticipants.meetingId, meetings.id))
          .where(and(eq(meetings.partnerId, partnerId), eq(meetingParticipants.side, "guest"))),
      ),
    )
    .orderBy(...byName(people, lng))
    .limit(limit)
    .all();
  return rows.map((p) => ({ id: p.id, name: localizedName(p, lng) }));
}

/**
 * A list's partner filter: `partner`, an id (the links from a partner's page and the chart), or
 * `partnerName`, typed in the filter in any spelling or script. A list of a thousand partners
 * is no drop-down; the typed name matches as the search does (idsNamed).
 */
export function partnerFilterFrom(
  search: URLSearchParams,
  lng: Language,
): { partnerIds?: number[]; partnerName: string } {
  const typed = (search.get("partnerName") ?? "").trim().slice(0, 200);
  if (typed) return { partnerIds: idsNamed("partner", typed), partnerName: typed };
  const id = idFromSearch(search, "partner");
  if (!id) return { partnerName: "" };
  const partner = getDb().select(partnerFields).from(partners).where(eq(partners.id, id)).get();
  return { partnerIds: [id], partnerName: partner ? localizedName(partner, lng) : "" };
}

/** Partners for a drop-down, alphabetical: the foreign ones, and the home city if asked. */
export function partnerChoices(lng: Language, { includeHome = false } = {}) {
  const rows = getDb()
    .select(partnerFields)
    .from(partners)
    .where(includeHome ? undefined : eq(partners.isHome, false))
    .orderBy(...byName(partners, lng))
    .limit(2000)
    .all();
  return rows.map((r) => ({ id: r.id, name: localizedName(r, lng) }));
}

/** What still refers to a partner: a partner with any of these is not deleted. */
export function partnerReferences(id: number) {
  const db = getDb();
  const n = (
    table: typeof relations | typeof organisations | typeof meetings | typeof delegations | typeof initiatives,
  ) => countOf(db.select({ count: count() }).from(table).where(eq(table.partnerId, id)).get());
  return {
    relations: n(relations),
    organisations: n(organisations),
    meetings: n(meetings),
    delegations: n(delegations),
    initiatives: n(initiatives),
  };
}

function partnerValues(input: PartnerInput) {
  const names = {
    nameKk: input.nameKk ?? null,
    nameRu: input.nameRu ?? null,
    nameEn: input.nameEn ?? null,
    nameNative: input.nameNative ?? null,
  };
  return {
    names,
    values: {
      kind: input.kind,
      countryCode: input.countryCode,
      wikidataId: input.wikidataId ?? null,
      ...names,
      ...sortKeys(names),
    },
  };
}

export function createPartner(input: PartnerInput, actor: Actor): number {
  return writeTransaction(getDb(), actor, (tx) => {
    const { names, values } = partnerValues(input);
    const id = tx.insert(partners).values(values).returning({ id: partners.id }).get().id;
    writeNameKeys(tx, "partner", id, names);
    return id;
  });
}

export function updatePartner(id: number, input: PartnerInput, actor: Actor) {
  writeTransaction(getDb(), actor, (tx) => {
    const { names, values } = partnerValues(input);
    tx.update(partners)
      .set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(eq(partners.id, id))
      .run();
    writeNameKeys(tx, "partner", id, names);
  });
}

/** Deletes a partner nothing refers to; otherwise deletes nothing and says what refers to it. */
export function deletePartner(id: number, actor: Actor) {
  return writeTransaction(getDb(), actor, (tx) => {
    const references = partnerReferences(id);
    if (Object.values(references).some((n) => n > 0)) return { deleted: false as const, references };
    tx.delete(partners)
      .where(and(eq(partners.id, id), eq(partners.isHome, false)))
      .run();
    return { deleted: true as const, references };
  });
}

/** The form's starting values for an existing partner. */
export function partnerForEdit(id: number) {
  const row = getDb().select().from(partners).where(eq(partners.id, id)).get();
  if (!row) return null;
  return {
    kind: row.kind,
    countryCode: row.countryCode,
    nameKk: row.nameKk ?? undefined,
    nameRu: row.nameRu ?? undefined,
    nameEn: row.nameEn ?? undefined,
    nameNative: row.nameNative ?? undefined,
    wikidataId: row.wikidataId ?? undefined,
    isHome: row.isHome,
  };
}
