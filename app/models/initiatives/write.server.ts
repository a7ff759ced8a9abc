import { eq, sql } from "drizzle-orm";
import { writeTransaction } from "../writes.server";
import type { Actor } from "~db/history";
import { indexInitiative, removeFromSearch } from "../search-index.server";
import { initiatives, initiativeSteps } from "~db/schema";
import { getDb } from "~/db.server";
import type { InitiativeInput, InitiativeStepInput } from "~/forms/initiative";
import type { Language } from "~/i18n/config";
import { partialDateColumns, partialDateFormValue } from "~db/shared/partial-date";
import { organisationChoices } from "../organisations.server";
import { partnerChoices } from "../partners/read.server";
import { homeSideChoices } from "../people/read.server";

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

/**
 * A new initiative with the status it has when recorded. Its trail starts with the first dated
 * step: an undated "proposed" step made here would sort after every dated one.
 */
export function createInitiative(input: InitiativeInput, actor: Actor) {
  return writeTransaction(getDb(), actor, (db) => {
    const id = db
      .insert(initiatives)
      .values({ ...values(input), status: input.status })
      .returning({ id: initiatives.id })
      .get().id;
    indexInitiative(db, id);
    return id;
  });
}

/** Edits what the initiative is; its status moves only through dated steps. */
export function updateInitiative(id: number, input: InitiativeInput, actor: Actor) {
  writeTransaction(getDb(), actor, (db) => {
    db.update(initiatives)
      .set({ ...values(input), updatedAt: now })
      .where(eq(initiatives.id, id))
      .run();
    indexInitiative(db, id);
  });
}

/** Records a step; a step with a status makes it the initiative's current one. */
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
    if (step.status)
      db.update(initiatives).set({ status: step.status, updatedAt: now }).where(eq(initiatives.id, initiativeId)).run();
  });
}

export function deleteInitiative(id: number, actor: Actor) {
  writeTransaction(getDb(), actor, (db) => {
    db.delete(initiatives).where(eq(initiatives.id, id)).run();
    removeFromSearch(db, "initiative", id);
  });
}

export function initiativeForEdit(id: number) {
  const row = getDb().select().from(initiatives).where(eq(initiatives.id, id)).get();
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
    due: partialDateFormValue(row.due, row.duePrecision, row.dueApproximate),
  };
}

/** What the initiative form offers to pick from. */
export function initiativeChoices(lng: Language) {
  return {
    partners: partnerChoices(lng).map((p) => ({ value: p.id, label: p.name })),
    owners: homeSideChoices(lng),
    organisations: organisationChoices(lng),
  };
}
