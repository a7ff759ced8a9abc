/**
 * The open-data export (issue 16.4): what a council may publish of its relations, in the shape
 * of Popolo (https://www.popoloproject.com/specs/): partners and the bodies public people serve
 * in as `organizations`, public people as `persons`, their posts as `memberships`, and the
 * relations as `relationships` between the home city and each partner. A sister-city or friendly
 * relation also carries the Wikidata statement it makes: P190 "twinned administrative body",
 * with its start (P580) and end (P582) and their precision (9 year, 10 month, 11 day).
 *
 * Nothing about a person not marked public is written: not their name, not their posts, not
 * their signature on a step. Meetings and delegations, which name people, are not exported.
 */
import type { DatePrecision, RELATION_STATUSES, RELATION_TYPES } from "~db/schema";
import type { PartialDate } from "~db/shared/partial-date";
import type { ApiPartner, ApiPerson, ApiRelation } from "./api-schemas";
import { allPartners, allRelations, organisationsById, publicPeople } from "~/models/open-data.server";

/** Far above what a council holds; a bound so that the export is never unbounded. */
export const POPOLO_LIMIT = 10_000;

type RelationType = (typeof RELATION_TYPES)[number];
type RelationStatus = (typeof RELATION_STATUSES)[number];

/** Relation types that Wikidata records as twinning (P190). */
const TWINNING: ReadonlySet<RelationType> = new Set(["sister_city", "friendly"]);
const STARTS: ReadonlySet<RelationStatus> = new Set(["signed", "active"]);

const WIKIDATA_PRECISION: Record<Exclude<DatePrecision, "unknown">, 9 | 10 | 11> = { year: 9, month: 10, day: 11 };
// Wikidata's "sourcing circumstances: circa", for an approximate date.
const CIRCA = "Q5727902";

type Name = { kk: string | null; ru: string | null; en: string | null; original?: string | null };

const known = (date: PartialDate) => date.precision !== "unknown" && date.value !== null;

/** "2016", "2016-05" or "2016-05-12", as Popolo's dates are written, or null when unknown. */
export function popoloDate(date: PartialDate) {
  if (!known(date)) return null;
  const length = { year: 4, month: 7, day: 10 }[date.precision as Exclude<DatePrecision, "unknown">];
  return date.value!.slice(0, length);
}

/** A Wikidata time value: the unknown parts are zeros ("+2016-00-00T00:00:00Z", precision 9). */
export function wikidataTime(date: PartialDate) {
  if (!known(date)) return null;
  const precision = WIKIDATA_PRECISION[date.precision as Exclude<DatePrecision, "unknown">];
  const [year, month, day] = date.value!.split("-");
  const time = `+${year}-${precision >= 10 ? month : "00"}-${precision === 11 ? day : "00"}T00:00:00Z`;
  return { time, precision, ...(date.approximate ? { sourcingCircumstances: CIRCA } : {}) };
}

function names(name: Name) {
  const given: Array<{ name: string; lang: string }> = (["kk", "ru", "en"] as const)
    .filter((lng) => name[lng])
    .map((lng) => ({ name: name[lng]!, lang: lng }));
  if (name.original) given.push({ name: name.original, lang: "und" });
  return { name: name.en ?? name.ru ?? name.kk ?? name.original ?? "", other_names: given };
}

const wikidata = (id: string | null) =>
  id
    ? {
        identifiers: [{ scheme: "wikidata", identifier: id }],
        links: [{ url: `https://www.wikidata.org/wiki/${id}`, note: "Wikidata" }],
      }
    : {};

function organization(partner: ApiPartner) {
  return {
    id: `partner-${partner.id}`,
    ...names(partner.name),
    classification: partner.kind,
    area: { country_code: partner.countryCode },
    ...wikidata(partner.wikidataId),
  };
}

/** When the relation began and ended, as its steps say: the first signing, the last ending. */
function periodOf(relation: ApiRelation) {
  const start = relation.steps.find((step) => STARTS.has(step.status) && known(step.date))?.date ?? null;
  const end = relation.steps.findLast((step) => step.status === "ended" && known(step.date))?.date ?? null;
  return { start, end };
}

function relationship(
  relation: ApiRelation,
  home: ApiPartner | null,
  partner: ApiPartner | undefined,
  named: Set<number>,
) {
  const { start, end } = periodOf(relation);
  const startTime = start ? wikidataTime(start) : null;
  const endTime = end ? wikidataTime(end) : null;
  return {
    id: `relation-${relation.id}`,
    subject_id: home ? `partner-${home.id}` : null,
    object_id: `partner-${relation.partnerId}`,
    classification: relation.type,
    start_date: start ? popoloDate(start) : null,
    start_date_precision: start?.precision ?? "unknown",
    end_date: end ? popoloDate(end) : null,
    end_date_precision: end?.precision ?? "unknown",
    steps: relation.steps.map((step) => ({
      status: step.status,
      date: popoloDate(step.date),
      date_precision: step.date.precision,
      approximate: step.date.approximate,
      // Only the signatories who may be named; the others are not counted either.
      signatory_ids: step.signatoryIds.filter((id) => named.has(id)).map((id) => `person-${id}`),
    })),
    ...(TWINNING.has(relation.type)
      ? {
          wikidata: {
            subject: home?.wikidataId ?? null,
            property: "P190",
            value: partner?.wikidataId ?? null,
            qualifiers: {
              ...(startTime ? { P580: startTime } : {}),
              ...(endTime ? { P582: endTime } : {}),
            },
          },
        }
      : {}),
  };
}

function person(p: ApiPerson) {
  return { id: `person-${p.id}`, ...names(p.name), ...wikidata(p.wikidataId) };
}

/** The export, for a council to publish. */
export function popoloExport(now = new Date()) {
  const partners = allPartners(POPOLO_LIMIT);
  const byId = new Map(partners.map((p) => [p.id, p]));
  const home = partners.find((p) => p.isHome) ?? null;
  const people = publicPeople(POPOLO_LIMIT);
  const named = new Set(people.map((p) => p.id));
  const memberships = people.flatMap((p) =>
    p.posts.map((post) => ({
      id: `post-${post.id}`,
      person_id: `person-${p.id}`,
      organization_id: `organisation-${post.organisationId}`,
      role: post.title.en ?? post.title.ru ?? post.title.kk ?? "",
      other_labels: (["kk", "ru", "en"] as const)
        .filter((lng) => post.title[lng])
        .map((lng) => ({ name: post.title[lng]!, lang: lng })),
      start_date: popoloDate(post.start),
      end_date: popoloDate(post.end),
    })),
  );
  const bodies = organisationsById([...new Set(people.flatMap((p) => p.posts.map((post) => post.organisationId)))]);
  return {
    meta: {
      generator: "Kezdesu",
      generated_at: now.toISOString(),
      note: "Partners and relations of the city, with the people marked public only; meetings and delegations are not included.",
    },
    organizations: [
      ...partners.map(organization),
      ...bodies.map((body) => ({
        id: `organisation-${body.id}`,
        ...names(body.name),
        classification: "body",
        // The partner it belongs to: its parent body may not be in the file.
        parent_id: `partner-${body.partnerId}`,
      })),
    ],
    persons: people.map(person),
    memberships,
    relationships: allRelations(POPOLO_LIMIT).map((r) => relationship(r, home, byId.get(r.partnerId), named)),
  };
}
