import { count, desc, eq, inArray, sql } from "drizzle-orm";
import { writeTransaction } from "./writes.server";
import { refusal, type FieldRefusals, type Refusal } from "./refusals";
import type { Actor } from "~db/history";
import { writeNameKeys } from "~db/name-keys";
import type { Db } from "~db/client";
import { delegations, initiatives, meetings, organisations, partners, posts } from "~db/schema";
import { getDb } from "~/db.server";
import type { Language } from "~/i18n/config";
import type { OrganisationInput } from "~/forms/organisation";
import { localizedName, sortKeys } from "~db/shared/names";
import { offsetOf, pageOf, PAGE_SIZE } from "~/utils/pagination";
import { byName, countOf, idsNamedFrom, namesOf, partialDateOf } from "./sql.server";
import { choicesOrPicker, refNames, resolveRecord, resolveRefs, type RefFields } from "./record-refs.server";
import { partnerChoices } from "./partners/read.server";
import { checkUnchanged } from "./record-versions.server";

export function listOrganisations({
  lng,
  page,
  pageSize = PAGE_SIZE,
}: {
  lng: Language;
  page: number;
  pageSize?: number;
}) {
  const db = getDb();
  const rows = db
    .select({
      id: organisations.id,
      ...namesOf(organisations),
      partnerId: partners.id,
      partner: namesOf(partners),
      isHome: partners.isHome,
    })
    .from(organisations)
    .innerJoin(partners, eq(partners.id, organisations.partnerId))
    .orderBy(...byName(organisations, lng))
    .limit(pageSize)
    .offset(offsetOf(page, pageSize))
    .all();
  const total = countOf(db.select({ count: count() }).from(organisations).get());
  const items = rows.map((r) => ({
    id: r.id,
    name: localizedName(r, lng),
    ourSide: r.isHome,
    partner: {
      id: r.partnerId,
      name: localizedName(r.partner, lng),
    },
  }));
  return pageOf(items, total, page, pageSize);
}

export function getOrganisation(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(organisations).where(eq(organisations.id, id)).get();
  if (!row) return null;
  const partner = db.select().from(partners).where(eq(partners.id, row.partnerId)).get();
  const parent = row.parentId
    ? db.select().from(organisations).where(eq(organisations.id, row.parentId)).get()
    : undefined;
  const children = db
    .select()
    .from(organisations)
    .where(eq(organisations.parentId, id))
    .orderBy(...byName(organisations, lng))
    .limit(100)
    .all();
  const hosted = db
    .select({
      id: meetings.id,
      date: partialDateOf(meetings, "date"),
      purpose: meetings.purpose,
    })
    .from(meetings)
    .where(eq(meetings.hostOrganisationId, id))
    .orderBy(desc(meetings.date), desc(meetings.id))
    .limit(50)
    .all();
  return {
    id: row.id,
    name: localizedName(row, lng),
    names: { kk: row.nameKk, ru: row.nameRu, en: row.nameEn, native: row.nameNative },
    ourSide: Boolean(partner?.isHome),
    partner: partner ? { id: partner.id, name: localizedName(partner, lng), isHome: partner.isHome } : null,
    parent: parent ? { id: parent.id, name: localizedName(parent, lng) } : null,
    children: children.map((c) => ({ id: c.id, name: localizedName(c, lng) })),
    meetingsHosted: hosted.map((m) => ({
      id: m.id,
      date: m.date,
      purpose: m.purpose,
    })),
  };
}

/** Every organisation for a picker, with whose side it is on. */
export function organisationChoices(lng: Language) {
  return getDb()
    .select({
      id: organisations.id,
      ...namesOf(organisations),
      p: namesOf(partners),
    })
    .from(organisations)
    .innerJoin(partners, eq(partners.id, organisations.partnerId))
    .orderBy(...byName(organisations, lng))
    .limit(5000)
    .all()
    .map((o) => ({
      value: o.id,
      label: `${localizedName(o, lng)} (${localizedName(o.p, lng)})`,
    }));
}

/** Organisations by id, each with its name and whose side it is on ("Name (Partner)"). */
function organisationsLabelled(db: Db, ids: number[], lng: Language) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, ...namesOf(organisations), p: namesOf(partners) })
    .from(organisations)
    .innerJoin(partners, eq(partners.id, organisations.partnerId))
    .where(inArray(organisations.id, ids))
    .orderBy(...byName(organisations, lng))
    .all()
    .map((o) => ({ id: o.id, name: localizedName(o, lng), detail: localizedName(o.p, lng) }));
}

/** The organisation picker's suggestions: a name form in any script that starts as typed. */
export function searchOrganisations(query: string, lng: Language, limit = 8) {
  const db = getDb();
  return organisationsLabelled(db, idsNamedFrom(db, "organisation", query, limit), lng);
}

/**
 * The body a form names: the one picked (its id), or the one organisation on file whose name,
 * in any script, is the one typed. None or several is a refusal the form shows beside the field.
 */
export function organisationTyped(
  db: Db,
  picked: { id?: number; name?: string },
  lng: Language,
): { ok: true; id?: number } | { ok: false; refusal: Refusal } {
  // A picked id is checked by the caller, with the form's other ids in one query.
  if (picked.id || !picked.name) return { ok: true, id: picked.id };
  return resolveRecord(db, "organisation", { name: picked.name }, lng);
}

export function organisationReferences(id: number) {
  const db = getDb();
  const n = (query: { count: number } | undefined) => countOf(query);
  return {
    units: n(db.select({ count: count() }).from(organisations).where(eq(organisations.parentId, id)).get()),
    posts: n(db.select({ count: count() }).from(posts).where(eq(posts.organisationId, id)).get()),
    meetings: n(db.select({ count: count() }).from(meetings).where(eq(meetings.hostOrganisationId, id)).get()),
    delegations: n(db.select({ count: count() }).from(delegations).where(eq(delegations.organisationId, id)).get()),
    initiatives: n(
      db.select({ count: count() }).from(initiatives).where(eq(initiatives.ownerOrganisationId, id)).get(),
    ),
  };
}

/** What is written: the form's fields with its partner and parent resolved to ids (record-refs.server.ts). */
export type OrganisationValues = Omit<OrganisationInput, "partnerId" | "partnerName" | "parentId" | "parentName"> & {
  partnerId: number;
  parentId?: number;
};

/** The partner an organisation belongs to and the body it is a unit of: chosen, picked or typed. */
export const ORGANISATION_REFS: RefFields<"partner" | "parent"> = {
  partner: { kind: "partner" },
  parent: { kind: "organisation" },
};

function organisationValues(input: OrganisationValues) {
  const names = {
    nameKk: input.nameKk ?? null,
    nameRu: input.nameRu ?? null,
    nameEn: input.nameEn ?? null,
    nameNative: input.nameNative ?? null,
  };
  return {
    names,
    values: { partnerId: input.partnerId, parentId: input.parentId ?? null, ...names, ...sortKeys(names) },
  };
}

export function createOrganisation(input: OrganisationValues, actor: Actor): number {
  return writeTransaction(getDb(), actor, (db) => insertOrganisation(db, input));
}

/** A new organisation with its name keys, inside the caller's write transaction (the people import's too). */
export function insertOrganisation(db: Db, input: OrganisationValues): number {
  const { names, values } = organisationValues(input);
  const id = db.insert(organisations).values(values).returning({ id: organisations.id }).get().id;
  writeNameKeys(db, "organisation", id, names);
  return id;
}

function updateOrganisation(db: Db, id: number, input: OrganisationValues) {
  const { names, values } = organisationValues(input);
  db.update(organisations)
    .set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
    .where(eq(organisations.id, id))
    .run();
  writeNameKeys(db, "organisation", id, names);
}

/**
 * The organisation form saved (a new one when `id` is undefined), in one transaction with the
 * reading of its partner and parent: chosen, picked or typed by name. Refusals are per field.
 */
export function saveOrganisation(
  id: number | undefined,
  input: OrganisationInput,
  lng: Language,
  actor: Actor,
  seen?: number,
): { ok: true; id: number } | { ok: false; fieldErrors: FieldRefusals } {
  return writeTransaction(getDb(), actor, (db) => {
    if (id !== undefined) checkUnchanged(db, "organisation", id, seen);
    const { ids, errors } = resolveRefs(db, input, ORGANISATION_REFS, lng);
    if (id !== undefined && ids.parent === id) errors.parentId = errors.parentName = [refusal("form.errors.ownParent")];
    if (Object.keys(errors).length || !ids.partner) return { ok: false, fieldErrors: errors };
    const values = { ...input, partnerId: ids.partner, parentId: ids.parent };
    if (id === undefined) return { ok: true, id: insertOrganisation(db, values) };
    updateOrganisation(db, id, values);
    return { ok: true, id };
  });
}

/** The organisation form's partners and parent bodies: selects while they are few, pickers (null) past that. */
export function organisationFormChoices(lng: Language, id?: number) {
  const db = getDb();
  return {
    partners: choicesOrPicker(db, "partner", {}, () =>
      partnerChoices(lng, { includeHome: true }).map((p) => ({ value: p.id, label: p.name })),
    ),
    // An organisation cannot be a unit of itself.
    organisations: choicesOrPicker(db, "organisation", {}, () =>
      organisationChoices(lng).filter((o) => o.value !== id),
    ),
  };
}

export function deleteOrganisation(id: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "organisation", id, seen);
    const references = organisationReferences(id);
    if (Object.values(references).some((n) => n > 0)) return { deleted: false as const, references };
    db.delete(organisations).where(eq(organisations.id, id)).run();
    return { deleted: true as const, references };
  });
}

export function organisationForEdit(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(organisations).where(eq(organisations.id, id)).get();
  if (!row) return null;
  return {
    partnerId: row.partnerId,
    parentId: row.parentId ?? undefined,
    ...refNames(db, row, ORGANISATION_REFS, lng),
    nameKk: row.nameKk ?? undefined,
    nameRu: row.nameRu ?? undefined,
    nameEn: row.nameEn ?? undefined,
    nameNative: row.nameNative ?? undefined,
  };
}
