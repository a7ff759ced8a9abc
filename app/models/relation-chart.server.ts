import { and, asc, eq, inArray, isNotNull, sql, type SQL } from "drizzle-orm";
import { type RELATION_TYPES, meetings, partners, relations, relationSteps } from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { statusBands } from "~/utils/chart";
import { countryName } from "~/utils/countries";
import { localizedName } from "~db/shared/names";
import { offsetOf, pageOf } from "~/utils/pagination";
import { asDate, partialDateOf } from "./sql.server";

// A screen's worth: 20 lanes of 34 px.
export const LANES_PER_PAGE = 20;

export type ChartFilter = { countryCode?: string; type?: (typeof RELATION_TYPES)[number] };

// Spelled out: drizzle leaves columns unqualified inside a correlated subquery.
const lastMeeting = sql<string | null>`(select max(m.date) from meetings m where m.partner_id = "partners"."id")`;

const MARKS_PER_LANE = 60;

/** One lane per partner, most recent contact first: status bands and meeting marks. */
export function relationLanes(
  lng: Language,
  today: string,
  { filter = {}, page = 1, partnerIds }: { filter?: ChartFilter; page?: number; partnerIds?: number[] },
) {
  const db = getDb();
  const conditions: Array<SQL | undefined> = [eq(partners.isHome, false)];
  if (partnerIds) conditions.push(inArray(partners.id, partnerIds));
  if (filter.countryCode) conditions.push(eq(partners.countryCode, filter.countryCode));
  if (filter.type)
    conditions.push(
      sql`exists (select 1 from relations r where r.partner_id = "partners"."id" and r.type = ${filter.type})`,
    );
  const where = and(...conditions);
  const rows = db
    .select({ partner: partners, last: lastMeeting })
    .from(partners)
    .where(where)
    .orderBy(sql`${lastMeeting} desc nulls last`, asc(partners.id))
    .limit(LANES_PER_PAGE)
    .offset(offsetOf(page, LANES_PER_PAGE))
    .all();
  const total =
    db
      .select({ n: sql<number>`count(*)` })
      .from(partners)
      .where(where)
      .get()?.n ?? 0;
  const ids = rows.map((r) => r.partner.id);

  // Every relation, with its steps if it has any: one with none still gets its row, marked
  // "dates unknown".
  const steps = ids.length
    ? db
        .select({ relationId: relations.id, partnerId: relations.partnerId, type: relations.type, step: relationSteps })
        .from(relations)
        .leftJoin(relationSteps, eq(relations.id, relationSteps.relationId))
        .where(inArray(relations.partnerId, ids))
        .orderBy(asc(relations.id))
        .all()
    : [];
  // A lane with more meetings than fit as marks shows one mark per year, with the count.
  const dated = ids.length
    ? new Map(
        db
          .select({ partnerId: meetings.partnerId, n: sql<number>`count(*)` })
          .from(meetings)
          .where(and(inArray(meetings.partnerId, ids), isNotNull(meetings.date)))
          .groupBy(meetings.partnerId)
          .all()
          .map((r) => [r.partnerId, r.n]),
      )
    : new Map<number | null, number>();
  const few = ids.filter((id) => (dated.get(id) ?? 0) <= MARKS_PER_LANE);
  const many = ids.filter((id) => (dated.get(id) ?? 0) > MARKS_PER_LANE);
  const marks = few.length
    ? db
        .select({
          id: meetings.id,
          partnerId: meetings.partnerId,
          date: partialDateOf(meetings, "date"),
          purpose: meetings.purpose,
        })
        .from(meetings)
        .where(and(inArray(meetings.partnerId, few), isNotNull(meetings.date)))
        .all()
    : [];
  // Marks by year, or by decade where a lane would have more years than fit.
  const byYear = many.length
    ? db
        .select({
          partnerId: meetings.partnerId,
          year: sql<string>`substr(${meetings.date}, 1, 4)`,
          count: sql<number>`count(*)`,
        })
        .from(meetings)
        .where(and(inArray(meetings.partnerId, many), isNotNull(meetings.date)))
        .groupBy(meetings.partnerId, sql`2`)
        .all()
    : [];
  const years = many.flatMap((partnerId) => {
    const own = byYear.filter((y) => y.partnerId === partnerId);
    if (own.length <= MARKS_PER_LANE / 2)
      return own.map((y) => ({ partnerId, year: Number(y.year), span: 1, count: y.count }));
    const decades = new Map<number, number>();
    for (const y of own) {
      const decade = Math.floor(Number(y.year) / 10) * 10;
      decades.set(decade, (decades.get(decade) ?? 0) + y.count);
    }
    return [...decades].map(([year, count]) => ({ partnerId, year, span: 10, count }));
  });
  const undated = ids.length
    ? new Map(
        db
          .select({ partnerId: meetings.partnerId, n: sql<number>`count(*)` })
          .from(meetings)
          .where(and(inArray(meetings.partnerId, ids), sql`${meetings.date} is null`))
          .groupBy(meetings.partnerId)
          .all()
          .map((r) => [r.partnerId, r.n]),
      )
    : new Map();

  const lanes = rows.map(({ partner, last }) => {
    const own = steps.filter((s) => s.partnerId === partner.id);
    const relationIds = [...new Set(own.map((s) => s.relationId))];
    return {
      id: partner.id,
      name: localizedName(partner, lng),
      country: countryName(partner.countryCode, lng),
      lastContact: last,
      types: [...new Set(own.map((s) => s.type))],
      // Each relation its own row of bands, so two relations of one partner never overlap; one
      // with no dated step has no bands, and the chart says its dates are unknown.
      relations: relationIds.map((relationId) => {
        const rows = own.filter((s) => s.relationId === relationId);
        const relationSteps = rows.flatMap((s) =>
          s.step
            ? [
                {
                  id: s.step.id,
                  status: s.step.status,
                  date: asDate(s.step.date, s.step.datePrecision, s.step.dateApproximate),
                },
              ]
            : [],
        );
        return {
          id: relationId,
          type: rows[0].type,
          bands: statusBands(relationId, rows[0].type, relationSteps, today),
        };
      }),
      marks: marks
        .filter((m) => m.partnerId === partner.id)
        // A mark's label holds the purpose's beginning: the rest would only weigh on the page.
        .map((m) => ({
          id: m.id,
          date: m.date,
          purpose: m.purpose && (m.purpose.length > 80 ? `${m.purpose.slice(0, 79)}…` : m.purpose),
        })),
      years: years.filter((y) => y.partnerId === partner.id).map(({ year, span, count }) => ({ year, span, count })),
      undated: (undated.get(partner.id) as number | undefined) ?? 0,
    };
  });
  return pageOf(lanes, total, page, LANES_PER_PAGE);
}

export type RelationLane = ReturnType<typeof relationLanes>["items"][number];

/** Countries that have partners, for the chart's filter. */
export function partnerCountries(lng: Language) {
  return getDb()
    .selectDistinct({ code: partners.countryCode })
    .from(partners)
    .where(eq(partners.isHome, false))
    .all()
    .map((r) => ({ value: r.code, label: countryName(r.code, lng) }))
    .sort((a, b) => a.label.localeCompare(b.label, lng));
}
