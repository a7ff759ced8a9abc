import { eq, sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import type { RelationFieldsInput, RelationInput, RelationStepInput } from "~/forms/relation";
import type { Language } from "~/i18n/config";
import { removeOrphanSources } from "../meetings/write.server";
import { personIdOf, planPerson, type PersonPlan } from "../people/write.server";
import { writeTransaction } from "../writes.server";
import { type Db } from "~db/client";
import type { Actor } from "~db/history";
import { meetings, relationStepSignatories, relationSteps, relations, sources } from "~db/schema";
import { wholeNameKey } from "~db/shared/fold";
import { partialDateColumns } from "~db/shared/partial-date";
import { refusal, type FieldRefusals } from "../refusals";
import { checkUnchanged } from "../record-versions.server";

export type RelationWriteResult = { ok: true; id: number } | { ok: false; fieldErrors: FieldRefusals };

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/** What a step's form says besides its status and date, as the step table and its children hold it. */
type StepParts = Pick<RelationStepInput, "signatories" | "sourceOutlet" | "sourceTitle" | "sourceUrl">;

/** Finds every signatory (or plans a new person) before anything is written. */
export function planSignatories(db: Db, step: StepParts) {
  const errors: FieldRefusals = {};
  const plans: PersonPlan[] = [];
  step.signatories.forEach((ref, index) => {
    const plan = planPerson(db, ref);
    if ("error" in plan) errors[`signatories[${index}].name`] = [plan.error];
    else plans.push(plan);
  });
  return { errors, plans };
}

function writeSignatories(db: Db, stepId: number, plans: PersonPlan[], lng: Language) {
  db.delete(relationStepSignatories).where(eq(relationStepSignatories.stepId, stepId)).run();
  // One new name typed twice on the form is one new person.
  const made = new Map<string, number>();
  const idOf = (plan: PersonPlan) => {
    if ("id" in plan) return plan.id;
    const key = wholeNameKey(plan.create);
    if (!made.has(key)) made.set(key, personIdOf(db, plan, lng));
    return made.get(key)!;
  };
  const ids = [...new Set(plans.map(idOf))];
  if (ids.length)
    db.insert(relationStepSignatories)
      .values(ids.map((personId, position) => ({ stepId, personId, position })))
      .run();
}

/**
 * The step's source as the form gives it: the one it has if unchanged, otherwise a new row (the
 * history keeps each version's own source, so an older version can be brought back whole).
 */
function sourceFor(db: Db, step: StepParts, current: number | null) {
  const wanted = { outlet: step.sourceOutlet ?? null, title: step.sourceTitle ?? null, url: step.sourceUrl ?? null };
  if (!wanted.outlet && !wanted.title && !wanted.url) return null;
  if (current) {
    const had = db
      .select({ outlet: sources.outlet, title: sources.title, url: sources.url })
      .from(sources)
      .where(eq(sources.id, current))
      .get();
    if (had && had.outlet === wanted.outlet && had.title === wanted.title && had.url === wanted.url) return current;
  }
  return db.insert(sources).values(wanted).returning({ id: sources.id }).get().id;
}

function meetingMissing(db: Db, meetingId: number | undefined) {
  return Boolean(meetingId && !db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, meetingId)).get());
}

/** A relation with its first step, its signatories and its source, together. */
export function createRelation(
  partnerId: number,
  input: RelationInput,
  lng: Language,
  actor: Actor,
): RelationWriteResult {
  return writeTransaction(getDb(), actor, (db) => {
    const { errors, plans } = planSignatories(db, input);
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    return { ok: true, id: insertRelation(db, partnerId, input, plans, lng) };
  });
}

/**
 * A relation and its first step, inside the caller's write transaction, its signatories planned
 * (planSignatories) without errors: what the relation form writes, and the partners import.
 */
export function insertRelation(db: Db, partnerId: number, input: RelationInput, plans: PersonPlan[], lng: Language) {
  const id = db
    .insert(relations)
    .values({ partnerId, type: input.type, note: input.note ?? null })
    .returning({ id: relations.id })
    .get().id;
  const stepId = db
    .insert(relationSteps)
    .values({
      relationId: id,
      status: input.status,
      ...partialDateColumns("date", input.date),
      note: input.stepNote ?? null,
      sourceId: sourceFor(db, input, null),
    })
    .returning({ id: relationSteps.id })
    .get().id;
  writeSignatories(db, stepId, plans, lng);
  return id;
}

/** The relation's own fields (its kind and note); its steps are corrected one by one. */
export function updateRelation(id: number, input: RelationFieldsInput, actor: Actor, seen?: number) {
  writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "relation", id, seen);
    db.update(relations)
      .set({ type: input.type, note: input.note ?? null, updatedAt: now })
      .where(eq(relations.id, id))
      .run();
  });
}

/** A dated step with who signed it and the document or report that says so, or field errors. */
export function addRelationStep(
  relationId: number,
  step: RelationStepInput,
  lng: Language,
  actor: Actor,
): RelationWriteResult {
  return saveRelationStep(relationId, undefined, step, lng, actor);
}

/** Corrects a step: its status, date, note, meeting, signatories and source. */
export function updateRelationStep(
  relationId: number,
  stepId: number,
  step: RelationStepInput,
  lng: Language,
  actor: Actor,
  seen?: number,
): RelationWriteResult {
  return saveRelationStep(relationId, stepId, step, lng, actor, seen);
}

function saveRelationStep(
  relationId: number,
  stepId: number | undefined,
  step: RelationStepInput,
  lng: Language,
  actor: Actor,
  seen?: number,
): RelationWriteResult {
  return writeTransaction(getDb(), actor, (db) => {
    // A step is part of its relation's record: its version is the relation's.
    checkUnchanged(db, "relation", relationId, seen);
    const { errors, plans } = planSignatories(db, step);
    if (meetingMissing(db, step.meetingId)) errors.meetingId = [refusal("form.errors.notFound")];
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    return { ok: true, id: writeRelationStep(db, relationId, stepId, step, plans, lng) };
  });
}

/**
 * A step added (no stepId) or corrected, inside the caller's write transaction, its signatories
 * planned and its meeting checked: what the step form writes, and the partners import.
 */
export function writeRelationStep(
  db: Db,
  relationId: number,
  stepId: number | undefined,
  step: RelationStepInput,
  plans: PersonPlan[],
  lng: Language,
) {
  const oldSource = stepId
    ? (db.select({ sourceId: relationSteps.sourceId }).from(relationSteps).where(eq(relationSteps.id, stepId)).get()
        ?.sourceId ?? null)
    : null;
  const values = {
    status: step.status,
    ...partialDateColumns("date", step.date),
    note: step.note ?? null,
    meetingId: step.meetingId ?? null,
    sourceId: sourceFor(db, step, oldSource),
  };
  const id = stepId
    ? (db
        .update(relationSteps)
        .set({ ...values, updatedAt: now })
        .where(eq(relationSteps.id, stepId))
        .run(),
      stepId)
    : db
        .insert(relationSteps)
        .values({ relationId, ...values })
        .returning({ id: relationSteps.id })
        .get().id;
  writeSignatories(db, id, plans, lng);
  if (oldSource && oldSource !== values.sourceId) removeOrphanSources(db, [oldSource]);
  db.update(relations).set({ updatedAt: now }).where(eq(relations.id, relationId)).run();
  return id;
}

/**
 * Deletes one step. The only step is kept: a relation begins with its first step, so it is the
 * relation that is deleted then.
 */
export function deleteRelationStep(relationId: number, stepId: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "relation", relationId, seen);
    const steps = db
      .select({ id: relationSteps.id, sourceId: relationSteps.sourceId })
      .from(relationSteps)
      .where(eq(relationSteps.relationId, relationId))
      .all();
    const step = steps.find((s) => s.id === stepId);
    if (!step || steps.length < 2) return { deleted: false as const, onlyStep: steps.length < 2 };
    db.delete(relationSteps).where(eq(relationSteps.id, stepId)).run();
    if (step.sourceId) removeOrphanSources(db, [step.sourceId]);
    db.update(relations).set({ updatedAt: now }).where(eq(relations.id, relationId)).run();
    return { deleted: true as const };
  });
}

/** A relation's steps are its own history and go with it. */
export function deleteRelation(id: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "relation", id, seen);
    db.delete(relations).where(eq(relations.id, id)).run();
    return { deleted: true as const };
  });
}
