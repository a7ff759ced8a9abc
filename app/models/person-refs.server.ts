import { and, eq } from "drizzle-orm";
import type { Db } from "../../db/client";
import { nameKeys, people } from "../../db/schema";
import { wholeNameKey } from "~/utils/fold";

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
