import { aliasedTable, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import type { DelegationInput } from "~/forms/delegation";
import type { Language } from "~/i18n/config";
import type { Actor } from "~db/history";
import { delegationMembers, delegations, meetings, organisations, partners, people } from "~db/schema";
import { localizedName } from "~db/shared/names";
import { partialDateColumns, partialDateFormValue } from "~db/shared/partial-date";
import { organisationChoices } from "./organisations.server";
import { partnerChoices } from "./partners/read.server";
import { currentPosts } from "./people/read.server";
import { asDate, countOf, namesOf, partialDateOf } from "./sql.server";
import { writeTransaction } from "./writes.server";
import { type FieldRefusals } from "./refusals";
import { choicesOrPicker, refNames, resolveRecord, resolveRefs, type RefFields } from "./record-refs.server";
import { checkUnchanged } from "./record-versions.server";

export type DelegationResult = { ok: true; id: number; partnerId: number } | { ok: false; fieldErrors: FieldRefusals };

/** Where a delegation came from and the body that sent it: chosen, picked or typed (record-refs.server.ts). */
export const DELEGATION_REFS: RefFields<"partner" | "organisation"> = {
  partner: { kind: "partner", scope: { foreignOnly: true } },
  organisation: { kind: "organisation" },
};

/** Creates (id undefined) or rewrites a delegation with its members, in one transaction. */
export function saveDelegation(
  id: number | undefined,
  input: DelegationInput,
  actor: Actor,
  lng: Language = "en",
  seen?: number,
): DelegationResult {
  return writeTransaction(getDb(), actor, (db) => {
    if (id !== undefined) checkUnchanged(db, "delegation", id, seen);
    const { ids, errors } = resolveRefs(db, input, DELEGATION_REFS, lng);
    // The leader and members: people on file, picked or typed, read as every other reference is.
    const person = (ref: { personId?: number; name?: string }) =>
      resolveRecord(db, "person", { id: ref.personId, name: ref.name }, lng);
    let leaderId: number | null = null;
    if (input.leader) {
      const leader = person(input.leader);
      if (!leader.ok) errors["leader.name"] = [leader.refusal];
      else leaderId = leader.id ?? null;
    }
    const memberIds: number[] = [];
    input.members.forEach((member, index) => {
      const found = person(member);
      if (!found.ok) errors[`members[${index}].name`] = [found.refusal];
      else if (found.id) memberIds.push(found.id);
    });
    if (Object.keys(errors).length || !ids.partner) return { ok: false, fieldErrors: errors };

    const values = {
      partnerId: ids.partner,
      organisationId: ids.organisation ?? null,
      leaderId,
      direction: input.direction,
      ...partialDateColumns("arrival", input.arrival),
      ...partialDateColumns("departure", input.departure),
      purpose: input.purpose ?? null,
    };
    const delegationId = id
      ? (db
          .update(delegations)
          .set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
          .where(eq(delegations.id, id))
          .run(),
        id)
      : db.insert(delegations).values(values).returning({ id: delegations.id }).get().id;
    db.delete(delegationMembers).where(eq(delegationMembers.delegationId, delegationId)).run();
    const unique = [...new Set(memberIds)];
    if (unique.length)
      db.insert(delegationMembers)
        .values(unique.map((personId, position) => ({ delegationId, personId, position })))
        .run();
    return { ok: true, id: delegationId, partnerId: ids.partner };
  });
}

export function delegationReferences(id: number) {
  return {
    meetings: countOf(getDb().select({ count: count() }).from(meetings).where(eq(meetings.delegationId, id)).get()),
  };
}

export function deleteDelegation(id: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "delegation", id, seen);
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
  const memberRows = db
    .select()
    .from(delegationMembers)
    .where(eq(delegationMembers.delegationId, id))
    .orderBy(delegationMembers.position)
    .all();
  const personIds = [row.leaderId, ...memberRows.map((m) => m.personId)].filter((v): v is number => v != null);
  const names = new Map(
    (personIds.length ? db.select().from(people).where(inArray(people.id, personIds)).all() : []).map((p) => [
      p.id,
      localizedName(p, lng),
    ]),
  );
  return {
    partnerId: row.partnerId,
    organisationId: row.organisationId ?? undefined,
    ...refNames(db, row, DELEGATION_REFS, lng),
    direction: row.direction,
    arrival: partialDateFormValue(row.arrival, row.arrivalPrecision, row.arrivalApproximate),
    departure: partialDateFormValue(row.departure, row.departurePrecision, row.departureApproximate),
    purpose: row.purpose ?? undefined,
    leader: row.leaderId ? { personId: row.leaderId, name: names.get(row.leaderId) } : undefined,
    members: memberRows.map((m) => ({ personId: m.personId, name: names.get(m.personId) })),
  };
}

/**
 * A delegation's own page: who led it and who came (with the post each holds now), when, and
 * the meetings held during the visit.
 */
export function getDelegation(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(delegations).where(eq(delegations.id, id)).get();
  if (!row) return null;
  const partner = db.select().from(partners).where(eq(partners.id, row.partnerId)).get();
  const organisation = row.organisationId
    ? db.select().from(organisations).where(eq(organisations.id, row.organisationId)).get()
    : undefined;
  const memberRows = db
    .select({ person: people })
    .from(delegationMembers)
    .innerJoin(people, eq(people.id, delegationMembers.personId))
    .where(eq(delegationMembers.delegationId, id))
    .orderBy(asc(delegationMembers.position))
    .all();
  const leader = row.leaderId ? db.select().from(people).where(eq(people.id, row.leaderId)).get() : undefined;
  const posts = currentPosts([...(leader ? [leader.id] : []), ...memberRows.map((m) => m.person.id)], lng);
  const personOf = (person: typeof people.$inferSelect) => {
    const post = posts.get(person.id);
    return {
      id: person.id,
      name: localizedName(person, lng),
      post: post ? { title: post.title, organisation: post.organisation } : null,
    };
  };
  const visitMeetings = db
    .select({
      id: meetings.id,
      date: partialDateOf(meetings, "date"),
      purpose: meetings.purpose,
      location: meetings.location,
    })
    .from(meetings)
    .where(eq(meetings.delegationId, id))
    .orderBy(asc(meetings.date), asc(meetings.id))
    .limit(200)
    .all();
  const partnerRef = partner ? { id: partner.id, name: localizedName(partner, lng) } : null;
  return {
    id: row.id,
    direction: row.direction,
    purpose: row.purpose,
    arrival: asDate(row.arrival, row.arrivalPrecision, row.arrivalApproximate),
    departure: asDate(row.departure, row.departurePrecision, row.departureApproximate),
    partner: partnerRef,
    organisation: organisation ? { id: organisation.id, name: localizedName(organisation, lng) } : null,
    leader: leader ? personOf(leader) : null,
    members: memberRows.map((m) => personOf(m.person)),
    meetings: visitMeetings.map((m) => ({
      id: m.id,
      date: m.date,
      purpose: m.purpose,
      location: m.location,
      partner: partnerRef,
    })),
  };
}

/** A partner's delegations, latest arrival first, each with its leader. */
export function partnerDelegations(partnerId: number, lng: Language, limit = 20) {
  const db = getDb();
  const rows = db
    .select({
      id: delegations.id,
      direction: delegations.direction,
      arrival: partialDateOf(delegations, "arrival"),
      departure: partialDateOf(delegations, "departure"),
      leader: people,
    })
    .from(delegations)
    .leftJoin(people, eq(people.id, delegations.leaderId))
    .where(eq(delegations.partnerId, partnerId))
    .orderBy(sql`${delegations.arrival} is null`, desc(delegations.arrival), desc(delegations.id))
    .limit(limit)
    .all();
  return rows.map((r) => ({
    id: r.id,
    direction: r.direction,
    arrival: r.arrival,
    departure: r.departure,
    leader: r.leader ? localizedName(r.leader, lng) : null,
  }));
}

/** The delegation form's partners and bodies: selects while they are few, pickers (null) past that. */
export function delegationFormChoices(lng: Language) {
  const db = getDb();
  return {
    partners: choicesOrPicker(db, "partner", { foreignOnly: true }, () =>
      partnerChoices(lng).map((p) => ({ value: p.id, label: p.name })),
    ),
    organisations: choicesOrPicker(db, "organisation", {}, () => organisationChoices(lng)),
  };
}

/**
 * The latest 300 delegations for a select: partner, leader and arrival; and `current`, the one a
 * form already names, wherever it is (without it an edit would drop an older delegation).
 */
export function delegationChoices(lng: Language, current?: number) {
  const leaders = aliasedTable(people, "leaders");
  const rows = () =>
    getDb()
      .select({
        id: delegations.id,
        arrival: delegations.arrival,
        p: namesOf(partners),
        l: namesOf(leaders),
      })
      .from(delegations)
      .innerJoin(partners, eq(partners.id, delegations.partnerId))
      .leftJoin(leaders, eq(leaders.id, delegations.leaderId));
  const latest = rows().orderBy(desc(delegations.id)).limit(300).all();
  const named = current && !latest.some((d) => d.id === current) ? rows().where(eq(delegations.id, current)).all() : [];
  return [...latest, ...named].map((d) => ({
    value: d.id,
    label: [localizedName(d.p, lng), localizedName(d.l, lng), d.arrival?.slice(0, 4)].filter(Boolean).join(" · "),
  }));
}
