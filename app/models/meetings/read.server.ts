import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "~/db.server";
import { shortened } from "~/utils/shortened";
import { perConnection } from "~db/prepared";
import type { Language } from "~/i18n/config";
import { offsetOf, PAGE_SIZE, pageOf } from "~/utils/pagination";
import {
  delegations,
  initiatives,
  initiativeSteps,
  meetingParticipants,
  meetings,
  meetingSources,
  meetingTopics,
  organisations,
  partners,
  people,
  sources,
  topics,
} from "~db/schema";
import { localizedName, localizedTitle } from "~db/shared/names";
import type { PartialDate } from "~db/shared/partial-date";
import { asDate, countOf, namesOf, partialDateOf, titlesOf } from "../sql.server";

const hostOrganisations = aliasedTable(organisations, "host_organisations");

/**
 * `topicIds`: meetings that raised any of these topics; `partnerIds`: meetings with any of these
 * partners (both from idsNamed's folded match of what was typed).
 */
export type MeetingFilter = {
  partnerId?: number;
  partnerIds?: number[];
  year?: number;
  topicIds?: number[];
  // These meetings only (an import comparing its rows with the meetings they name).
  ids?: number[];
};

function meetingConditions({ partnerId, partnerIds, year, topicIds, ids }: MeetingFilter) {
  const conditions: SQL[] = [];
  if (ids) conditions.push(ids.length ? inArray(meetings.id, ids) : sql`0`);
  if (topicIds) {
    conditions.push(
      topicIds.length
        ? inArray(
            meetings.id,
            getDb()
              .select({ id: meetingTopics.meetingId })
              .from(meetingTopics)
              .where(inArray(meetingTopics.topicId, topicIds)),
          )
        : sql`0`,
    );
  }
  if (partnerId) conditions.push(eq(meetings.partnerId, partnerId));
  if (partnerIds) conditions.push(partnerIds.length ? inArray(meetings.partnerId, partnerIds) : sql`0`);
  // A range on the stored ISO start keeps the date index usable; a year-only date is in its year.
  if (year) conditions.push(gte(meetings.date, `${year}-01-01`), lt(meetings.date, `${year + 1}-01-01`));
  return conditions.length ? and(...conditions) : undefined;
}

/**
 * The ids of the meetings `filter` lists, in the list's order (newest first), the first `limit`
 * of them, and how many it lists: what an export then reads a few hundred at a time.
 */
export function meetingIdsInOrder(filter: MeetingFilter, limit: number) {
  const db = getDb();
  const where = meetingConditions(filter);
  return {
    total: countOf(db.select({ count: count() }).from(meetings).where(where).get()),
    ids: db
      .select({ id: meetings.id })
      .from(meetings)
      .where(where)
      .orderBy(desc(meetings.date), desc(meetings.id))
      .limit(limit)
      .all()
      .map((r) => r.id),
  };
}

/** Meetings newest first (unknown dates last), a page at a time. */
export function listMeetings({
  lng,
  page,
  filter = {},
  pageSize = PAGE_SIZE,
}: {
  lng: Language;
  page: number;
  filter?: MeetingFilter;
  pageSize?: number;
}) {
  const db = getDb();
  const where = meetingConditions(filter);
  const total = countOf(db.select({ count: count() }).from(meetings).where(where).get());
  // The page's ids first, from the date index alone; a page past the middle is counted from
  // the other end, so the last page costs what the first does.
  const offset = offsetOf(page, pageSize);
  const fromEnd = offset > total / 2;
  const pageIds = db
    .select({ id: meetings.id })
    .from(meetings)
    .where(where)
    .orderBy(...(fromEnd ? [asc(meetings.date), asc(meetings.id)] : [desc(meetings.date), desc(meetings.id)]))
    .limit(fromEnd ? Math.max(0, Math.min(pageSize, total - offset)) : pageSize)
    .offset(fromEnd ? Math.max(0, total - offset - pageSize) : offset)
    .all()
    .map((r) => r.id);
  const rows = !pageIds.length
    ? []
    : db
        .select({
          id: meetings.id,
          date: partialDateOf(meetings, "date"),
          location: meetings.location,
          purpose: meetings.purpose,
          partnerId: partners.id,
          partner: namesOf(partners),
          host: namesOf(hostOrganisations),
        })
        .from(meetings)
        .leftJoin(partners, eq(partners.id, meetings.partnerId))
        .leftJoin(hostOrganisations, eq(hostOrganisations.id, meetings.hostOrganisationId))
        .where(inArray(meetings.id, pageIds))
        .orderBy(desc(meetings.date), desc(meetings.id))
        .all();
  const participantCounts = new Map(
    rows.length
      ? db
          .select({ meetingId: meetingParticipants.meetingId, count: count() })
          .from(meetingParticipants)
          .where(
            inArray(
              meetingParticipants.meetingId,
              rows.map((r) => r.id),
            ),
          )
          .groupBy(meetingParticipants.meetingId)
          .all()
          .map((r) => [r.meetingId, r.count])
      : [],
  );
  const items = rows.map((r) => ({
    id: r.id,
    date: r.date,
    location: r.location,
    purpose: r.purpose,
    partner: r.partnerId
      ? {
          id: r.partnerId,
          name: localizedName(r.partner, lng),
        }
      : null,
    host: (r.host.nameKk ?? r.host.nameRu ?? r.host.nameEn ?? r.host.nameNative) ? localizedName(r.host, lng) : null,
    participantCount: participantCounts.get(r.id) ?? 0,
  }));
  return pageOf(items, total, page, pageSize);
}

/**
 * The years a meetings filter can offer: those that have a dated meeting, newest first. Each
 * step of the walk asks for the latest date before the year just found, one seek down the date
 * index (a lone max() with a bound on the indexed column), so it costs one seek per year, not a
 * read of every meeting.
 */
export function meetingYears(): number[] {
  return getDb()
    .all<{ year: number }>(
      sql`with recursive found(year) as (
        select cast(substr(max(date), 1, 4) as integer) from meetings
        union all
        select (select cast(substr(max(date), 1, 4) as integer) from meetings where date < printf('%04d', found.year))
        from found where found.year is not null
      )
      select year from found where year is not null`,
    )
    .map((r) => r.year);
}

const ID = sql.placeholder("id");

/**
 * The meeting page's reads, built and prepared once per connection with the id as a parameter
 * (the page is read afresh on every request: drizzle building each query's SQL and SQLite
 * preparing it again was some 12% of the page's server time, more than running them; issue 17).
 */
const meetingReads = perConnection((db) => ({
  row: db
    .select({
      id: meetings.id,
      date: partialDateOf(meetings, "date"),
      startTime: meetings.startTime,
      location: meetings.location,
      purpose: meetings.purpose,
      summary: meetings.summary,
      language: meetings.language,
      partnerId: meetings.partnerId,
      hostOrganisationId: meetings.hostOrganisationId,
      delegationId: meetings.delegationId,
    })
    .from(meetings)
    .where(eq(meetings.id, ID))
    .prepare(),
  partner: db.select().from(partners).where(eq(partners.id, ID)).prepare(),
  host: db.select().from(organisations).where(eq(organisations.id, ID)).prepare(),
  topics: db
    .select({ id: topics.id, nameKk: topics.nameKk, nameRu: topics.nameRu, nameEn: topics.nameEn })
    .from(meetingTopics)
    .innerJoin(topics, eq(topics.id, meetingTopics.topicId))
    .where(eq(meetingTopics.meetingId, ID))
    .orderBy(asc(meetingTopics.position))
    .prepare(),
  sources: db
    .select({
      id: sources.id,
      url: sources.url,
      outlet: sources.outlet,
      title: sources.title,
      text: sources.text,
      language: sources.language,
      published: partialDateOf(sources, "published"),
    })
    .from(meetingSources)
    .innerJoin(sources, eq(sources.id, meetingSources.sourceId))
    .where(eq(meetingSources.meetingId, ID))
    .orderBy(asc(meetingSources.position))
    .prepare(),
  initiatives: db
    .select({
      id: initiatives.id,
      ...titlesOf(initiatives),
      status: initiatives.status,
      kind: initiatives.kind,
    })
    .from(initiatives)
    // Raised here, or moved on here (a step recorded at this meeting).
    .where(
      or(
        eq(initiatives.meetingId, ID),
        inArray(
          initiatives.id,
          db
            .select({ id: initiativeSteps.initiativeId })
            .from(initiativeSteps)
            .where(eq(initiativeSteps.meetingId, ID)),
        ),
      ),
    )
    .orderBy(asc(initiatives.id))
    .prepare(),
  participants: db
    .select({
      id: meetingParticipants.id,
      personId: people.id,
      ...namesOf(people),
      side: meetingParticipants.side,
      role: meetingParticipants.role,
      titleAtMeeting: meetingParticipants.titleAtMeeting,
    })
    .from(meetingParticipants)
    .innerJoin(people, eq(people.id, meetingParticipants.personId))
    .where(eq(meetingParticipants.meetingId, ID))
    .orderBy(asc(meetingParticipants.position), asc(meetingParticipants.id))
    .prepare(),
}));

export function getMeeting(id: number, lng: Language) {
  const reads = meetingReads(getDb());
  const row = reads.row.get({ id });
  if (!row) return null;

  const partner = row.partnerId ? reads.partner.get({ id: row.partnerId }) : undefined;
  const host = row.hostOrganisationId ? reads.host.get({ id: row.hostOrganisationId }) : undefined;

  return {
    id: row.id,
    date: row.date,
    startTime: row.startTime,
    location: row.location,
    purpose: row.purpose,
    summary: row.summary,
    language: row.language,
    partner: partner ? { id: partner.id, name: localizedName(partner, lng) } : null,
    host: host ? { id: host.id, name: localizedName(host, lng) } : null,
    delegation: row.delegationId ? delegationOf(row.delegationId, lng) : null,
    participants: participantsOf(id, lng),
    topics: reads.topics.all({ id }).map((topic) => ({ id: topic.id, name: localizedName(topic, lng) })),
    sources: reads.sources.all({ id }),
    initiatives: reads.initiatives
      .all({ id })
      .map((i) => ({ id: i.id, title: localizedTitle(i, lng), status: i.status, kind: i.kind })),
  };
}

function participantsOf(meetingId: number, lng: Language) {
  return meetingReads(getDb())
    .participants.all({ id: meetingId })
    .map((p) => ({
      id: p.id,
      personId: p.personId,
      name: localizedName(p, lng),
      side: p.side,
      role: p.role,
      titleAtMeeting: p.titleAtMeeting,
    }));
}

function delegationOf(delegationId: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(delegations).where(eq(delegations.id, delegationId)).get();
  if (!row) return null;
  const leader = row.leaderId ? db.select().from(people).where(eq(people.id, row.leaderId)).get() : undefined;
  const organisation = row.organisationId
    ? db.select().from(organisations).where(eq(organisations.id, row.organisationId)).get()
    : undefined;
  return {
    id: row.id,
    direction: row.direction,
    purpose: row.purpose,
    arrival: asDate(row.arrival, row.arrivalPrecision, row.arrivalApproximate),
    departure: asDate(row.departure, row.departurePrecision, row.departureApproximate),
    leader: leader ? { id: leader.id, name: localizedName(leader, lng) } : null,
    organisation: organisation ? { id: organisation.id, name: localizedName(organisation, lng) } : null,
  };
}

/** Meetings a person took part in, newest first, with their role and title at the time. */
export function meetingsAttendedBy(personId: number, lng: Language, limit = 50) {
  const rows = getDb()
    .select({
      id: meetings.id,
      date: partialDateOf(meetings, "date"),
      side: meetingParticipants.side,
      role: meetingParticipants.role,
      titleAtMeeting: meetingParticipants.titleAtMeeting,
      partner: namesOf(partners),
    })
    .from(meetingParticipants)
    .innerJoin(meetings, eq(meetings.id, meetingParticipants.meetingId))
    .leftJoin(partners, eq(partners.id, meetings.partnerId))
    .where(eq(meetingParticipants.personId, personId))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    id: r.id,
    date: r.date,
    side: r.side,
    role: r.role,
    titleAtMeeting: r.titleAtMeeting,
    partner: localizedName(r.partner, lng) || null,
  }));
}

// A partner's name in a choice: enough to tell one from another in a select, not a paragraph.
const CHOICE_NAME_LENGTH = 40;

/**
 * Meetings to pick as "where it happened": this partner's latest 200 (or all partners'), newest
 * first. `named`: each says whose meeting it was, in that language ("2 December 2026 — Gyeonggi
 * Province"), and its number only where two would read the same; otherwise its date and number.
 */
export function meetingChoices(
  partnerId: number | null | undefined,
  label: (date: PartialDate) => string,
  current?: number | null,
  named?: Language,
) {
  const rows = () =>
    getDb()
      .select({ id: meetings.id, date: partialDateOf(meetings, "date"), partner: namesOf(partners) })
      .from(meetings)
      .leftJoin(partners, eq(partners.id, meetings.partnerId));
  const latest = rows()
    .where(partnerId ? eq(meetings.partnerId, partnerId) : undefined)
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(200)
    .all();
  // The meeting a step already names stays a choice, however old: an edit would drop it otherwise.
  const kept = current && !latest.some((m) => m.id === current) ? rows().where(eq(meetings.id, current)).all() : [];
  const choices = [...latest, ...kept];
  if (!named) return choices.map((m) => ({ value: m.id, label: `${label(m.date)} (#${m.id})` }));
  const labels = choices.map((m) =>
    [label(m.date), shortened(localizedName(m.partner, named), CHOICE_NAME_LENGTH)].filter(Boolean).join(" — "),
  );
  const times = new Map<string, number>();
  for (const text of labels) times.set(text, (times.get(text) ?? 0) + 1);
  return choices.map((m, i) => ({
    value: m.id,
    label: times.get(labels[i])! > 1 ? `${labels[i]} (#${m.id})` : labels[i],
  }));
}

/** A partner's latest meetings with their summaries, newest first (for the briefing). */
export function latestMeetingSummaries(partnerId: number, limit = 3) {
  return getDb()
    .select({
      id: meetings.id,
      date: partialDateOf(meetings, "date"),
      purpose: meetings.purpose,
      summary: meetings.summary,
      language: meetings.language,
    })
    .from(meetings)
    .where(eq(meetings.partnerId, partnerId))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(limit)
    .all();
}

/** One list cell of people: "Name (title); Name" (the import reads it back: app/exchange/import). */
export const joinPeople = (list: Array<{ name: string; title: string | null }>) =>
  list.map((p) => (p.title ? `${p.name} (${p.title})` : p.name)).join("; ") || null;

/**
 * What a meeting's export row holds beyond its list line (issue 15.1: the export's columns are
 * the import's): the partner's country code, both sides' people with their titles, the summary,
 * topics, initiatives raised and the first source. For at most EXPORT_LIMIT ids, one query each.
 */
export function meetingExportDetails(ids: number[], lng: Language) {
  const db = getDb();
  type Details = {
    startTime: string | null;
    countryCode: string | null;
    ours: Array<{ name: string; title: string | null }>;
    guests: Array<{ name: string; title: string | null }>;
    summary: string | null;
    topics: string[];
    initiatives: string[];
    sourceUrl: string | null;
    outlet: string | null;
  };
  const details = new Map<number, Details>();
  if (!ids.length) return details;
  for (const row of db
    .select({
      id: meetings.id,
      startTime: meetings.startTime,
      summary: meetings.summary,
      countryCode: partners.countryCode,
    })
    .from(meetings)
    .leftJoin(partners, eq(partners.id, meetings.partnerId))
    .where(inArray(meetings.id, ids))
    .all()) {
    details.set(row.id, {
      startTime: row.startTime,
      countryCode: row.countryCode,
      ours: [],
      guests: [],
      summary: row.summary,
      topics: [],
      initiatives: [],
      sourceUrl: null,
      outlet: null,
    });
  }
  for (const p of db
    .select({
      meetingId: meetingParticipants.meetingId,
      side: meetingParticipants.side,
      title: meetingParticipants.titleAtMeeting,
      person: people,
    })
    .from(meetingParticipants)
    .innerJoin(people, eq(people.id, meetingParticipants.personId))
    .where(inArray(meetingParticipants.meetingId, ids))
    .orderBy(meetingParticipants.meetingId, meetingParticipants.position)
    .all()) {
    details
      .get(p.meetingId)
      ?.[p.side === "host" ? "ours" : "guests"].push({ name: localizedName(p.person, lng), title: p.title });
  }
  for (const r of db
    .select({ meetingId: meetingTopics.meetingId, topic: topics })
    .from(meetingTopics)
    .innerJoin(topics, eq(topics.id, meetingTopics.topicId))
    .where(inArray(meetingTopics.meetingId, ids))
    .orderBy(meetingTopics.meetingId, meetingTopics.position)
    .all()) {
    details.get(r.meetingId)?.topics.push(localizedName(r.topic, lng));
  }
  for (const r of db
    .select({ meetingId: initiativeSteps.meetingId, initiative: initiatives })
    .from(initiativeSteps)
    .innerJoin(initiatives, eq(initiatives.id, initiativeSteps.initiativeId))
    .where(inArray(initiativeSteps.meetingId, ids))
    .orderBy(initiativeSteps.meetingId, initiativeSteps.id)
    .all()) {
    if (r.meetingId != null) details.get(r.meetingId)?.initiatives.push(localizedTitle(r.initiative, lng));
  }
  for (const r of db
    .select({ meetingId: meetingSources.meetingId, url: sources.url, outlet: sources.outlet })
    .from(meetingSources)
    .innerJoin(sources, eq(sources.id, meetingSources.sourceId))
    .where(inArray(meetingSources.meetingId, ids))
    .orderBy(meetingSources.meetingId, desc(meetingSources.position))
    .all()) {
    // Ordered last position first, so the first source is the one kept.
    const d = details.get(r.meetingId);
    if (d) Object.assign(d, { sourceUrl: r.url, outlet: r.outlet });
  }
  return details;
}
