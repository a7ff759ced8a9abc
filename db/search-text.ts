import { eq, sql } from "drizzle-orm";
import { FOLD_VERSION, foldForMatch } from "../app/utils/fold";
import type { Db } from "./client";
import { initiatives, meetings, meetingSources, meetingTopics, nameKeys, searchRows, sources, topics } from "./schema";

export type SearchKind = "meeting" | "initiative";

const fold = (parts: Array<string | null | undefined>) => foldForMatch(parts.filter(Boolean).join(" \n "));

/**
 * A row's place in the index. FTS5 walks rowids in order and takes rowid ranges, so the rowid
 * says both the kind and the order results come in, and the newest matches come first without
 * sorting them all (a word in most of 100,000 meetings). Each kind's newest sit where FTS5 starts
 * cheaply: at the very end of the index going down, or at its very start going up. (Walking down
 * from the middle of a long list of rows makes FTS5 read all of that list first: 7 ms for a
 * common word, when the meetings were the lower range.)
 * - Meetings from 2^52 up, by their date (to the day, then the id; unknown dates as the oldest):
 *   read downwards from the end.
 * - Initiatives below, the newest (highest id) lowest: read upwards from the start.
 */
export const MEETING_ROWIDS = 2 ** 52;
const INITIATIVE_TOP = 2 ** 40;
const IDS = 2 ** 25;

export function searchRowid(kind: SearchKind, id: number, date: string | null = null) {
  if (kind === "initiative") return INITIATIVE_TOP - id;
  const day = date ? Number(date.slice(0, 10).replace(/-/g, "")) : 0;
  return MEETING_ROWIDS + day * IDS + id;
}

/** Replaces a record's row; search_rows says where the old one is (FTS5 indexes no other column). */
function write(db: Db, kind: SearchKind, id: number, body: string, date: string | null = null) {
  const old = db.get<{ rowid: number } | undefined>(sql`select fts_rowid as rowid from search_rows where kind = ${kind} and record_id = ${id}`);
  if (old) {
    db.run(sql`delete from search_text where rowid = ${old.rowid}`);
    db.run(sql`delete from search_rows where kind = ${kind} and record_id = ${id}`);
  }
  if (!body) return;
  const rowid = searchRowid(kind, id, date);
  db.run(sql`insert into search_text (rowid, kind, record_id, body) values (${rowid}, ${kind}, ${id}, ${body})`);
  db.run(sql`insert into search_rows (kind, record_id, fts_rowid) values (${kind}, ${id}, ${rowid})`);
}

/** A meeting's place, purpose, summary, topics (every language) and sources, folded. */
export function indexMeeting(db: Db, id: number) {
  const meeting = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!meeting) return removeFromSearch(db, "meeting", id);
  const topicNames = db
    .select({ kk: topics.nameKk, ru: topics.nameRu, en: topics.nameEn })
    .from(meetingTopics)
    .innerJoin(topics, eq(topics.id, meetingTopics.topicId))
    .where(eq(meetingTopics.meetingId, id))
    .all()
    .flatMap((t) => [t.kk, t.ru, t.en]);
  const sourceTexts = db
    .select({ outlet: sources.outlet, title: sources.title, text: sources.text })
    .from(meetingSources)
    .innerJoin(sources, eq(sources.id, meetingSources.sourceId))
    .where(eq(meetingSources.meetingId, id))
    .all()
    .flatMap((s) => [s.outlet, s.title, s.text]);
  write(db, "meeting", id, fold([meeting.location, meeting.purpose, meeting.summary, ...topicNames, ...sourceTexts]), meeting.date);
}

/** An initiative's titles in every language and its description, folded. */
export function indexInitiative(db: Db, id: number) {
  const initiative = db.select().from(initiatives).where(eq(initiatives.id, id)).get();
  if (!initiative) return removeFromSearch(db, "initiative", id);
  write(db, "initiative", id, fold([initiative.titleKk, initiative.titleRu, initiative.titleEn, initiative.description]));
}

export function removeFromSearch(db: Db, kind: SearchKind, id: number) {
  write(db, kind, id, "");
}

/** Indexes the meetings and initiatives that are not in the index yet (demo data, old rows). */
export function backfillSearchText(db: Db) {
  const missing = (kind: SearchKind, table: typeof meetings | typeof initiatives) =>
    db
      .select({ id: table.id })
      .from(table)
      .where(sql`${table.id} not in (select record_id from search_rows where kind = ${kind})`)
      .all()
      .map((r) => r.id);
  const meetingIds = missing("meeting", meetings);
  const initiativeIds = missing("initiative", initiatives);
  meetingIds.forEach((id) => indexMeeting(db, id));
  initiativeIds.forEach((id) => indexInitiative(db, id));
  return meetingIds.length + initiativeIds.length;
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
  db.run(sql`delete from search_text`);
  db.delete(searchRows).run();
  stampFoldVersion(db);
  return true;
}

export function stampFoldVersion(db: Db) {
  db.run(sql.raw(`pragma user_version = ${FOLD_VERSION}`));
}

/** Rebuilds the whole index from the records: `npm run search:rebuild`. */
export function rebuildSearchText(db: Db) {
  db.run(sql`delete from search_text`);
  db.run(sql`delete from search_rows`);
  stampFoldVersion(db);
  return backfillSearchText(db);
}

