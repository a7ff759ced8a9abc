import { count, desc, eq } from "drizzle-orm";
import { meetings, organisations, partners } from "../../db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { localizedName } from "~/utils/names";
import { offsetOf, pageOf, PAGE_SIZE } from "~/utils/pagination";
import { asDate, byName, countOf } from "./shared.server";

export function listOrganisations({
  lng,
  page,
  pageSize = PAGE_SIZE,
}: {
  lng: Language;
  page: number;
  pageSize?: number;
}) {
  const db = getDb();
  const rows = db
    .select({
      id: organisations.id,
      nameKk: organisations.nameKk,
      nameRu: organisations.nameRu,
      nameEn: organisations.nameEn,
      nameNative: organisations.nameNative,
      partnerId: partners.id,
      partnerKk: partners.nameKk,
      partnerRu: partners.nameRu,
      partnerEn: partners.nameEn,
      partnerNative: partners.nameNative,
      isHome: partners.isHome,
    })
    .from(organisations)
    .innerJoin(partners, eq(partners.id, organisations.partnerId))
    .orderBy(...byName(organisations, lng))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize))
    .all();
  const total = countOf(db.select({ count: count() }).from(organisations).get());
  const items = rows.map((r) => ({
    id: r.id,
    name: localizedName(r, lng),
    ourSide: r.isHome,
    partner: {
      id: r.partnerId,
      name: localizedName({ nameKk: r.partnerKk, nameRu: r.partnerRu, nameEn: r.partnerEn, nameNative: r.partnerNative }, lng),
    },
  }));
  return pageOf(items, total, page, pageSize);
}

export function getOrganisation(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(organisations).where(eq(organisations.id, id)).get();
  if (!row) return null;
  const partner = db.select().from(partners).where(eq(partners.id, row.partnerId)).get();
  const parent = row.parentId
    ? db.select().from(organisations).where(eq(organisations.id, row.parentId)).get()
    : undefined;
  const children = db
    .select()
    .from(organisations)
    .where(eq(organisations.parentId, id))
    .orderBy(...byName(organisations, lng))
    .limit(100)
    .all();
  const hosted = db
    .select({
      id: meetings.id,
      date: meetings.date,
      datePrecision: meetings.datePrecision,
      dateApproximate: meetings.dateApproximate,
      purpose: meetings.purpose,
    })
    .from(meetings)
    .where(eq(meetings.hostOrganisationId, id))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(50)
    .all();
  return {
    id: row.id,
    name: localizedName(row, lng),
    names: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn, native: row.nameNative },
    ourSide: Boolean(partner?.isHome),
    partner: partner ? { id: partner.id, name: localizedName(partner, lng), isHome: partner.isHome } : null,
    parent: parent ? { id: parent.id, name: localizedName(parent, lng) } : null,
    children: children.map((c) => ({ id: c.id, name: localizedName(c, lng) })),
    meetingsHosted: hosted.map((m) => ({
      id: m.id,
      date: asDate(m.date, m.datePrecision, m.dateApproximate),
      purpose: m.purpose,
    })),
  };
}
