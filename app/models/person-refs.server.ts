import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { nameKeys, people } from "../../db/schema";
import type { Language } from "~/i18n/config";
import { wholeNameKey } from "~/utils/fold";
import { typedName } from "~/utils/names";
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

/**
 * A new person from a name typed in a picker, inside the caller's transaction. Every form that
 * makes someone from a typed name comes here, so the name lands in the column of its script
 * (nameSlotOf), not of the interface it was typed in: "Бақыт Сұлтанов" typed in the English
 * interface is a Kazakh name. `lng` only places a name with no letters in it.
 */
export function addPersonFromTypedName(db: Db, name: string, lng: Language): number {
  const names = typedName(name.trim(), lng);
  return insertPerson(db, {
    nameKk: names.nameKk ?? undefined,
    nameRu: names.nameRu ?? undefined,
    nameEn: names.nameEn ?? undefined,
    nameNative: names.nameNative ?? undefined,
  });
}
