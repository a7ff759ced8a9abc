import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import {
  initiatives,
  meetingParticipants,
  meetings,
  organisations,
  partners,
  people,
  relations,
  relationSteps,
} from "../../db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { countryName } from "~/utils/countries";
import { localizedName, localizedTitle } from "~/utils/names";
import { offsetOf, pageOf, PAGE_SIZE } from "~/utils/pagination";
import type { PartialDate } from "~/utils/partial-date";
import { currentRelationStatus, orderSteps, type RelationStatus } from "~/utils/relation-status";
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
  const order =
    sort === "country" ? [asc(partners.countryCode), ...byName(partners, lng)] : byName(partners, lng);
  const rows = db
    .select(partnerFields)
    .from(partners)
    .where(eq(partners.isHome, false))
    .orderBy(...order)
    .limit(pageSize)
    .offset(offsetOf(page, pageSize))
    .all();
  const total = countOf(
    db.select({ count: count() }).from(partners).where(eq(partners.isHome, false)).get(),
  );
  const relationsByPartner = relationsOf(rows.map((r) => r.id));
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
};

/** Each partner's relations with their steps in order and the status they lead to. */
function relationsOf(partnerIds: number[]) {
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
        .where(inArray(relationSteps.relationId, relationRows.map((r) => r.id)))
        .all()
    : [];
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
        })),
    );
    const list = byPartner.get(relation.partnerId) ?? [];
    list.push({ id: relation.id, type: relation.type, note: relation.note, steps, status: currentRelationStatus(steps) });
    byPartner.set(relation.partnerId, list);
  }
  return byPartner;
}

export function getPartner(id: number, lng: Language) {
  const db = getDb();
  const row = db.select(partnerFields).from(partners).where(eq(partners.id, id)).get();
  if (!row) return null;
  const orgs = db
    .select({ id: organisations.id, nameKk: organisations.nameKk, nameRu: organisations.nameRu, nameEn: organisations.nameEn, nameNative: organisations.nameNative })
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
    relations: relationsOf([row.id]).get(row.id) ?? [],
    organisations: orgs.map((o) => ({ id: o.id, name: localizedName(o, lng) })),
  };
}

/** The people met from this partner: guests at its meetings and those with posts in its bodies. */
export function peopleMetFrom(partnerId: number, lng: Language, limit = 50) {
  const db = getDb();
  const rows = db
    .selectDistinct({
      id: people.id,
      nameKk: people.nameKk,
      nameRu: people.nameRu,
      nameEn: people.nameEn,
      nameNative: people.nameNative,
      sortKk: people.sortKk,
      sortRu: people.sortRu,
      sortEn: people.sortEn,
    })
    .from(meetingParticipants)
    .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
    .innerJoin(people, eq(people.id, meetingParticipants.personId))
    .where(and(eq(meetings.partnerId, partnerId), eq(meetingParticipants.side, "guest")))
    .orderBy(...byName(people, lng))
    .limit(limit)
    .all();
  return rows.map((p) => ({ id: p.id, name: localizedName(p, lng) }));
}

export function partnerInitiatives(partnerId: number, lng: Language, limit = 50) {
  const rows = getDb()
    .select({
      id: initiatives.id,
      titleKk: initiatives.titleKk,
      titleRu: initiatives.titleRu,
      titleEn: initiatives.titleEn,
      status: initiatives.status,
      kind: initiatives.kind,
      due: initiatives.due,
      duePrecision: initiatives.duePrecision,
      dueApproximate: initiatives.dueApproximate,
    })
    .from(initiatives)
    .where(eq(initiatives.partnerId, partnerId))
    .orderBy(desc(initiatives.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    id: r.id,
    title: localizedTitle(r, lng),
    status: r.status,
    kind: r.kind,
    due: asDate(r.due, r.duePrecision, r.dueApproximate),
  }));
}

/** Partners for a filter's drop-down: every foreign partner, alphabetical. */
export function partnerChoices(lng: Language) {
  const rows = getDb()
    .select(partnerFields)
    .from(partners)
    .where(eq(partners.isHome, false))
    .orderBy(...byName(partners, lng))
    .limit(2000)
    .all();
  return rows.map((r) => ({ id: r.id, name: localizedName(r, lng) }));
}
