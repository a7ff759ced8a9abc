import { and, asc, count, eq, inArray } from "drizzle-orm";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { countryName } from "~/utils/countries";
import { PAGE_SIZE, idFromSearch, offsetOf, pageOf } from "~/utils/pagination";
import {
  delegations,
  initiatives,
  meetingParticipants,
  meetings,
  organisations,
  partners,
  people,
  relations,
} from "~db/schema";
import { localizedName } from "~db/shared/names";
import { relationsOf } from "../relations/read.server";
import { idsNamed } from "../search.server";
import { byName, countOf, idsNamedFrom, namedChoiceRows, namesOf } from "../sql.server";

export type PartnerSort = "name" | "country";

const partnerFields = {
  id: partners.id,
  kind: partners.kind,
  countryCode: partners.countryCode,
  isHome: partners.isHome,
  ...namesOf(partners),
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

/** What the partners export adds to a list line: the names in each script, the Wikidata id. */
export function partnerExportDetails(ids: number[]) {
  const details = new Map<
    number,
    {
      names: { kk: string | null; ru: string | null; en: string | null; native: string | null };
      wikidataId: string | null;
    }
  >();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = getDb()
      .select({ id: partners.id, wikidataId: partners.wikidataId, ...namesOf(partners) })
      .from(partners)
      .where(inArray(partners.id, ids.slice(i, i + 500)))
      .all();
    for (const r of rows)
      details.set(r.id, {
        names: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn, native: r.nameNative },
        wikidataId: r.wikidataId,
      });
  }
  return details;
}

export function getPartner(id: number, lng: Language) {
  const db = getDb();
  const row = db
    .select({ ...partnerFields, wikidataId: partners.wikidataId })
    .from(partners)
    .where(eq(partners.id, id))
    .get();
  if (!row) return null;
  const orgs = db
    .select({
      id: organisations.id,
      ...namesOf(organisations),
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
    wikidataId: row.wikidataId,
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
      ...namesOf(people),
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
  const rows = namedChoiceRows("partners", lng, { foreignOnly: !includeHome, limit: 2000 });
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

/**
 * The partner picker's suggestions: partners with a name form, in any script, that starts as
 * typed; each with its country, which tells namesakes apart. The home city only when asked.
 */
export function searchPartners(query: string, lng: Language, { includeHome = false } = {}, limit = 8) {
  const db = getDb();
  const ids = idsNamedFrom(db, "partner", query, limit + 1);
  if (ids.length === 0) return [];
  return db
    .select({ id: partners.id, ...namesOf(partners), countryCode: partners.countryCode })
    .from(partners)
    .where(includeHome ? inArray(partners.id, ids) : and(inArray(partners.id, ids), eq(partners.isHome, false)))
    .orderBy(...byName(partners, lng))
    .limit(limit)
    .all()
    .map((p) => ({ id: p.id, name: localizedName(p, lng), detail: countryName(p.countryCode, lng) }));
}
