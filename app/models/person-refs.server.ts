import { and, eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { nameKeys, people } from "~db/schema";
import type { Language } from "~/i18n/config";
import { wholeNameKey } from "~db/shared/fold";
import { typedName } from "~db/shared/names";
import { insertPerson } from "./people.server";

export type Translate = (key: string, options?: Record<string, unknown>) => string;
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

/** A person on file by id, or by a name that matches exactly one of them. */
export function resolvePerson(db: Db, ref: PersonRef, t: Translate): { id: number } | { error: string } {
  if (ref.personId) {
    return db.select({ id: people.id }).from(people).where(eq(people.id, ref.personId)).get()
      ? { id: ref.personId }
      : { error: t("form.errors.notFound") };
  }
  const ids = peopleNamed(db, ref.name ?? "");
  if (ids.length === 1) return { id: ids[0] };
  return { error: t(ids.length ? "form.errors.severalPeopleShort" : "form.errors.personNotOnFile") };
}

/** Someone on file, or a name to add as a new person once the whole form is known to be good. */
export type PersonPlan = { id: number } | { create: string };

/**
 * As participants are found: picked by id, or typed; a typed name that matches one person is
 * them, one that matches none is a new person, one that matches several must be picked.
 */
export function planPerson(db: Db, ref: PersonRef, t: Translate): PersonPlan | { error: string } {
  if (ref.personId)
    return db.select({ id: people.id }).from(people).where(eq(people.id, ref.personId)).get()
      ? { id: ref.personId }
      : { error: t("form.errors.notFound") };
  const name = ref.name ?? "";
  const ids = peopleNamed(db, name);
  if (ids.length === 1) return { id: ids[0] };
  return ids.length ? { error: t("form.errors.severalPeopleShort") } : { create: name };
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
