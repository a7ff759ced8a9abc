import { count, eq, inArray } from "drizzle-orm";
import { organisations, people, posts } from "../../db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { localizedName, localizedTitle } from "~/utils/names";
import { offsetOf, pageOf, PAGE_SIZE } from "~/utils/pagination";
import { comparePartialDates } from "~/utils/partial-date";
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
      organisation: {
        id: p.organisationId,
        name: localizedName({ nameKk: p.orgKk, nameRu: p.orgRu, nameEn: p.orgEn, nameNative: p.orgNative }, lng),
      },
    }))
    .sort((a, b) => comparePartialDates(b.start, a.start) || b.id - a.id);
}

type Post = ReturnType<typeof postsOf>[number];

/**
 * The post a person holds now: one with no end recorded, the latest started first. A post whose
 * end is known is over; when every post is over there is no current post.
 */
export function currentPost(personPosts: Post[]): Post | null {
  return personPosts.find((p) => p.end.value === null && p.end.precision === "unknown") ?? null;
}

export function listPeople({ lng, page, pageSize = PAGE_SIZE }: { lng: Language; page: number; pageSize?: number }) {
  const db = getDb();
  const rows = db
    .select({ id: people.id, nameKk: people.nameKk, nameRu: people.nameRu, nameEn: people.nameEn, nameNative: people.nameNative })
    .from(people)
    .orderBy(...byName(people, lng))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize))
    .all();
  const total = countOf(db.select({ count: count() }).from(people).get());
  const allPosts = postsOf(rows.map((r) => r.id), lng);
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
    })
    .from(posts)
    .innerJoin(people, eq(people.id, posts.personId))
    .where(eq(posts.organisationId, organisationId))
    .orderBy(...byName(people, lng))
    .limit(limit)
    .all();
  return rows.map((r) => ({ id: r.id, name: localizedName(r, lng), title: localizedTitle(r, lng) }));
}
