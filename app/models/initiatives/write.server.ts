import { and, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { writeTransaction } from "../writes.server";
import type { Actor } from "~db/history";
import { indexInitiative, removeFromSearch } from "../search-index.server";
import { initiatives, initiativeSteps, meetings } from "~db/schema";
import { getDb } from "~/db.server";
import type { InitiativeInput, InitiativeStepInput } from "~/forms/initiative";
import type { Language } from "~/i18n/config";
import { partialDateColumns, partialDateFormValue } from "~db/shared/partial-date";
import { organisationChoices } from "../organisations.server";
import { partnerChoices } from "../partners/read.server";
import { homeSideChoices } from "../people/read.server";
import { choicesOrPicker, refNames, resolveRefs, type RefFields } from "../record-refs.server";
import { refusal, type FieldRefusals } from "../refusals";
import type { Db } from "~db/client";
import { checkUnchanged } from "../record-versions.server";

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
function values(input: InitiativeInput) {
  return {
    titleKk: input.titleKk ?? null,
    titleRu: input.titleRu ?? null,
    titleEn: input.titleEn ?? null,
    description: input.description ?? null,
    kind: input.kind,
    partnerId: input.partnerId ?? null,
    ownerPersonId: input.ownerPersonId ?? null,
    ownerOrganisationId: input.ownerOrganisationId ?? null,
    ...partialDateColumns("due", input.due),
  };
}

/** Whose the initiative is and who carries it: chosen, picked or typed (record-refs.server.ts). */
export const INITIATIVE_REFS: RefFields<"partner" | "ownerPerson" | "ownerOrganisation"> = {
  partner: { kind: "partner", scope: { foreignOnly: true } },
  ownerPerson: { kind: "person", scope: { homeSideOnly: true } },
  ownerOrganisation: { kind: "organisation" },
};

/**
 * A new initiative with the status it has when recorded. Its trail starts with the first dated
 * step: an undated "proposed" step made here would sort after every dated one.
 */
function insertInitiative(db: Db, input: InitiativeInput) {
  const id = db
    .insert(initiatives)
    .values({ ...values(input), status: input.status })
    .returning({ id: initiatives.id })
    .get().id;
  indexInitiative(db, id);
  return id;
}

export function createInitiative(input: InitiativeInput, actor: Actor) {
  return writeTransaction(getDb(), actor, (db) => insertInitiative(db, input));
}

/**
 * The initiative form saved, a new one when `id` is undefined, in one transaction with the reading
 * of its partner and owners. An edit changes what the initiative is; its status moves only
 * through dated steps, so the caller passes the current one.
 */
export function saveInitiative(
  id: number | undefined,
  input: InitiativeInput,
  lng: Language,
  actor: Actor,
  seen?: number,
): { ok: true; id: number } | { ok: false; fieldErrors: FieldRefusals } {
  return writeTransaction(getDb(), actor, (db) => {
    if (id !== undefined) checkUnchanged(db, "initiative", id, seen);
    const { ids, errors } = resolveRefs(db, input, INITIATIVE_REFS, lng);
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    const resolved = {
      ...input,
      partnerId: ids.partner,
      ownerPersonId: ids.ownerPerson,
      ownerOrganisationId: ids.ownerOrganisation,
    };
    if (id === undefined) return { ok: true, id: insertInitiative(db, resolved) };
    db.update(initiatives)
      .set({ ...values(resolved), updatedAt: now })
      .where(eq(initiatives.id, id))
      .run();
    indexInitiative(db, id);
    return { ok: true, id };
  });
}

/**
 * Records a step. The initiative's status becomes that of its latest step by date, which this
 * one is only if nothing is dated after it: the database keeps it so, whoever writes the steps
 * (migrations/0025_initiative_status_by_date.sql).
 */
export function addInitiativeStep(initiativeId: number, step: InitiativeStepInput, actor: Actor) {
  writeTransaction(getDb(), actor, (db) => {
    db.insert(initiativeSteps)
      .values({
        initiativeId,
        ...partialDateColumns("date", step.date),
        status: step.status ?? null,
        note: step.note ?? null,
        meetingId: step.meetingId ?? null,
      })
      .run();
    db.update(initiatives).set({ updatedAt: now }).where(eq(initiatives.id, initiativeId)).run();
  });
}

/**
 * A step corrected: its date, status, note and meeting, checked against the version its form was
 * opened at (a step is part of its initiative's record: its version is the initiative's). The
 * triggers make the initiative's status that of its latest step by date again.
 */
export function updateInitiativeStep(
  initiativeId: number,
  stepId: number,
  step: InitiativeStepInput,
  actor: Actor,
  seen?: number,
): { ok: true } | { ok: false; fieldErrors: FieldRefusals } {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "initiative", initiativeId, seen);
    if (step.meetingId && !db.select({ id: meetings.id }).from(meetings).where(eq(meetings.id, step.meetingId)).get())
      return { ok: false, fieldErrors: { meetingId: [refusal("form.errors.notFound")] } };
    db.update(initiativeSteps)
      .set({
        ...partialDateColumns("date", step.date),
        status: step.status ?? null,
        note: step.note ?? null,
        meetingId: step.meetingId ?? null,
      })
      .where(and(eq(initiativeSteps.id, stepId), eq(initiativeSteps.initiativeId, initiativeId)))
      .run();
    statusWithoutSteps(db, initiativeId);
    db.update(initiatives).set({ updatedAt: now }).where(eq(initiatives.id, initiativeId)).run();
    return { ok: true };
  });
}

/**
 * A step deleted, checked against the version its confirmation page was opened at; the last one
 * may go too (an initiative needs no step). Nothing else hangs on a step: documents are attached
 * to the initiative, not to its steps (app/forms/document.ts), and a meeting it was at only stops
 * listing the initiative.
 */
export function deleteInitiativeStep(initiativeId: number, stepId: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "initiative", initiativeId, seen);
    const { changes } = db
      .delete(initiativeSteps)
      .where(and(eq(initiativeSteps.id, stepId), eq(initiativeSteps.initiativeId, initiativeId)))
      .run();
    if (!changes) return { deleted: false as const };
    statusWithoutSteps(db, initiativeId);
    db.update(initiatives).set({ updatedAt: now }).where(eq(initiatives.id, initiativeId)).run();
    return { deleted: true as const };
  });
}

/**
 * With no step left that gives a status, the initiative's is the one it had before any did: as
 * made, or as the meeting that raised it gave it. The triggers (migrations/0025) leave it as it
 * is then, so a mistaken "done", the only status step, corrected or deleted, would stay "done".
 * Read from its history, inside the caller's transaction: the status of its newest version with
 * no step giving one, else of its first version.
 */
function statusWithoutSteps(db: Db, initiativeId: number) {
  const stepsGiveOne = db
    .select({ id: initiativeSteps.id })
    .from(initiativeSteps)
    .where(and(eq(initiativeSteps.initiativeId, initiativeId), isNotNull(initiativeSteps.status)))
    .limit(1)
    .get();
  if (stepsGiveOne) return;
  const withNone = sql`NOT EXISTS (SELECT 1 FROM json_each(h."after", '$.children.initiative_steps') WHERE value ->> '$.status' IS NOT NULL)`;
  const statusIn = (where: SQL, order: SQL) =>
    db.get<{ status: InitiativeInput["status"] | null } | undefined>(
      sql`SELECT h."after" ->> '$.row.status' AS status FROM history h
           WHERE h.record_type = 'initiative' AND h.record_id = ${initiativeId} AND h."after" IS NOT NULL AND ${where}
           ORDER BY ${order} LIMIT 1`,
    )?.status;
  const status = statusIn(withNone, sql`h.id DESC`) ?? statusIn(sql`1`, sql`h.id ASC`);
  if (status) db.update(initiatives).set({ status }).where(eq(initiatives.id, initiativeId)).run();
}

export function deleteInitiative(id: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "initiative", id, seen);
    db.delete(initiatives).where(eq(initiatives.id, id)).run();
    removeFromSearch(db, "initiative", id);
    return { deleted: true as const };
  });
}

export function initiativeForEdit(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(initiatives).where(eq(initiatives.id, id)).get();
  if (!row) return null;
  return {
    titleKk: row.titleKk ?? undefined,
    titleRu: row.titleRu ?? undefined,
    titleEn: row.titleEn ?? undefined,
    description: row.description ?? undefined,
    kind: row.kind,
    status: row.status,
    partnerId: row.partnerId ?? undefined,
    ownerPersonId: row.ownerPersonId ?? undefined,
    ownerOrganisationId: row.ownerOrganisationId ?? undefined,
    ...refNames(db, row, INITIATIVE_REFS, lng),
    due: partialDateFormValue(row.due, row.duePrecision, row.dueApproximate),
  };
}

/** Our side's people, who own initiatives, for a select; null once too many for one. */
export function ownerChoices(lng: Language) {
  return choicesOrPicker(getDb(), "person", INITIATIVE_REFS.ownerPerson.scope!, () => homeSideChoices(lng));
}

/** What the initiative form offers to pick from: selects while few, pickers (null) past that. */
export function initiativeChoices(lng: Language) {
  const db = getDb();
  return {
    partners: choicesOrPicker(db, "partner", INITIATIVE_REFS.partner.scope!, () =>
      partnerChoices(lng).map((p) => ({ value: p.id, label: p.name })),
    ),
    owners: ownerChoices(lng),
    organisations: choicesOrPicker(db, "organisation", {}, () => organisationChoices(lng)),
  };
}
