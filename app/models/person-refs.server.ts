import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { nameKeys, people } from "../../db/schema";
import type { Language } from "~/i18n/config";
import { wholeNameKey } from "~/utils/fold";
import type { PostInput } from "~/forms/person";
import { insertPerson } from "./people.server";

export type Translate = (key: string, options?: Record<string, unknown>) => string;
export type PersonRef = { personId?: number; name?: string };

/** A person on file by id, or by a name that matches exactly one of them. */
export function resolvePerson(db: Db, ref: PersonRef, t: Translate): { id: number } | { error: string } {
  if (ref.personId) {
    return db.select({ id: people.id }).from(people).where(eq(people.id, ref.personId)).get() ? { id: ref.personId } : { error: t("form.errors.notFound") };
  }
  const ids = db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "person"), eq(nameKeys.key, wholeNameKey(ref.name ?? ""))))
    .limit(2)
    .all();
  if (ids.length === 1) return { id: ids[0].id };
  return { error: t(ids.length ? "form.errors.severalPeopleShort" : "form.errors.personNotOnFile") };
}

/** Someone on file, or a name to add as a new person once the whole form is known to be good. */
export type PersonPlan = { id: number } | { create: string };

/**
 * As participants are found: picked by id, or typed; a typed name that matches one person is
 * them, one that matches none is a new person, one that matches several must be picked.
 */
export function planPerson(db: Db, ref: PersonRef, t: Translate): PersonPlan | { error: string } {
  if (ref.personId) return db.select({ id: people.id }).from(people).where(eq(people.id, ref.personId)).get() ? { id: ref.personId } : { error: t("form.errors.notFound") };
  const name = ref.name ?? "";
  const ids = db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "person"), eq(nameKeys.key, wholeNameKey(name))))
    .limit(2)
    .all();
  if (ids.length === 1) return { id: ids[0].id };
  return ids.length ? { error: t("form.errors.severalPeopleShort") } : { create: name };
}

/** The id of a planned person, adding them if they are new. */
export function personIdOf(db: Db, plan: PersonPlan, lng: Language) {
  return "id" in plan ? plan.id : insertTypedPerson(db, plan.create, lng);
}

/**
 * A new person from a name typed in a form (a participant, a signatory): the one place that
 * decides which of the person's name fields the typed name goes into.
 */
export function insertTypedPerson(db: Db, name: string, lng: Language, posts: PostInput[] = []) {
  return insertPerson(db, {
    nameKk: lng === "kk" ? name : undefined,
    nameRu: lng === "ru" ? name : undefined,
    nameEn: lng === "en" ? name : undefined,
    posts,
  });
}
