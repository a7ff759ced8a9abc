import { and, asc, eq, sql, type SQL } from "drizzle-orm";
import { getDb } from "~/db.server";
import type { PersonInput, PostInput } from "~/forms/person";
import type { Language } from "~/i18n/config";
import { type Db } from "~db/client";
import type { Actor } from "~db/history";
import { writeNameKeys } from "~db/name-keys";
import { perConnection } from "~db/prepared";
import { nameKeys, people, posts } from "~db/schema";
import { foldForMatch, wholeNameKey } from "~db/shared/fold";
import { sortKeys, typedName, type MultilingualTitle } from "~db/shared/names";
import { comparePartialDates, partialDateColumns, UNKNOWN_DATE, type PartialDate } from "~db/shared/partial-date";
import { asDate } from "../sql.server";
import { writeTransaction } from "../writes.server";
import { personReferences } from "./read.server";
import { refusal, type FieldRefusals, type Refusal } from "../refusals";
import { organisationTyped } from "../organisations.server";
import { checkUnchanged } from "../record-versions.server";

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

/** A post whose body is known: picked on the form, or found by the name typed (resolvePosts). */
type PostRow = PostInput & { organisationId: number };

function postRows(personId: number, input: PostRow[]) {
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
export function insertPerson(db: Db, input: PersonNames & { posts?: PostRow[] }): number {
  const { names, values } = personNames(input);
  const id = db.insert(people).values(values).returning({ id: people.id }).get().id;
  if (input.posts?.length) db.insert(posts).values(postRows(id, input.posts)).run();
  writeNameKeys(db, "person", id, names);
  return id;
}

const postStatements = perConnection((db) => {
  const personId = sql.placeholder("personId");
  const inOrder = (where: SQL | undefined) => db.select().from(posts).where(where).orderBy(asc(posts.id)).prepare();
  return {
    atBody: inOrder(and(eq(posts.personId, personId), eq(posts.organisationId, sql.placeholder("organisationId")))),
    anywhere: inOrder(eq(posts.personId, personId)),
  };
});

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
  const statements = postStatements(db);
  const same = (
    held.organisationId
      ? statements.atBody.all({ personId, organisationId: held.organisationId })
      : statements.anywhere.all({ personId })
  ).find((post) => [post.titleKk, post.titleRu, post.titleEn].some((t) => t && typed.includes(foldForMatch(t))));
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

/** Each post's body: the one picked, or the one on file by the name typed; else a refusal beside it. */
function resolvePosts(db: Db, input: PostInput[], lng: Language) {
  const errors: FieldRefusals = {};
  const rows = input.map((post, index): PostRow => {
    const body = organisationTyped(db, { id: post.organisationId, name: post.organisationName }, lng);
    if (!body.ok) errors[`posts[${index}].organisationName`] = [body.refusal];
    return { ...post, organisationId: (body.ok && body.id) || 0 };
  });
  return { errors, rows };
}

export type PersonResult = { ok: true; id: number } | { ok: false; fieldErrors: FieldRefusals };

export function createPerson(input: PersonInput, actor: Actor, lng: Language = "en"): PersonResult {
  return writeTransaction(getDb(), actor, (db) => {
    const { errors, rows } = resolvePosts(db, input.posts, lng);
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    const id = insertPerson(db, { ...input, posts: rows });
    db.update(people).set(openDataColumns(input)).where(eq(people.id, id)).run();
    return { ok: true, id };
  });
}

/** What the person form says of the open data: a Wikidata id, and whether they may be named. */
const openDataColumns = (input: PersonInput) => ({
  wikidataId: input.wikidataId ?? null,
  isPublic: input.isPublic === true,
});

export function updatePerson(
  id: number,
  input: PersonInput,
  actor: Actor,
  lng: Language = "en",
  seen?: number,
): PersonResult {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "person", id, seen);
    const { errors, rows } = resolvePosts(db, input.posts, lng);
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    const { names, values } = personNames(input);
    db.update(people)
      .set({ ...values, ...openDataColumns(input), updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(eq(people.id, id))
      .run();
    // Posts are the person's own list, edited as a whole: nothing else refers to a post.
    db.delete(posts).where(eq(posts.personId, id)).run();
    if (rows.length) db.insert(posts).values(postRows(id, rows)).run();
    writeNameKeys(db, "person", id, names);
    return { ok: true, id };
  });
}

export function deletePerson(id: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "person", id, seen);
    const references = personReferences(id);
    if (Object.values(references).some((n) => n > 0)) return { deleted: false as const, references };
    db.delete(people).where(eq(people.id, id)).run();
    return { deleted: true as const, references };
  });
}

export type PersonRef = { personId?: number; name?: string };

/** Up to two people whose whole name, in any of its spellings, is `name`: one is a match, two are a choice. */
function peopleNamed(db: Db, name: string) {
  return db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "person"), eq(nameKeys.key, wholeNameKey(name))))
    .limit(2)
    .all()
    .map((row) => row.id);
}

/** Someone on file, or a name to add as a new person once the whole form is known to be good. */
export type PersonPlan = { id: number } | { create: string };

/**
 * As participants are found: picked by id, or typed; a typed name that matches one person is
 * them, one that matches none is a new person, one that matches several must be picked.
 */
export function planPerson(db: Db, ref: PersonRef): PersonPlan | { error: Refusal } {
  if (ref.personId)
    return db.select({ id: people.id }).from(people).where(eq(people.id, ref.personId)).get()
      ? { id: ref.personId }
      : { error: refusal("form.errors.notFound") };
  const name = ref.name ?? "";
  const ids = peopleNamed(db, name);
  if (ids.length === 1) return { id: ids[0] };
  return ids.length ? { error: refusal("form.errors.severalPeopleShort") } : { create: name };
}

/** The id of a planned person, adding them if they are new. */
export function personIdOf(db: Db, plan: PersonPlan, lng: Language) {
  return "id" in plan ? plan.id : insertTypedPerson(db, plan.create, lng);
}

/**
 * A new person from a name typed in a picker (a participant, a signatory), inside the caller's
 * transaction: the one place that decides which name field the typed name goes into. It is the
 * column of the name's script (nameSlotOf), not of the interface it was typed in: "Бақыт
 * Сұлтанов" typed in the English interface is a Kazakh name. `lng` only places a name with no
 * letters in it.
 */
export function insertTypedPerson(db: Db, name: string, lng: Language): number {
  const names = typedName(name.trim(), lng);
  return insertPerson(db, {
    nameKk: names.nameKk ?? undefined,
    nameRu: names.nameRu ?? undefined,
    nameEn: names.nameEn ?? undefined,
    nameNative: names.nameNative ?? undefined,
  });
}
