import type Database from "better-sqlite3";
import { asc, eq, inArray, sql } from "drizzle-orm";
import { LANGUAGES } from "~/i18n/config";
import en from "~/i18n/locales/en";
import kk from "~/i18n/locales/kk";
import ru from "~/i18n/locales/ru";
import { countryName } from "~/utils/countries";
import { FOLD_VERSION, foldForIndex } from "~db/shared/fold";
import { koreanGivenNames } from "~db/shared/korean";
import type { Db } from "~db/client";
import { clientOf, perConnection } from "~db/prepared";
import {
  delegationMembers,
  delegations,
  initiatives,
  meetings,
  meetingSources,
  meetingTopics,
  nameKeys,
  organisations,
  partners,
  people,
  relations,
  relationSteps,
  relationStepSignatories,
  searchRows,
  sources,
  topics,
} from "~db/schema";

export const SEARCH_KINDS = ["meeting", "initiative", "partner", "relation", "delegation"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

const fold = (parts: Array<string | null | undefined>) => foldForIndex(parts.filter(Boolean).join(" \n "));

/**
 * A row's place in its kind's index. FTS5 walks rowids in order, so the rowid says the order
 * results come in, and the newest matches come first without sorting them all (a word in most of
 * 100,000 meetings). Each kind's newest sit where FTS5 starts cheaply: at the end of the index
 * going down, or at its start going up. (Walking down from the middle of a long list of rows
 * makes FTS5 read all of that list first.)
 * - Meetings from 2^52 up, by their date (to the day, then the id; unknown dates as the oldest):
 *   read downwards from the end.
 * - Initiatives, partners, relations and delegations below a number of their own, the newest
 *   (highest id) lowest: read upwards from the start. (Until migration 0024 every kind shared one
 *   index and these ranges told them apart; the rowids were carried over as they were.)
 */
const MEETING_ROWIDS = 2 ** 52;
const IDS = 2 ** 25;
const TOPS = { initiative: 2 ** 40, partner: 2 ** 41, relation: 2 ** 42, delegation: 2 ** 43 } as const;

export function searchRowid(kind: SearchKind, id: number, date: string | null = null) {
  if (kind !== "meeting") return TOPS[kind] - id;
  const day = date ? Number(date.slice(0, 10).replace(/-/g, "")) : 0;
  return MEETING_ROWIDS + day * IDS + id;
}

/**
 * Each kind's own FTS5 index (migration 0024): a query for words that begin as typed then merges
 * only that kind's rows, not every kind's (issue 17, round 3). The names are not the user's: the
 * kind is one of SEARCH_KINDS.
 */
export const searchTable = (kind: SearchKind) => `search_text_${kind}`;

const rowStatements = perConnection((db) => {
  const client = clientOf(db);
  const texts = Object.fromEntries(
    SEARCH_KINDS.map((kind) => [
      kind,
      {
        remove: client.prepare<[number]>(`delete from ${searchTable(kind)} where rowid = ?`),
        add: client.prepare<[number, number, string]>(
          `insert into ${searchTable(kind)} (rowid, record_id, body) values (?, ?, ?)`,
        ),
      },
    ]),
  ) as Record<SearchKind, { remove: Database.Statement<[number]>; add: Database.Statement<[number, number, string]> }>;
  return {
    texts,
    old: client.prepare<[SearchKind, number], { rowid: number }>(
      "select fts_rowid as rowid from search_rows where kind = ? and record_id = ?",
    ),
    removeRow: client.prepare<[SearchKind, number]>("delete from search_rows where kind = ? and record_id = ?"),
    addRow: client.prepare<[SearchKind, number, number]>(
      "insert into search_rows (kind, record_id, fts_rowid) values (?, ?, ?)",
    ),
  };
});

/** Replaces a record's row; search_rows says where the old one is (FTS5 indexes no other column). */
function write(db: Db, kind: SearchKind, id: number, body: string, date: string | null = null) {
  const statements = rowStatements(db);
  const old = statements.old.get(kind, id);
  if (old) {
    statements.texts[kind].remove.run(old.rowid);
    statements.removeRow.run(kind, id);
  }
  if (!body) return;
  const rowid = searchRowid(kind, id, date);
  statements.texts[kind].add.run(rowid, id, body);
  statements.addRow.run(kind, id, rowid);
}

const meetingStatements = perConnection((db) => {
  const id = sql.placeholder("id");
  return {
    meeting: db.select().from(meetings).where(eq(meetings.id, id)).prepare(),
    topicNames: db
      .select({ kk: topics.nameKk, ru: topics.nameRu, en: topics.nameEn })
      .from(meetingTopics)
      .innerJoin(topics, eq(topics.id, meetingTopics.topicId))
      .where(eq(meetingTopics.meetingId, id))
      .prepare(),
    sourceTexts: db
      .select({ outlet: sources.outlet, title: sources.title, text: sources.text })
      .from(meetingSources)
      .innerJoin(sources, eq(sources.id, meetingSources.sourceId))
      .where(eq(meetingSources.meetingId, id))
      .prepare(),
  };
});

/** A meeting's place, purpose, summary, topics (every language) and sources, folded. */
export function indexMeeting(db: Db, id: number) {
  const statements = meetingStatements(db);
  const meeting = statements.meeting.get({ id });
  if (!meeting) return removeFromSearch(db, "meeting", id);
  const topicNames = statements.topicNames.all({ id }).flatMap((t) => [t.kk, t.ru, t.en]);
  const sourceTexts = statements.sourceTexts.all({ id }).flatMap((s) => [s.outlet, s.title, s.text]);
  write(
    db,
    "meeting",
    id,
    fold([meeting.location, meeting.purpose, meeting.summary, ...topicNames, ...sourceTexts]),
    meeting.date,
  );
}

/** An initiative's titles in every language and its description, folded. */
export function indexInitiative(db: Db, id: number) {
  const initiative = db.select().from(initiatives).where(eq(initiatives.id, id)).get();
  if (!initiative) return removeFromSearch(db, "initiative", id);
  write(
    db,
    "initiative",
    id,
    fold([initiative.titleKk, initiative.titleRu, initiative.titleEn, initiative.description]),
  );
}

export function removeFromSearch(db: Db, kind: SearchKind, id: number) {
  write(db, kind, id, "");
}

const labelsIn = (pick: (strings: typeof en) => string) => [kk, ru, en].map((strings) => pick(strings as typeof en));

type RelationType = (typeof relations.$inferSelect)["type"];
/** A relation's kind as each language names it (kk, ru, en): indexed, and shown as a passage. */
export const relationTypeLabels = (type: RelationType) => labelsIn((s) => s.relation.types[type]);

/**
 * A partner's names in every form and its country's name in every language, so "Amman Jordan"
 * or "Амман Иордания" finds it.
 */
export function indexPartner(db: Db, id: number) {
  const partner = db.select().from(partners).where(eq(partners.id, id)).get();
  if (!partner) return removeFromSearch(db, "partner", id);
  const countries = LANGUAGES.map((lng) => countryName(partner.countryCode, lng));
  write(db, "partner", id, fold([partner.nameKk, partner.nameRu, partner.nameEn, partner.nameNative, ...countries]));
}

const partnerNames = (db: Db, id: number) => {
  const partner = db.select().from(partners).where(eq(partners.id, id)).get();
  return partner ? [partner.nameKk, partner.nameRu, partner.nameEn, partner.nameNative] : [];
};

const personNames = (db: Db, ids: number[]) =>
  ids.length
    ? db
        .select({ kk: people.nameKk, ru: people.nameRu, en: people.nameEn, native: people.nameNative })
        .from(people)
        .where(inArray(people.id, ids))
        .all()
        .flatMap((p) => [p.kk, p.ru, p.en, p.native])
        // "김민준" is found by "민준", as the person's name keys find it (db/shared/korean.ts).
        .flatMap((name) => (name ? [name, ...koreanGivenNames(name)] : []))
    : [];

/**
 * A relation's partner, kind (in every language) and note, and its steps' notes, sources and
 * signatories: what the partner page shows of it.
 */
export function indexRelation(db: Db, id: number) {
  const relation = db.select().from(relations).where(eq(relations.id, id)).get();
  if (!relation) return removeFromSearch(db, "relation", id);
  const steps = db
    .select()
    .from(relationSteps)
    .where(eq(relationSteps.relationId, id))
    .orderBy(asc(relationSteps.id))
    .all();
  const stepIds = steps.map((s) => s.id);
  const sourceIds = steps.flatMap((s) => (s.sourceId ? [s.sourceId] : []));
  const sourceTexts = sourceIds.length
    ? db
        .select()
        .from(sources)
        .where(inArray(sources.id, sourceIds))
        .all()
        .flatMap((s) => [s.outlet, s.title, s.text])
    : [];
  const signatories = stepIds.length
    ? db
        .select({ id: relationStepSignatories.personId })
        .from(relationStepSignatories)
        .where(inArray(relationStepSignatories.stepId, stepIds))
        .all()
        .map((r) => r.id)
    : [];
  write(
    db,
    "relation",
    id,
    fold([
      ...partnerNames(db, relation.partnerId),
      ...relationTypeLabels(relation.type),
      relation.note,
      ...steps.map((s) => s.note),
      ...sourceTexts,
      ...personNames(db, signatories),
    ]),
  );
}

/** A delegation's partner, purpose, organisation and the names of its leader and members. */
export function indexDelegation(db: Db, id: number) {
  const delegation = db.select().from(delegations).where(eq(delegations.id, id)).get();
  if (!delegation) return removeFromSearch(db, "delegation", id);
  const organisation = delegation.organisationId
    ? db.select().from(organisations).where(eq(organisations.id, delegation.organisationId)).get()
    : undefined;
  const members = db
    .select({ id: delegationMembers.personId })
    .from(delegationMembers)
    .where(eq(delegationMembers.delegationId, id))
    .all()
    .map((r) => r.id);
  write(
    db,
    "delegation",
    id,
    fold([
      ...partnerNames(db, delegation.partnerId),
      delegation.purpose,
      organisation?.nameKk,
      organisation?.nameRu,
      organisation?.nameEn,
      organisation?.nameNative,
      ...personNames(db, [...(delegation.leaderId ? [delegation.leaderId] : []), ...members]),
    ]),
  );
}

const INDEXERS: Record<SearchKind, (db: Db, id: number) => void> = {
  meeting: indexMeeting,
  initiative: indexInitiative,
  partner: indexPartner,
  relation: indexRelation,
  delegation: indexDelegation,
};

export type Touched = Array<{ type: string; id: number }>;

// Prepared once: every save asks it before it commits, and drizzle's sql`` was built and prepared anew each time.
const touchedQuery = perConnection((db) =>
  clientOf(db).prepare<[], Touched[number]>(
    "select record_type as type, record_id as id from pending_changes where record_type in ('partner', 'relation', 'delegation', 'person', 'organisation')",
  ),
);

/** The records a write touched (pending_changes) that the index holds or names. */
export function touchedForSearch(db: Db): Touched {
  return touchedQuery(db).all();
}

/** Whether the database has each kind's index yet (migration 0024). */
export function hasSearchIndexes(db: Db) {
  return (
    db.$client
      .prepare("select count(*) from sqlite_schema where type = 'table' and name = ?")
      .pluck()
      .get(searchTable("meeting")) === 1
  );
}

/**
 * Re-indexes the partners, relations and delegations a write touched, and those holding the
 * name of a person or organisation it touched, before it commits (writeTransaction): the
 * history's triggers mark every touched record in pending_changes, so every write path keeps
 * them found, those of today and those still to be written. (Meetings and initiatives are
 * indexed by the models that write them, where their texts are at hand.)
 */
export function reindexTouched(db: Db, touched = touchedForSearch(db)) {
  const ids = (type: string) => touched.filter((t) => t.type === type).map((t) => t.id);
  const people = ids("person");
  const organisations = ids("organisation");
  // A renamed partner, person or organisation: the relations and delegations that hold the name.
  const delegationIds = new Set(ids("delegation"));
  const relationIds = new Set(ids("relation"));
  if (people.length) {
    db.select({ id: delegations.id })
      .from(delegations)
      .where(inArray(delegations.leaderId, people))
      .all()
      .forEach((r) => delegationIds.add(r.id));
    db.select({ id: delegationMembers.delegationId })
      .from(delegationMembers)
      .where(inArray(delegationMembers.personId, people))
      .all()
      .forEach((r) => delegationIds.add(r.id));
    db.select({ id: relationSteps.relationId })
      .from(relationStepSignatories)
      .innerJoin(relationSteps, eq(relationSteps.id, relationStepSignatories.stepId))
      .where(inArray(relationStepSignatories.personId, people))
      .all()
      .forEach((r) => relationIds.add(r.id));
  }
  const partnerIds = ids("partner");
  if (partnerIds.length) {
    db.select({ id: relations.id })
      .from(relations)
      .where(inArray(relations.partnerId, partnerIds))
      .all()
      .forEach((r) => relationIds.add(r.id));
    db.select({ id: delegations.id })
      .from(delegations)
      .where(inArray(delegations.partnerId, partnerIds))
      .all()
      .forEach((r) => delegationIds.add(r.id));
  }
  if (organisations.length) {
    db.select({ id: delegations.id })
      .from(delegations)
      .where(inArray(delegations.organisationId, organisations))
      .all()
      .forEach((r) => delegationIds.add(r.id));
  }
  partnerIds.forEach((id) => indexPartner(db, id));
  relationIds.forEach((id) => indexRelation(db, id));
  delegationIds.forEach((id) => indexDelegation(db, id));
}

const TABLES = {
  meeting: meetings,
  initiative: initiatives,
  partner: partners,
  relation: relations,
  delegation: delegations,
} as const;

/** Indexes the records that are not in the index yet (demo data, old rows). */
export function backfillSearchText(db: Db) {
  let written = 0;
  for (const kind of SEARCH_KINDS) {
    const table = TABLES[kind];
    const ids = db
      .select({ id: table.id })
      .from(table)
      .where(sql`${table.id} not in (select record_id from search_rows where kind = ${kind})`)
      .all()
      .map((r) => r.id);
    ids.forEach((id) => INDEXERS[kind](db, id));
    written += ids.length;
  }
  return written;
}

/** A kind's index is merged when it has this many segments or more. */
export const MANY_SEGMENTS = 8;

/** How many segments (b-trees) a kind's FTS5 index is made of: one row of %_idx or more each. */
export function searchSegments(db: Db, kind: SearchKind): number {
  return db.$client
    .prepare(`select count(distinct segid) from ${searchTable(kind)}_idx`)
    .pluck()
    .get() as number;
}

/**
 * Merges each kind's index into one segment where MANY_SEGMENTS have piled up, a step of some
 * `pages` pages at a time: the caller runs the steps at once (on start) or with other work
 * between them (hourly, server.ts). Every write adds a segment and FTS5's own automerge keeps a
 * few a level, so the index of a file saved to for years, like the benchmark's (23), is read in
 * every one of them: a meetings query that found nothing cost 128 us in 23 segments and 23 in one
 * (issue 17, round 3). Merging rewrites the index (24 MB for 100,000 meetings, about a second),
 * so it waits for the segments to pile up rather than running after every write.
 *
 * FTS5's own incremental optimize: a negative 'merge' puts every segment on one level and
 * begins, positive ones go on, and a step that changes fewer than two rows did nothing
 * (sqlite.org/fts5.html, "The 'merge' Command").
 */
export function* searchIndexMerges(db: Db, pages = 64): Generator<SearchKind, void> {
  const client = db.$client;
  const changes = client.prepare("select total_changes()").pluck();
  for (const kind of SEARCH_KINDS) {
    if (searchSegments(db, kind) < MANY_SEGMENTS) continue;
    const table = searchTable(kind);
    const merge = client.prepare(`insert into ${table} (${table}, rank) values ('merge', ?)`);
    for (let budget = -pages; ;) {
      const before = changes.get() as number;
      merge.run(budget);
      const worked = (changes.get() as number) - before >= 2;
      if (!worked && budget < 0) break;
      budget = worked ? pages : -pages;
      yield kind;
    }
  }
}

/**
 * Empties the name keys and the full-text index when they were folded by another version of
 * foldForMatch, so that the backfills after it fold every record anew; says whether it did. The
 * version sits in the file's user_version (nothing else uses it), written in the same transaction,
 * so a database is never left stamped with keys folded otherwise.
 */
export function clearIfFoldedOtherwise(db: Db) {
  const stamp = db.get<{ user_version: number }>(sql`pragma user_version`)?.user_version ?? 0;
  if (stamp === FOLD_VERSION) return false;
  db.delete(nameKeys).run();
  emptySearchText(db);
  db.delete(searchRows).run();
  stampFoldVersion(db);
  return true;
}

function emptySearchText(db: Db) {
  for (const kind of SEARCH_KINDS) db.run(sql.raw(`delete from ${searchTable(kind)}`));
}

export function stampFoldVersion(db: Db) {
  db.run(sql.raw(`pragma user_version = ${FOLD_VERSION}`));
}

/** Rebuilds the whole index from the records: `npm run search:rebuild`. */
export function rebuildSearchText(db: Db) {
  emptySearchText(db);
  db.run(sql`delete from search_rows`);
  stampFoldVersion(db);
  return backfillSearchText(db);
}
