import { eq, sql } from "drizzle-orm";
import { writeTransaction } from "../../db/client";
import { partners, relations, relationSteps } from "../../db/schema";
import { getDb } from "~/db.server";
import type { RelationInput, RelationStepInput } from "~/forms/relation";
import { partialDateColumns } from "~/utils/partial-date";

/** A relation with its first step, together. */
export function createRelation(partnerId: number, input: RelationInput) {
  return writeTransaction(getDb(), (db) => {
    const id = db.insert(relations).values({ partnerId, type: input.type, note: input.note ?? null }).returning({ id: relations.id }).get().id;
    db.insert(relationSteps).values({ relationId: id, status: input.status, ...partialDateColumns("date", input.date), note: input.stepNote ?? null }).run();
    return id;
  });
}

export function addRelationStep(relationId: number, step: RelationStepInput) {
  writeTransaction(getDb(), (db) => {
    db.insert(relationSteps)
      .values({ relationId, status: step.status, ...partialDateColumns("date", step.date), note: step.note ?? null, meetingId: step.meetingId ?? null })
      .run();
    db.update(relations).set({ updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(eq(relations.id, relationId)).run();
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
export function deleteRelation(id: number) {
  writeTransaction(getDb(), (db) => {
    db.delete(relations).where(eq(relations.id, id)).run();
  });
}
