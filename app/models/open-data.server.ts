/**
 * The records as the read-only API (issue 16.4) and the open-data export give them: every name
 * in every language, partial dates with their precision, children inline. Lists are pages in id
 * order after a cursor (the last id of the previous page), so a page costs the same however far
 * in it is. Deleted records are gone from their tables (the bin keeps them in history only), so
 * nothing here can show one.
 */
import { asc, eq, gt, inArray } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  delegationMembers,
  delegations,
  initiativeSteps,
  initiatives,
  meetingParticipants,
  meetingSources,
  meetings,
  meetingTopics,
  organisations,
  partners,
  people,
  posts,
  relations,
  relationStepSignatories,
  relationSteps,
  sources,
  topics,
} from "~db/schema";
import type {
  ApiDelegation,
  ApiInitiative,
  ApiMeeting,
  ApiOrganisation,
  ApiPartner,
  ApiPerson,
  ApiRelation,
} from "~/exchange/api-schemas";
import { getDb } from "~/db.server";
import { asDate } from "./sql.server";

export type Slice = { after: number; limit: number };

type Named = { nameKk: string | null; nameRu: string | null; nameEn: string | null; nameNative?: string | null };
type Titled = { titleKk: string | null; titleRu: string | null; titleEn: string | null };

const nameOf = (r: Named) => ({ kk: r.nameKk, ru: r.nameRu, en: r.nameEn, original: r.nameNative ?? null });
const titleOf = (r: Titled) => ({ kk: r.titleKk, ru: r.titleRu, en: r.titleEn });

/** Rows of a table after the cursor, in id order; `limit + 1` of them, so the caller knows if more follow. */
function slice<T extends SQLiteTable & { id: SQLiteColumn }>(table: T, { after, limit }: Slice) {
  return getDb()
    .select()
    .from(table as SQLiteTable)
    .where(gt(table.id, after))
    .orderBy(asc(table.id))
    .limit(limit + 1)
    .all() as T["$inferSelect"][];
}

function byId<T extends SQLiteTable & { id: SQLiteColumn }>(table: T, id: number) {
  return getDb()
    .select()
    .from(table as SQLiteTable)
    .where(eq(table.id, id))
    .all() as T["$inferSelect"][];
}

/** Children of the given parents, grouped by parent id. */
function grouped<R>(rows: R[], parentOf: (row: R) => number) {
  const groups = new Map<number, R[]>();
  for (const row of rows) {
    const key = parentOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return (id: number) => groups.get(id) ?? [];
}

// ---------------------------------------------------------------------------------------------

function shapePartners(rows: (typeof partners.$inferSelect)[]): ApiPartner[] {
  return rows.map((p) => ({
    id: p.id,
    kind: p.kind,
    countryCode: p.countryCode,
    name: nameOf(p),
    wikidataId: p.wikidataId,
    isHome: p.isHome,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  }));
}

export const apiPartners = (s: Slice) => shapePartners(slice(partners, s));
export const apiPartner = (id: number) => shapePartners(byId(partners, id))[0] ?? null;

function shapeRelations(rows: (typeof relations.$inferSelect)[]): ApiRelation[] {
  const db = getDb();
  const ids = rows.map((r) => r.id);
  const steps = db
    .select()
    .from(relationSteps)
    .where(inArray(relationSteps.relationId, ids))
    .orderBy(asc(relationSteps.date), asc(relationSteps.id))
    .all();
  const signatories = grouped(
    db
      .select()
      .from(relationStepSignatories)
      .where(
        inArray(
          relationStepSignatories.stepId,
          steps.map((s) => s.id),
        ),
      )
      .orderBy(asc(relationStepSignatories.position))
      .all(),
    (s) => s.stepId,
  );
  const stepsOf = grouped(steps, (s) => s.relationId);
  return rows.map((r) => ({
    id: r.id,
    partnerId: r.partnerId,
    type: r.type,
    note: r.note,
    steps: stepsOf(r.id).map((s) => ({
      id: s.id,
      status: s.status,
      date: asDate(s.date, s.datePrecision, s.dateApproximate),
      note: s.note,
      meetingId: s.meetingId,
      sourceId: s.sourceId,
      signatoryIds: signatories(s.id).map((x) => x.personId),
    })),
  }));
}

export const apiRelations = (s: Slice) => shapeRelations(slice(relations, s));
export const apiRelation = (id: number) => shapeRelations(byId(relations, id))[0] ?? null;

/** Every relation, for the open-data export: a council's relations number in the hundreds. */
export function allRelations(limit: number) {
  return shapeRelations(getDb().select().from(relations).orderBy(asc(relations.id)).limit(limit).all());
}

function shapeMeetings(rows: (typeof meetings.$inferSelect)[]): ApiMeeting[] {
  const db = getDb();
  const ids = rows.map((m) => m.id);
  const participants = grouped(
    db
      .select()
      .from(meetingParticipants)
      .where(inArray(meetingParticipants.meetingId, ids))
      .orderBy(asc(meetingParticipants.position), asc(meetingParticipants.id))
      .all(),
    (p) => p.meetingId,
  );
  const topicsOf = grouped(
    db
      .select({ meetingId: meetingTopics.meetingId, topic: topics })
      .from(meetingTopics)
      .innerJoin(topics, eq(topics.id, meetingTopics.topicId))
      .where(inArray(meetingTopics.meetingId, ids))
      .orderBy(asc(meetingTopics.position))
      .all(),
    (t) => t.meetingId,
  );
  const sourcesOf = grouped(
    db
      .select({ meetingId: meetingSources.meetingId, source: sources })
      .from(meetingSources)
      .innerJoin(sources, eq(sources.id, meetingSources.sourceId))
      .where(inArray(meetingSources.meetingId, ids))
      .orderBy(asc(meetingSources.position))
      .all(),
    (s) => s.meetingId,
  );
  return rows.map((m) => ({
    id: m.id,
    date: asDate(m.date, m.datePrecision, m.dateApproximate),
    startTime: m.startTime,
    location: m.location,
    hostOrganisationId: m.hostOrganisationId,
    partnerId: m.partnerId,
    delegationId: m.delegationId,
    purpose: m.purpose,
    summary: m.summary,
    language: m.language,
    participants: participants(m.id).map((p) => ({
      personId: p.personId,
      side: p.side,
      role: p.role,
      titleAtMeeting: p.titleAtMeeting,
    })),
    topics: topicsOf(m.id).map(({ topic }) => ({
      id: topic.id,
      name: { kk: topic.nameKk, ru: topic.nameRu, en: topic.nameEn },
    })),
    sources: sourcesOf(m.id).map(({ source }) => ({
      id: source.id,
      url: source.url,
      outlet: source.outlet,
      title: source.title,
      published: asDate(source.published, source.publishedPrecision, source.publishedApproximate),
      language: source.language,
    })),
  }));
}

export const apiMeetings = (s: Slice) => shapeMeetings(slice(meetings, s));
export const apiMeeting = (id: number) => shapeMeetings(byId(meetings, id))[0] ?? null;

function shapeDelegations(rows: (typeof delegations.$inferSelect)[]): ApiDelegation[] {
  const members = grouped(
    getDb()
      .select()
      .from(delegationMembers)
      .where(
        inArray(
          delegationMembers.delegationId,
          rows.map((d) => d.id),
        ),
      )
      .orderBy(asc(delegationMembers.position))
      .all(),
    (m) => m.delegationId,
  );
  return rows.map((d) => ({
    id: d.id,
    partnerId: d.partnerId,
    organisationId: d.organisationId,
    leaderId: d.leaderId,
    direction: d.direction,
    arrival: asDate(d.arrival, d.arrivalPrecision, d.arrivalApproximate),
    departure: asDate(d.departure, d.departurePrecision, d.departureApproximate),
    purpose: d.purpose,
    memberIds: members(d.id).map((m) => m.personId),
  }));
}

export const apiDelegations = (s: Slice) => shapeDelegations(slice(delegations, s));
export const apiDelegation = (id: number) => shapeDelegations(byId(delegations, id))[0] ?? null;

function shapePeople(rows: (typeof people.$inferSelect)[]): ApiPerson[] {
  const postsOf = grouped(
    getDb()
      .select()
      .from(posts)
      .where(
        inArray(
          posts.personId,
          rows.map((p) => p.id),
        ),
      )
      .orderBy(asc(posts.start), asc(posts.id))
      .all(),
    (p) => p.personId,
  );
  return rows.map((p) => ({
    id: p.id,
    name: nameOf(p),
    wikidataId: p.wikidataId,
    isPublic: p.isPublic,
    posts: postsOf(p.id).map((post) => ({
      id: post.id,
      organisationId: post.organisationId,
      title: titleOf(post),
      start: asDate(post.start, post.startPrecision, post.startApproximate),
      end: asDate(post.end, post.endPrecision, post.endApproximate),
      asOf: asDate(post.asOf, post.asOfPrecision, post.asOfApproximate),
    })),
  }));
}

export const apiPeople = (s: Slice) => shapePeople(slice(people, s));
export const apiPerson = (id: number) => shapePeople(byId(people, id))[0] ?? null;

/** The people the open-data export may name: those marked public, and no one else; up to `limit`. */
export function publicPeople(limit: number) {
  return shapePeople(
    getDb().select().from(people).where(eq(people.isPublic, true)).orderBy(asc(people.id)).limit(limit).all(),
  );
}

function shapeOrganisations(rows: (typeof organisations.$inferSelect)[]): ApiOrganisation[] {
  return rows.map((o) => ({ id: o.id, partnerId: o.partnerId, parentId: o.parentId, name: nameOf(o) }));
}

export const apiOrganisations = (s: Slice) => shapeOrganisations(slice(organisations, s));
export const apiOrganisation = (id: number) => shapeOrganisations(byId(organisations, id))[0] ?? null;

/** Bodies by id (those public people hold posts in), with their names and the partner they belong to. */
export function organisationsById(ids: number[]) {
  return shapeOrganisations(
    getDb().select().from(organisations).where(inArray(organisations.id, ids)).orderBy(asc(organisations.id)).all(),
  );
}

function shapeInitiatives(rows: (typeof initiatives.$inferSelect)[]): ApiInitiative[] {
  const stepsOf = grouped(
    getDb()
      .select()
      .from(initiativeSteps)
      .where(
        inArray(
          initiativeSteps.initiativeId,
          rows.map((i) => i.id),
        ),
      )
      .orderBy(asc(initiativeSteps.date), asc(initiativeSteps.id))
      .all(),
    (s) => s.initiativeId,
  );
  return rows.map((i) => ({
    id: i.id,
    title: titleOf(i),
    description: i.description,
    kind: i.kind,
    status: i.status,
    ownerPersonId: i.ownerPersonId,
    ownerOrganisationId: i.ownerOrganisationId,
    due: asDate(i.due, i.duePrecision, i.dueApproximate),
    partnerId: i.partnerId,
    meetingId: i.meetingId,
    steps: stepsOf(i.id).map((s) => ({
      id: s.id,
      date: asDate(s.date, s.datePrecision, s.dateApproximate),
      status: s.status,
      note: s.note,
      meetingId: s.meetingId,
    })),
  }));
}

export const apiInitiatives = (s: Slice) => shapeInitiatives(slice(initiatives, s));
export const apiInitiative = (id: number) => shapeInitiatives(byId(initiatives, id))[0] ?? null;

/** Every partner, for the open-data export, up to `limit`. */
export function allPartners(limit: number) {
  return shapePartners(getDb().select().from(partners).orderBy(asc(partners.id)).limit(limit).all());
}
