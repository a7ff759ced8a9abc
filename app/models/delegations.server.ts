import { count, eq, inArray, sql } from "drizzle-orm";
import { writeTransaction } from "../../db/client";
import type { Actor } from "../../db/history";
import { delegationMembers, delegations, meetings, organisations, partners, people } from "../../db/schema";
import { getDb } from "~/db.server";
import type { DelegationInput } from "~/forms/delegation";
import type { Language } from "~/i18n/config";
import { localizedName } from "~/utils/names";
import { partialDateColumns, partialDateFormValue } from "~/utils/partial-date";
import { organisationChoices } from "./organisations.server";
import { partnerChoices } from "./partners.server";
import { resolvePerson, type Translate } from "./person-refs.server";
import { countOf } from "./shared.server";


export type DelegationResult = { ok: true; id: number; partnerId: number } | { ok: false; fieldErrors: Record<string, string[]> };

/** Creates (id undefined) or rewrites a delegation with its members, in one transaction. */
export function saveDelegation(id: number | undefined, input: DelegationInput, t: Translate, actor: Actor): DelegationResult {
  return writeTransaction(getDb(), actor, (db) => {
    const errors: Record<string, string[]> = {};
    if (!db.select({ id: partners.id }).from(partners).where(eq(partners.id, input.partnerId)).get()) errors.partnerId = [t("form.errors.notFound")];
    if (input.organisationId && !db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, input.organisationId)).get())
      errors.organisationId = [t("form.errors.notFound")];
    let leaderId: number | null = null;
    if (input.leader?.personId || input.leader?.name) {
      const leader = resolvePerson(db, input.leader, t);
      if ("error" in leader) errors["leader.name"] = [leader.error];
      else leaderId = leader.id;
    }
    const memberIds: number[] = [];
    input.members.forEach((member, index) => {
      const person = resolvePerson(db, member, t);
      if ("error" in person) errors[`members[${index}].name`] = [person.error];
      else memberIds.push(person.id);
    });
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };

    const values = {
      partnerId: input.partnerId,
      organisationId: input.organisationId ?? null,
      leaderId,
      direction: input.direction,
      ...partialDateColumns("arrival", input.arrival),
      ...partialDateColumns("departure", input.departure),
      purpose: input.purpose ?? null,
    };
    const delegationId = id
      ? (db.update(delegations).set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(eq(delegations.id, id)).run(), id)
      : db.insert(delegations).values(values).returning({ id: delegations.id }).get().id;
    db.delete(delegationMembers).where(eq(delegationMembers.delegationId, delegationId)).run();
    const unique = [...new Set(memberIds)];
    if (unique.length) db.insert(delegationMembers).values(unique.map((personId, position) => ({ delegationId, personId, position }))).run();
    return { ok: true, id: delegationId, partnerId: input.partnerId };
  });
}

export function delegationReferences(id: number) {
  return { meetings: countOf(getDb().select({ count: count() }).from(meetings).where(eq(meetings.delegationId, id)).get()) };
}

export function deleteDelegation(id: number, actor: Actor) {
  return writeTransaction(getDb(), actor, (db) => {
    const references = delegationReferences(id);
    if (references.meetings > 0) return { deleted: false as const, references };
    db.delete(delegations).where(eq(delegations.id, id)).run();
    return { deleted: true as const, references };
  });
}

/** The edit form's values, with the people's names as the pickers show them. */
export function delegationForEdit(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(delegations).where(eq(delegations.id, id)).get();
  if (!row) return null;
  const memberRows = db.select().from(delegationMembers).where(eq(delegationMembers.delegationId, id)).orderBy(delegationMembers.position).all();
  const personIds = [row.leaderId, ...memberRows.map((m) => m.personId)].filter((v): v is number => v != null);
  const names = new Map(
    (personIds.length ? db.select().from(people).where(inArray(people.id, personIds)).all() : []).map((p) => [p.id, localizedName(p, lng)]),
  );
  return {
    partnerId: row.partnerId,
    organisationId: row.organisationId ?? undefined,
    direction: row.direction,
    arrival: partialDateFormValue(row.arrival, row.arrivalPrecision, row.arrivalApproximate),
    departure: partialDateFormValue(row.departure, row.departurePrecision, row.departureApproximate),
    purpose: row.purpose ?? undefined,
    leader: row.leaderId ? { personId: row.leaderId, name: names.get(row.leaderId) } : undefined,
    members: memberRows.map((m) => ({ personId: m.personId, name: names.get(m.personId) })),
  };
}

/** What the delegation form offers to pick from. */
export function delegationFormChoices(lng: Language) {
  return {
    partners: partnerChoices(lng).map((p) => ({ value: p.id, label: p.name })),
    organisations: organisationChoices(lng),
  };
}
