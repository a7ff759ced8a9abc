import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { offsetOf, PAGE_SIZE, pageOf } from "~/utils/pagination";
import {
  delegationMembers,
  delegations,
  initiatives,
  meetingParticipants,
  organisations,
  partners,
  people,
  posts,
  relationStepSignatories,
} from "~db/schema";
import { localizedName, localizedTitle } from "~db/shared/names";
import { comparePartialDates, knownOnlyAsOf, partialDateFormValue, type PartialDate } from "~db/shared/partial-date";
import { sayAsOf } from "~/i18n/said-dates.server";
import { byName, countOf, idsNamedFrom, namesOf, partialDateOf, titlesOf } from "../sql.server";

/** A post's title in every language and its three partial dates (held from, until, as of). */
const postColumns = {
  ...titlesOf(posts),
  start: partialDateOf(posts, "start"),
  end: partialDateOf(posts, "end"),
  asOf: partialDateOf(posts, "asOf"),
};

const postFields = {
  id: posts.id,
  personId: posts.personId,
  ...postColumns,
  organisationId: organisations.id,
  org: namesOf(organisations),
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
      start: p.start,
      end: p.end,
      asOf: p.asOf,
      organisation: {
        id: p.organisationId,
        name: localizedName(p.org, lng),
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
  ids,
}: {
  lng: Language;
  page: number;
  pageSize?: number;
  organisationIds?: number[];
  // Only these people (the import's check of the rows a file names by id).
  ids?: number[];
}) {
  const db = getDb();
  const byPost = organisationIds
    ? organisationIds.length
      ? inArray(
          people.id,
          db.select({ id: posts.personId }).from(posts).where(inArray(posts.organisationId, organisationIds)),
        )
      : sql`0`
    : undefined;
  const where = ids ? and(byPost, inArray(people.id, ids)) : byPost;
  const rows = db
    .select({
      id: people.id,
      ...namesOf(people),
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
  const items = rows.map((r) => {
    const own = allPosts.filter((p) => p.personId === r.id);
    return {
      id: r.id,
      name: localizedName(r, lng),
      names: { kk: r.nameKk, ru: r.nameRu, en: r.nameEn, native: r.nameNative },
      post: currentPost(own),
      posts: own,
    };
  });
  return pageOf(items, total, page, pageSize);
}

/**
 * A page of people as the list shows them: each name and current post, a post known only "as of"
 * a day with that day in the reader's words; not every name and post of each, nor the code to
 * word a date, as the page shipped before (issue 17). Exports and imports read listPeople itself.
 */
export function personLines(list: ReturnType<typeof listPeople>, lng: Language) {
  return {
    ...list,
    items: list.items.map(({ id, name, post }) => ({
      id,
      name,
      post: post && {
        title: post.title,
        organisation: post.organisation.name,
        asOf: knownOnlyAsOf(post) ? sayAsOf(post.asOf, lng) : null,
      },
    })),
  };
}

export function getPerson(id: number, lng: Language) {
  const row = getDb().select().from(people).where(eq(people.id, id)).get();
  if (!row) return null;
  const personPosts = postsOf([id], lng);
  return {
    id: row.id,
    name: localizedName(row, lng),
    names: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn, native: row.nameNative },
    wikidataId: row.wikidataId,
    isPublic: row.isPublic,
    posts: personPosts,
    currentPost: currentPost(personPosts),
  };
}

/** People holding (or having held) posts in an organisation. */
export function peopleAt(organisationId: number, lng: Language, limit = 100) {
  const rows = getDb()
    .select({
      id: people.id,
      ...namesOf(people),
      ...postColumns,
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
    start: r.start,
    end: r.end,
    asOf: r.asOf,
  }));
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

export function personForEdit(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(people).where(eq(people.id, id)).get();
  if (!row) return null;
  return {
    nameKk: row.nameKk ?? undefined,
    nameRu: row.nameRu ?? undefined,
    nameEn: row.nameEn ?? undefined,
    nameNative: row.nameNative ?? undefined,
    wikidataId: row.wikidataId ?? undefined,
    isPublic: row.isPublic || undefined,
    posts: db
      .select({ post: posts, organisation: namesOf(organisations) })
      .from(posts)
      .innerJoin(organisations, eq(organisations.id, posts.organisationId))
      .where(eq(posts.personId, id))
      .orderBy(asc(posts.id))
      .all()
      .map(({ post: p, organisation }) => ({
        organisationId: p.organisationId,
        organisationName: localizedName(organisation, lng),
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
  const db = getDb();
  const ids = idsNamedFrom(db, "person", query, limit);
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
    const title = post?.title ?? null;
    // The detail tells namesakes apart: "Title · Body".
    const detail = [title, post?.organisation.name].filter(Boolean).join(" · ") || null;
    return { id: p.id, name: localizedName(p, lng), title, detail };
  });
}

/** People on our side (a post in a home-city body), for choosing an initiative's owner. */
export function homeSideChoices(lng: Language) {
  const rows = getDb()
    .selectDistinct({
      id: people.id,
      ...namesOf(people),
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
