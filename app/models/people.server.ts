import { and, asc, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { type Db } from "~db/client";
import { writeTransaction } from "./writes.server";
import type { Actor } from "~db/history";
import { writeNameKeys } from "~db/name-keys";
import {
  delegationMembers,
  delegations,
  initiatives,
  meetingParticipants,
  nameKeys,
  organisations,
  partners,
  people,
  posts,
  relationStepSignatories,
} from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import type { PersonInput, PostInput } from "~/forms/person";
import { foldForMatch } from "~db/shared/fold";
import { localizedName, localizedTitle, sortKeys, type MultilingualTitle } from "~db/shared/names";
import { offsetOf, pageOf, PAGE_SIZE } from "~/utils/pagination";
import {
  comparePartialDates,
  partialDateColumns,
  partialDateFormValue,
  type PartialDate,
  UNKNOWN_DATE,
} from "~db/shared/partial-date";
import { asDate, byName, countOf } from "./shared.server";

const postFields = {
  id: posts.id,
  personId: posts.personId,
  titleKk: posts.titleKk,
  titleRu: posts.titleRu,
  titleEn: posts.titleEn,
  start: posts.start,
  startPrecision: posts.startPrecision,
  startApproximate: posts.startApproximate,
  end: posts.end,
  endPrecision: posts.endPrecision,
  endApproximate: posts.endApproximate,
  asOf: posts.asOf,
  asOfPrecision: posts.asOfPrecision,
  asOfApproximate: posts.asOfApproximate,
  organisationId: organisations.id,
  orgKk: organisations.nameKk,
  orgRu: organisations.nameRu,
  orgEn: organisations.nameEn,
  orgNative: organisations.nameNative,
};

function postsOf(personIds: number[], lng: Language) {
  if (personIds.length === 0) return [];
  return getDb()
    .select(postFields)
    .from(posts)
    .innerJoin(organisations, eq(organisations.id, posts.organisationId))
    .where(inArray(posts.personId, personIds))
    .all()
    .map((p) => ({
      id: p.id,
      personId: p.personId,
      title: localizedTitle(p, lng),
      start: asDate(p.start, p.startPrecision, p.startApproximate),
      end: asDate(p.end, p.endPrecision, p.endApproximate),
      asOf: asDate(p.asOf, p.asOfPrecision, p.asOfApproximate),
      organisation: {
        id: p.organisationId,
        name: localizedName({ nameKk: p.orgKk, nameRu: p.orgRu, nameEn: p.orgEn, nameNative: p.orgNative }, lng),
      },
    }))
    .sort((a, b) => comparePartialDates(latestKnown(b), latestKnown(a)) || b.id - a.id);
}

type Post = ReturnType<typeof postsOf>[number];

/** The latest day a post is known to have been held: its start, or a later "as of". */
function latestKnown(post: { start: PartialDate; asOf: PartialDate }): PartialDate {
  if (!post.asOf.value) return post.start;
  return post.start.value && comparePartialDates(post.start, post.asOf) > 0 ? post.start : post.asOf;
}

/**
 * The post a person holds now, as far as the record knows: of the posts with no end recorded,
 * the one known held latest (by its start or its "as of"), undated ones last. A post whose end
 * is known is over; when every post is over there is no current post. A post known only "as
 * of" a meeting is shown so ("as of 2016"), not as held now (issue 13.6).
 */
export function currentPost(personPosts: Post[]): Post | null {
  return personPosts.find((p) => p.end.value === null && p.end.precision === "unknown") ?? null;
}

/** People alphabetically; `organisationIds`: only those with a post in one of them. */
export function listPeople({
  lng,
  page,
  pageSize = PAGE_SIZE,
  organisationIds,
}: {
  lng: Language;
  page: number;
  pageSize?: number;
  organisationIds?: number[];
}) {
  const db = getDb();
  const where = organisationIds
    ? organisationIds.length
      ? inArray(
          people.id,
          db.select({ id: posts.personId }).from(posts).where(inArray(posts.organisationId, organisationIds)),
        )
      : sql`0`
    : undefined;
  const rows = db
    .select({
      id: people.id,
      nameKk: people.nameKk,
      nameRu: people.nameRu,
      nameEn: people.nameEn,
      nameNative: people.nameNative,
    })
    .from(people)
    .where(where)
    .orderBy(...byName(people, lng))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize))
    .all();
  const total = countOf(db.select({ count: count() }).from(people).where(where).get());
  const allPosts = postsOf(
    rows.map((r) => r.id),
    lng,
  );
  const items = rows.map((r) => ({
    id: r.id,
    name: localizedName(r, lng),
    post: currentPost(allPosts.filter((p) => p.personId === r.id)),
  }));
  return pageOf(items, total, page, pageSize);
}

export function getPerson(id: number, lng: Language) {
  const row = getDb().select().from(people).where(eq(people.id, id)).get();
  if (!row) return null;
  const personPosts = postsOf([id], lng);
  return {
    id: row.id,
    name: localizedName(row, lng),
    names: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn, native: row.nameNative },
    posts: personPosts,
    currentPost: currentPost(personPosts),
  };
}

/** People holding (or having held) posts in an organisation. */
export function peopleAt(organisationId: number, lng: Language, limit = 100) {
  const rows = getDb()
    .select({
      id: people.id,
      nameKk: people.nameKk,
      nameRu: people.nameRu,
      nameEn: people.nameEn,
      nameNative: people.nameNative,
      titleKk: posts.titleKk,
      titleRu: posts.titleRu,
      titleEn: posts.titleEn,
      start: posts.start,
      startPrecision: posts.startPrecision,
      startApproximate: posts.startApproximate,
      end: posts.end,
      endPrecision: posts.endPrecision,
      endApproximate: posts.endApproximate,
      asOf: posts.asOf,
      asOfPrecision: posts.asOfPrecision,
      asOfApproximate: posts.asOfApproximate,
    })
    .from(posts)
    .innerJoin(people, eq(people.id, posts.personId))
    .where(eq(posts.organisationId, organisationId))
    .orderBy(...byName(people, lng))
    .limit(limit)
    .all();
  // With the dates: three akims years apart are three "as of"s, not three current akims.
  return rows.map((r) => ({
    id: r.id,
    name: localizedName(r, lng),
    title: localizedTitle(r, lng),
    start: asDate(r.start, r.startPrecision, r.startApproximate),
    end: asDate(r.end, r.endPrecision, r.endApproximate),
    asOf: asDate(r.asOf, r.asOfPrecision, r.asOfApproximate),
  }));
}

type PersonNames = { nameKk?: string; nameRu?: string; nameEn?: string; nameNative?: string };

function personNames(input: PersonNames) {
  const names = {
    nameKk: input.nameKk ?? null,
    nameRu: input.nameRu ?? null,
    nameEn: input.nameEn ?? null,
    nameNative: input.nameNative ?? null,
  };
  return { names, values: { ...names, ...sortKeys(names) } };
}

function postRows(personId: number, input: PostInput[]) {
  return input.map((post) => ({
    personId,
    organisationId: post.organisationId,
    titleKk: post.titleKk ?? null,
    titleRu: post.titleRu ?? null,
    titleEn: post.titleEn ?? null,
    ...partialDateColumns("start", post.start),
    ...partialDateColumns("end", post.end),
    ...partialDateColumns("asOf", post.asOf),
  }));
}

/** Inserts a person with their posts inside the caller's transaction (the meeting form's too). */
export function insertPerson(db: Db, input: PersonNames & { posts?: PostInput[] }): number {
  const { names, values } = personNames(input);
  const id = db.insert(people).values(values).returning({ id: people.id }).get().id;
  if (input.posts?.length) db.insert(posts).values(postRows(id, input.posts)).run();
  writeNameKeys(db, "person", id, names);
  return id;
}

/**
 * What a meeting says of a participant's post: they held `title` on the meeting's date.
 * The same title again (in any of its languages, however spelt) is the same post: its "as of"
 * moves to the later date, so logging a person's meetings one after another makes no
 * duplicates; a post with a known end is left as it is. A new title makes a new post "as of"
 * that date, when the body is known. Inside the caller's transaction.
 */
export function recordPostHeld(
  db: Db,
  personId: number,
  held: { organisationId?: number; title: MultilingualTitle; on: PartialDate },
) {
  const typed = [held.title.titleKk, held.title.titleRu, held.title.titleEn]
    .filter((t): t is string => Boolean(t))
    .map(foldForMatch);
  if (typed.length === 0) return;
  const same = db
    .select()
    .from(posts)
    .where(
      held.organisationId
        ? and(eq(posts.personId, personId), eq(posts.organisationId, held.organisationId))
        : eq(posts.personId, personId),
    )
    .orderBy(asc(posts.id))
    .all()
    .find((post) => [post.titleKk, post.titleRu, post.titleEn].some((t) => t && typed.includes(foldForMatch(t))));
  if (same) {
    const ended = same.end !== null || same.endPrecision !== "unknown";
    const asOf = asDate(same.asOf, same.asOfPrecision, same.asOfApproximate);
    if (!ended && held.on.value && (!asOf.value || comparePartialDates(held.on, asOf) > 0)) {
      db.update(posts)
        .set({ ...partialDateColumns("asOf", held.on), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
        .where(eq(posts.id, same.id))
        .run();
    }
    return;
  }
  if (!held.organisationId) return;
  db.insert(posts)
    .values({
      personId,
      organisationId: held.organisationId,
      ...held.title,
      ...partialDateColumns("start", UNKNOWN_DATE),
      ...partialDateColumns("end", UNKNOWN_DATE),
      ...partialDateColumns("asOf", held.on),
    })
    .run();
}

export function createPerson(input: PersonInput, actor: Actor): number {
  return writeTransaction(getDb(), actor, (db) => insertPerson(db, input));
}

export function updatePerson(id: number, input: PersonInput, actor: Actor) {
  writeTransaction(getDb(), actor, (db) => {
    const { names, values } = personNames(input);
    db.update(people)
      .set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(eq(people.id, id))
      .run();
    // Posts are the person's own list, edited as a whole: nothing else refers to a post.
    db.delete(posts).where(eq(posts.personId, id)).run();
    if (input.posts.length) db.insert(posts).values(postRows(id, input.posts)).run();
    writeNameKeys(db, "person", id, names);
  });
}

export function personReferences(id: number) {
  const db = getDb();
  return {
    participations: countOf(
      db.select({ count: count() }).from(meetingParticipants).where(eq(meetingParticipants.personId, id)).get(),
    ),
    delegations:
      countOf(db.select({ count: count() }).from(delegations).where(eq(delegations.leaderId, id)).get()) +
      countOf(db.select({ count: count() }).from(delegationMembers).where(eq(delegationMembers.personId, id)).get()),
    initiatives: countOf(
      db.select({ count: count() }).from(initiatives).where(eq(initiatives.ownerPersonId, id)).get(),
    ),
    relations: countOf(
      db.select({ count: count() }).from(relationStepSignatories).where(eq(relationStepSignatories.personId, id)).get(),
    ),
  };
}

export function deletePerson(id: number, actor: Actor) {
  return writeTransaction(getDb(), actor, (db) => {
    const references = personReferences(id);
    if (Object.values(references).some((n) => n > 0)) return { deleted: false as const, references };
    db.delete(people).where(eq(people.id, id)).run();
    return { deleted: true as const, references };
  });
}

export function personForEdit(id: number) {
  const db = getDb();
  const row = db.select().from(people).where(eq(people.id, id)).get();
  if (!row) return null;
  return {
    nameKk: row.nameKk ?? undefined,
    nameRu: row.nameRu ?? undefined,
    nameEn: row.nameEn ?? undefined,
    nameNative: row.nameNative ?? undefined,
    posts: db
      .select()
      .from(posts)
      .where(eq(posts.personId, id))
      .orderBy(asc(posts.id))
      .all()
      .map((p) => ({
        organisationId: p.organisationId,
        titleKk: p.titleKk ?? undefined,
        titleRu: p.titleRu ?? undefined,
        titleEn: p.titleEn ?? undefined,
        start: partialDateFormValue(p.start, p.startPrecision, p.startApproximate),
        end: partialDateFormValue(p.end, p.endPrecision, p.endApproximate),
        asOf: partialDateFormValue(p.asOf, p.asOfPrecision, p.asOfApproximate),
      })),
  };
}

/**
 * People whose name (any form, any word from the second on) starts with what was typed,
 * however it was spelt: "нурп", "Nurp" and "НҰРП" all find Нұрпейісов. For the picker.
 */
export function searchPeople(query: string, lng: Language, limit = 8) {
  const key = foldForMatch(query);
  if (!key) return [];
  const db = getDb();
  const ids = db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "person"), gte(nameKeys.key, key), lt(nameKeys.key, `${key}\uffff`)))
    .limit(limit)
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return [];
  const rows = db
    .select()
    .from(people)
    .where(inArray(people.id, ids))
    .orderBy(...byName(people, lng))
    .all();
  const allPosts = postsOf(ids, lng);
  return rows.map((p) => {
    const post = currentPost(allPosts.filter((x) => x.personId === p.id));
    return {
      id: p.id,
      name: localizedName(p, lng),
      title: post?.title ?? null,
      organisation: post?.organisation.name ?? null,
    };
  });
}

/** People on our side (a post in a home-city body), for choosing an initiative's owner. */
export function homeSideChoices(lng: Language) {
  const rows = getDb()
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
    .from(posts)
    .innerJoin(people, eq(people.id, posts.personId))
    .innerJoin(organisations, eq(organisations.id, posts.organisationId))
    .innerJoin(partners, eq(partners.id, organisations.partnerId))
    .where(eq(partners.isHome, true))
    .orderBy(...byName(people, lng))
    .limit(1000)
    .all();
  return rows.map((p) => ({ value: p.id, label: localizedName(p, lng) }));
}

/** Each person's current post, for many people in one query. */
export function currentPosts(personIds: number[], lng: Language) {
  const all = postsOf(personIds, lng);
  return new Map(personIds.map((id) => [id, currentPost(all.filter((p) => p.personId === id))]));
}
