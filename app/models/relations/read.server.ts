import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import { partialDateOf } from "../sql.server";
import { currentRelationStatus, orderSteps, type RelationStatus } from "~/utils/relation-status";
import { partners, people, relationStepSignatories, relationSteps, relations, sources } from "~db/schema";
import { localizedName } from "~db/shared/names";
import type { PartialDate } from "~db/shared/partial-date";
import { partialDateFormValue } from "~db/shared/partial-date";

type RelationType = (typeof relations.$inferSelect)["type"];

export type RelationStep = {
  id: number;
  status: (typeof relationSteps.$inferSelect)["status"];
  date: PartialDate;
  note: string | null;
  meetingId: number | null;
  sourceId: number | null;
  source: { id: number; outlet: string | null; title: string | null; url: string | null } | null;
  signatories: Array<{ id: number; name: string }>;
};

/** Each partner's relations with their steps in order and the status they lead to. */
export function relationsOf(partnerIds: number[], lng: Language) {
  const byPartner = new Map<
    number,
    Array<{ id: number; type: RelationType; note: string | null; steps: RelationStep[]; status: RelationStatus | null }>
  >();
  if (partnerIds.length === 0) return byPartner;
  const db = getDb();
  const relationRows = db
    .select({ id: relations.id, partnerId: relations.partnerId, type: relations.type, note: relations.note })
    .from(relations)
    .where(inArray(relations.partnerId, partnerIds))
    .orderBy(asc(relations.id))
    .all();
  const stepRows = relationRows.length
    ? db
        .select({
          id: relationSteps.id,
          relationId: relationSteps.relationId,
          status: relationSteps.status,
          date: partialDateOf(relationSteps, "date"),
          note: relationSteps.note,
          meetingId: relationSteps.meetingId,
          sourceId: relationSteps.sourceId,
        })
        .from(relationSteps)
        .where(
          inArray(
            relationSteps.relationId,
            relationRows.map((r) => r.id),
          ),
        )
        .all()
    : [];
  const stepIds = stepRows.map((s) => s.id);
  const signatories = stepIds.length
    ? db
        .select({ stepId: relationStepSignatories.stepId, person: people })
        .from(relationStepSignatories)
        .innerJoin(people, eq(people.id, relationStepSignatories.personId))
        .where(inArray(relationStepSignatories.stepId, stepIds))
        .orderBy(asc(relationStepSignatories.position))
        .all()
    : [];
  const sourceIds = stepRows.flatMap((s) => (s.sourceId ? [s.sourceId] : []));
  const stepSources = new Map(
    sourceIds.length
      ? db
          .select({ id: sources.id, outlet: sources.outlet, title: sources.title, url: sources.url })
          .from(sources)
          .where(inArray(sources.id, sourceIds))
          .all()
          .map((src) => [src.id, src])
      : [],
  );
  for (const relation of relationRows) {
    const steps = orderSteps(
      stepRows
        .filter((s) => s.relationId === relation.id)
        .map((s) => ({
          id: s.id,
          status: s.status,
          date: s.date,
          note: s.note,
          meetingId: s.meetingId,
          sourceId: s.sourceId,
          source: s.sourceId ? (stepSources.get(s.sourceId) ?? null) : null,
          signatories: signatories
            .filter((x) => x.stepId === s.id)
            .map((x) => ({ id: x.person.id, name: localizedName(x.person, lng) })),
        })),
    );
    const list = byPartner.get(relation.partnerId) ?? [];
    list.push({
      id: relation.id,
      type: relation.type,
      note: relation.note,
      steps,
      status: currentRelationStatus(steps),
    });
    byPartner.set(relation.partnerId, list);
  }
  return byPartner;
}

/** The relation with the name of its partner, for the forms' headings. */
export function relationForStep(id: number) {
  const row = getDb()
    .select({
      id: relations.id,
      type: relations.type,
      note: relations.note,
      partnerId: relations.partnerId,
      partner: partners,
    })
    .from(relations)
    .innerJoin(partners, eq(partners.id, relations.partnerId))
    .where(eq(relations.id, id))
    .get();
  return row ?? null;
}

/** A relation's steps in the order of their dates, each as a line that tells it from the others. */
export function relationStepsOf(relationId: number) {
  return getDb()
    .select({
      id: relationSteps.id,
      status: relationSteps.status,
      date: partialDateOf(relationSteps, "date"),
    })
    .from(relationSteps)
    .where(eq(relationSteps.relationId, relationId))
    .orderBy(sql`${relationSteps.date} is null`, asc(relationSteps.date), asc(relationSteps.id))
    .all()
    .map((s) => ({ id: s.id, status: s.status, date: s.date }));
}

/** One step of a relation as its edit form starts, with the signatories' names as the pickers show them. */
export function relationStepForEdit(relationId: number, stepId: number, lng: Language) {
  const db = getDb();
  const step = db
    .select()
    .from(relationSteps)
    .where(and(eq(relationSteps.id, stepId), eq(relationSteps.relationId, relationId)))
    .get();
  if (!step) return null;
  const signatories = db
    .select({ person: people })
    .from(relationStepSignatories)
    .innerJoin(people, eq(people.id, relationStepSignatories.personId))
    .where(eq(relationStepSignatories.stepId, stepId))
    .orderBy(asc(relationStepSignatories.position))
    .all();
  const source = step.sourceId ? db.select().from(sources).where(eq(sources.id, step.sourceId)).get() : undefined;
  return {
    status: step.status,
    date: partialDateFormValue(step.date, step.datePrecision, step.dateApproximate),
    note: step.note ?? undefined,
    meetingId: step.meetingId ?? undefined,
    signatories: signatories.map(({ person }) => ({ personId: person.id, name: localizedName(person, lng) })),
    sourceOutlet: source?.outlet ?? undefined,
    sourceTitle: source?.title ?? undefined,
    sourceUrl: source?.url ?? undefined,
  };
}

/** A relation's step as the history keeps it: one of the relation's children, by its id (its relation's, when known). */
export function stepOf<Id extends number | undefined>(relationId: Id, stepId: number) {
  return { ref: { type: "relation" as const, id: relationId }, child: { table: "relation_steps", id: stepId } };
}
