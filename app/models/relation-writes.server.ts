import { eq, sql } from "drizzle-orm";
import { writeTransaction } from "../../db/client";
import type { Actor } from "../../db/history";
import { partners, relations, relationStepSignatories, relationSteps, sources } from "../../db/schema";
import { getDb } from "~/db.server";
import type { RelationInput, RelationStepInput } from "~/forms/relation";
import { partialDateColumns } from "~/utils/partial-date";
import { resolvePerson, type Translate } from "./person-refs.server";

/** A relation with its first step, together. */
export function createRelation(partnerId: number, input: RelationInput, actor: Actor) {
  return writeTransaction(getDb(), actor, (db) => {
    const id = db.insert(relations).values({ partnerId, type: input.type, note: input.note ?? null }).returning({ id: relations.id }).get().id;
    db.insert(relationSteps).values({ relationId: id, status: input.status, ...partialDateColumns("date", input.date), note: input.stepNote ?? null }).run();
    return id;
  });
}

/** A dated step with who signed it and the document or report that says so, or field errors. */
export function addRelationStep(relationId: number, step: RelationStepInput, t: Translate, actor: Actor): { ok: true } | { ok: false; fieldErrors: Record<string, string[]> } {
  return writeTransaction(getDb(), actor, (db) => {
    const errors: Record<string, string[]> = {};
    const signatories: number[] = [];
    step.signatories.forEach((ref, index) => {
      const person = resolvePerson(db, ref, t);
      if ("error" in person) errors[`signatories[${index}].name`] = [person.error];
      else signatories.push(person.id);
    });
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    const sourceId =
      step.sourceOutlet || step.sourceTitle || step.sourceUrl
        ? db
            .insert(sources)
            .values({ outlet: step.sourceOutlet ?? null, title: step.sourceTitle ?? null, url: step.sourceUrl ?? null })
            .returning({ id: sources.id })
            .get().id
        : null;
    const stepId = db
      .insert(relationSteps)
      .values({ relationId, status: step.status, ...partialDateColumns("date", step.date), note: step.note ?? null, meetingId: step.meetingId ?? null, sourceId })
      .returning({ id: relationSteps.id })
      .get().id;
    const unique = [...new Set(signatories)];
    if (unique.length) db.insert(relationStepSignatories).values(unique.map((personId, position) => ({ stepId, personId, position }))).run();
    db.update(relations).set({ updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(eq(relations.id, relationId)).run();
    return { ok: true };
  });
}

/** The relation with the name of its partner, for the step form's heading. */
export function relationForStep(id: number) {
  const row = getDb()
    .select({ id: relations.id, type: relations.type, partnerId: relations.partnerId, partner: partners })
    .from(relations)
    .innerJoin(partners, eq(partners.id, relations.partnerId))
    .where(eq(relations.id, id))
    .get();
  return row ?? null;
}

/** A relation's steps are its own history and go with it. */
export function deleteRelation(id: number, actor: Actor) {
  writeTransaction(getDb(), actor, (db) => {
    db.delete(relations).where(eq(relations.id, id)).run();
  });
}
