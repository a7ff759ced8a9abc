/**
 * Logging and editing a meeting: everything the form holds is written in one transaction, so
 * either all of it is saved or none of it is.
 */
import { and, count, eq, sql } from "drizzle-orm";
import { type Db } from "~db/client";
import { writeTransaction } from "../writes.server";
import type { Actor } from "~db/history";
import { writeNameKeys } from "~db/name-keys";
import { peopleByInitials } from "../people/initials.server";
import { clientOf, perConnection } from "~db/prepared";
import { indexInitiative, indexMeeting, removeFromSearch } from "../search-index.server";
import {
  delegationMembers,
  delegations,
  initiatives,
  initiativeSteps,
  meetingParticipants,
  meetings,
  meetingSources,
  meetingTopics,
  nameKeys,
  organisations,
  partners,
  people,
  relationSteps,
  sources,
  topics,
} from "~db/schema";
import { getDb } from "~/db.server";
import { delegationSide, type MeetingInput, type ParticipantInput } from "~/forms/meeting";
import type { Language } from "~/i18n/config";
import { wholeNameKey } from "~db/shared/fold";
import { localizedName, sortKeys, typedName, typedText } from "~db/shared/names";
import { partialDateColumns, partialDateFormValue } from "~db/shared/partial-date";
import { delegationChoices } from "../delegations.server";
import { insertOrganisation, organisationTyped } from "../organisations.server";
import { partnerChoices } from "../partners/read.server";
import { recordPostHeld } from "../people/write.server";
import { insertTypedPerson } from "../people/write.server";
import { countOf, namedChoiceRows } from "../sql.server";
import { refusal, type FieldRefusals } from "../refusals";
import { choicesOrPicker, isNotOnFile, recordName, resolveRecord, type RecordScope } from "../record-refs.server";
import { checkUnchanged } from "../record-versions.server";

/** A meeting's partner is another city or province: the home city is never one. */
const FOREIGN: RecordScope = { foreignOnly: true };

/** A title or topic typed in the form, in the column of its script (nameSlotOf). */
const titleIn = (lng: Language, title: string) => {
  const text = typedText(title, lng);
  return { titleKk: text.kk, titleRu: text.ru, titleEn: text.en };
};
const topicNamesIn = (lng: Language, name: string) => {
  const text = typedText(name, lng);
  return { nameKk: text.kk, nameRu: text.ru, nameEn: text.en };
};

type Checked = typeof people | typeof organisations | typeof partners | typeof delegations | typeof initiatives;
const checkedTables = [people, organisations, partners, delegations, initiatives] as const;
// One prepared "is this id on file" per table: the form names a handful of ids, an import row too.
const onFile = perConnection(
  (db) =>
    new Map<Checked, { get: (values: { id: number }) => { id: number } | undefined }>(
      checkedTables.map((table) => [
        table,
        db
          .select({ id: table.id })
          .from(table)
          .where(eq(table.id, sql.placeholder("id")))
          .prepare(),
      ]),
    ),
);

function existing(db: Db, table: Checked, ids: Array<number | undefined>) {
  const statement = onFile(db).get(table)!;
  const found = new Set<number>();
  for (const id of new Set(ids)) if (id != null && statement.get({ id })) found.add(id);
  return found;
}

const lookups = perConnection((db) => ({
  personById: db
    .select()
    .from(people)
    .where(eq(people.id, sql.placeholder("id")))
    .prepare(),
  peopleNamed: db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "person"), eq(nameKeys.key, sql.placeholder("key"))))
    .limit(5)
    .prepare(),
  topicNamed: db
    .select({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, "topic"), eq(nameKeys.key, sql.placeholder("key"))))
    .prepare(),
  // A meeting and its participants are written by prepared statements: drizzle built the insert's
  // SQL anew on every save, a tenth of logging a meeting (issue 17).
  addMeeting: db.insert(meetings).values(placeholders(MEETING_COLUMNS)).returning({ id: meetings.id }).prepare(),
  // Every participant in one statement: ten inserts were ten trips through drizzle and SQLite's
  // statement set-up (ten rows: 43 us in SQLite alone, 28-32 as one statement; issue 17). The
  // rows come as one JSON list, in the order given, and their position is their place in it.
  addParticipants: clientOf(db).prepare<[number, string]>(
    `INSERT INTO meeting_participants (meeting_id, person_id, side, role, title_at_meeting, position)
     SELECT ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, key FROM json_each(?) ORDER BY key`,
  ),
  addTopicTo: db
    .insert(meetingTopics)
    .values({
      meetingId: sql.placeholder("meetingId"),
      topicId: sql.placeholder("topicId"),
      position: sql.placeholder("position"),
    })
    .onConflictDoNothing()
    .prepare(),
}));

/**
 * People on file whose whole name folds to this one; for a name written with initials
 * ("Нурпеисов Ж."), those it can only be.
 */
function peopleNamed(db: Db, name: string, lng: Language) {
  const exact = lookups(db)
    .peopleNamed.all({ key: wholeNameKey(name) })
    .map((r) => r.id);
  const ids = exact.length ? exact : peopleByInitials(db, name);
  const { personById } = lookups(db);
  // In id order, as "where id in (…)" gave them.
  return ids
    .sort((a, b) => a - b)
    .flatMap((id) => personById.all({ id }))
    .map((p) => ({ id: p.id, name: localizedName(p, lng) }));
}

export type Resolved = { personId: number } | { create: ParticipantInput };

/**
 * Checks every id the form refers to and decides, for each participant typed by name, whether
 * it is someone on file (exactly one match) or a new person. Returns field errors, or the plan.
 */
export function resolveMeeting(db: Db, input: MeetingInput, lng: Language) {
  const errors: FieldRefusals = {};
  const missing = (path: string) => (errors[path] = [refusal("form.errors.notFound")]);
  const orgIds = existing(db, organisations, [
    input.hostOrganisationId,
    input.delegationOrganisationId,
    ...input.participants.map((p) => p.organisationId),
  ]);
  const personIds = existing(db, people, [
    ...input.participants.map((p) => p.personId),
    ...input.initiatives.map((i) => i.ownerPersonId),
  ]);
  if (input.hostOrganisationId && !orgIds.has(input.hostOrganisationId)) missing("hostOrganisationName");
  if (input.delegationOrganisationId && !orgIds.has(input.delegationOrganisationId))
    missing("delegationOrganisationName");
  // The host and the delegation's body, each picked or typed by name.
  const bodyOf = (field: "hostOrganisation" | "delegationOrganisation", madeIfNew = false) => {
    const body = organisationTyped(db, { id: input[`${field}Id`], name: input[`${field}Name`] }, lng);
    if (body.ok) return { id: body.id };
    if (madeIfNew && isNotOnFile(body.refusal)) return { made: input[`${field}Name`]!.trim() };
    errors[`${field}Name`] = [body.refusal];
    return {};
  };
  const hostOrganisationId = bodyOf("hostOrganisation").id;
  const partner = resolveRecord(db, "partner", { id: input.partnerId, name: input.partnerName }, lng, FOREIGN);
  if (!partner.ok) errors.partnerId = errors.partnerName = [partner.refusal];
  // A new delegation's body, typed and not on file, is added to its partner, as a typed name is
  // added as a new person: a report names the guests' council, which the file rarely has yet.
  const delegationBody = bodyOf(
    "delegationOrganisation",
    Boolean(input.newDelegation && !input.delegationId && partner.ok && partner.id),
  );
  const delegationOrganisationId = delegationBody.id;
  const newDelegationBody = delegationBody.made;
  if (input.delegationId && !existing(db, delegations, [input.delegationId]).size) missing("delegationId");
  const initiativeIds = existing(
    db,
    initiatives,
    input.initiatives.map((i) => i.initiativeId),
  );

  // A body typed rather than picked is the one organisation on file by that name.
  const organisationIds = input.participants.map((p, index) => {
    const body = organisationTyped(db, { id: p.organisationId, name: p.organisationName }, lng);
    if (body.ok) return body.id;
    errors[`participants[${index}].organisationName`] = [body.refusal];
  });

  const participants: Resolved[] = input.participants.map((p, index) => {
    // Checked for everyone: a known body with a title records a post, whoever the person is.
    if (p.organisationId && !orgIds.has(p.organisationId)) missing(`participants[${index}].organisationName`);
    if (p.personId) {
      if (!personIds.has(p.personId)) missing(`participants[${index}].name`);
      return { personId: p.personId };
    }
    if (p.isNew) return { create: p };
    const matches = peopleNamed(db, p.name ?? "", lng);
    if (matches.length === 1) return { personId: matches[0].id };
    if (matches.length > 1) {
      errors[`participants[${index}].name`] = [
        refusal("form.errors.severalPeople", { names: matches.map((m) => m.name).join(", ") }),
      ];
    }
    return { create: p };
  });
  refuseListedTwice(participants, errors);
  input.initiatives.forEach((i, index) => {
    if (i.initiativeId && !initiativeIds.has(i.initiativeId)) missing(`initiatives[${index}].title`);
    if (i.ownerPersonId && !personIds.has(i.ownerPersonId)) missing(`initiatives[${index}].ownerName`);
  });
  // An owner typed rather than picked is the one person on file by that name.
  const owners = input.initiatives.map((i, index) => {
    if (i.ownerPersonId || !i.ownerName) return i.ownerPersonId;
    const matches = peopleNamed(db, i.ownerName, lng);
    if (matches.length === 1) return matches[0].id;
    errors[`initiatives[${index}].ownerName`] = [
      refusal(matches.length === 0 ? "form.errors.personNotOnFile" : "form.errors.severalPeopleShort"),
    ];
    return undefined;
  });
  // The form as it will be written: every body and owner typed by name now an id.
  const resolved: MeetingInput = {
    ...input,
    partnerId: partner.ok ? partner.id : undefined,
    hostOrganisationId,
    delegationOrganisationId,
    participants: input.participants.map((p, index) => ({ ...p, organisationId: organisationIds[index] })),
    initiatives: input.initiatives.map((i, index) => ({ ...i, ownerPersonId: owners[index] })),
  };
  return { errors, participants, input: resolved, newDelegationBody };
}

/**
 * One person is one participant: someone on file picked (or typed) on a second row, or one new
 * name typed twice, is refused on the later row. Written as it came, the meeting listed the same
 * person once a row, each time with another side, role or post.
 */
function refuseListedTwice(participants: Resolved[], errors: FieldRefusals) {
  const firstRow = new Map<string, number>();
  participants.forEach((p, index) => {
    const who = "personId" in p ? `id:${p.personId}` : p.create.name ? `new:${wholeNameKey(p.create.name)}` : null;
    if (!who) return;
    const first = firstRow.get(who);
    if (first === undefined) firstRow.set(who, index);
    else errors[`participants[${index}].name`] ??= [refusal("form.errors.listedTwice", { number: String(first + 1) })];
  });
}

/** The columns a new meeting and a participant are written with, each a placeholder of its name. */
const MEETING_COLUMNS = [
  "date",
  "datePrecision",
  "dateApproximate",
  "startTime",
  "location",
  "hostOrganisationId",
  "partnerId",
  "purpose",
  "summary",
  "language",
] as const;
const placeholders = <Name extends string>(names: readonly Name[]) =>
  Object.fromEntries(names.map((name) => [name, sql.placeholder(name)])) as Record<
    Name,
    ReturnType<typeof sql.placeholder<Name>>
  >;

function meetingValues(input: MeetingInput) {
  return {
    ...partialDateColumns("date", input.date),
    startTime: input.startTime ?? null,
    location: input.location ?? null,
    hostOrganisationId: input.hostOrganisationId ?? null,
    partnerId: input.partnerId ?? null,
    purpose: input.purpose ?? null,
    summary: input.summary ?? null,
    language: input.language,
  } satisfies Record<(typeof MEETING_COLUMNS)[number], unknown>;
}

function writeParticipants(db: Db, meetingId: number, input: MeetingInput, plan: Resolved[], lng: Language) {
  const personIds = plan.map((resolved) =>
    "personId" in resolved ? resolved.personId : insertTypedPerson(db, resolved.create.name ?? "", lng),
  );
  // A title at the meeting says the person held that post on the meeting's date, no more: the
  // post is "as of" that date, never an undated one that would read as held now (issue 13.6).
  input.participants.forEach((p, position) => {
    if (p.title)
      recordPostHeld(db, personIds[position], {
        organisationId: p.organisationId,
        title: titleIn(lng, p.title),
        on: input.date,
      });
  });
  const rows = input.participants.map((p, position) => [personIds[position], p.side, p.role, p.title ?? null] as const);
  if (rows.length) lookups(db).addParticipants.run(meetingId, JSON.stringify(rows));
  return personIds;
}

/** Topics are a shared list: a name on file (however spelt) is reused, a new one is added. */
function writeTopics(db: Db, meetingId: number, names: string[], lng: Language) {
  const { topicNamed, addTopicTo } = lookups(db);
  names.forEach((name, position) => {
    let topicId = topicNamed.get({ key: wholeNameKey(name) })?.id;
    if (!topicId) {
      const topicNames = topicNamesIn(lng, name);
      topicId = db
        .insert(topics)
        .values({ ...topicNames, ...sortKeys(topicNames) })
        .returning({ id: topics.id })
        .get().id;
      writeNameKeys(db, "topic", topicId, topicNames);
    }
    addTopicTo.run({ meetingId, topicId, position });
  });
}

function writeSources(db: Db, meetingId: number, input: MeetingInput) {
  input.sources.forEach((source, position) => {
    const sourceId = db
      .insert(sources)
      .values({
        url: source.url ?? null,
        outlet: source.outlet ?? null,
        title: source.title ?? null,
        text: source.text ?? null,
        language: input.language,
      })
      .returning({ id: sources.id })
      .get().id;
    db.insert(meetingSources).values({ meetingId, sourceId, position }).run();
  });
}

/** The form with the delegation's body resolveMeeting found new made, in its partner, in the form's language. */
function withDelegationBody(db: Db, input: MeetingInput, name: string | undefined, lng: Language): MeetingInput {
  if (!name || !input.partnerId) return input;
  const names = typedName(name, lng);
  const delegationOrganisationId = insertOrganisation(db, {
    partnerId: input.partnerId,
    nameKk: names.nameKk ?? undefined,
    nameRu: names.nameRu ?? undefined,
    nameEn: names.nameEn ?? undefined,
    nameNative: names.nameNative ?? undefined,
  });
  return { ...input, delegationOrganisationId };
}

function writeDelegation(db: Db, input: MeetingInput, personIds: number[]) {
  if (input.delegationId) return input.delegationId;
  if (!input.newDelegation || !input.partnerId) return null;
  // The delegation's members are the guests (for an outgoing visit, our side), its leader one of them.
  const memberSide = delegationSide(input.delegationDirection);
  const leaderIndex = input.participants.findIndex((p) => p.side === memberSide && p.role === "led_delegation");
  const delegationId = db
    .insert(delegations)
    .values({
      partnerId: input.partnerId,
      organisationId: input.delegationOrganisationId ?? null,
      leaderId: leaderIndex >= 0 ? personIds[leaderIndex] : null,
      direction: input.delegationDirection,
      ...partialDateColumns("arrival", input.date),
      purpose: input.purpose ?? null,
    })
    .returning({ id: delegations.id })
    .get().id;
  const members = [...new Set(input.participants.flatMap((p, i) => (p.side === memberSide ? [personIds[i]] : [])))];
  if (members.length)
    db.insert(delegationMembers)
      .values(members.map((personId, position) => ({ delegationId, personId, position })))
      .run();
  return delegationId;
}

function writeInitiatives(db: Db, meetingId: number, input: MeetingInput, lng: Language) {
  for (const raised of input.initiatives) {
    let initiativeId = raised.initiativeId;
    if (!initiativeId) {
      initiativeId = db
        .insert(initiatives)
        .values({
          ...titleIn(lng, raised.title ?? ""),
          kind: raised.kind,
          status: raised.status,
          ownerPersonId: raised.ownerPersonId ?? null,
          ...partialDateColumns("due", raised.due),
          partnerId: input.partnerId ?? null,
          meetingId,
        })
        .returning({ id: initiatives.id })
        .get().id;
    } else {
      db.update(initiatives)
        .set({ status: raised.status, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
        .where(eq(initiatives.id, initiativeId))
        .run();
    }
    db.insert(initiativeSteps)
      .values({
        initiativeId,
        ...partialDateColumns("date", input.date),
        status: raised.status,
        note: raised.note ?? null,
        meetingId,
      })
      .run();
    indexInitiative(db, initiativeId);
  }
}

export type LogResult = { ok: true; id: number } | { ok: false; fieldErrors: FieldRefusals };

/** Logs a whole meeting, or nothing: see ParticipantSchema for how people are found. */
export function logMeeting(input: MeetingInput, lng: Language, actor: Actor): LogResult {
  return writeTransaction(getDb(), actor, (db) => {
    const { errors, participants, input: resolved, newDelegationBody } = resolveMeeting(db, input, lng);
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    return { ok: true, id: writeMeeting(db, resolved, participants, lng, newDelegationBody) };
  });
}

/**
 * Writes a meeting whose references resolveMeeting has checked, inside the caller's write
 * transaction: logMeeting's one, or a spreadsheet import's (app/models/imports.server.ts).
 */
export function writeMeeting(
  db: Db,
  input: MeetingInput,
  participants: Resolved[],
  lng: Language,
  newDelegationBody?: string,
) {
  const meetingId = lookups(db).addMeeting.get(meetingValues(input))!.id;
  const personIds = writeParticipants(db, meetingId, input, participants, lng);
  const delegationId = writeDelegation(db, withDelegationBody(db, input, newDelegationBody, lng), personIds);
  if (delegationId) db.update(meetings).set({ delegationId }).where(eq(meetings.id, meetingId)).run();
  writeTopics(db, meetingId, input.topics, lng);
  writeSources(db, meetingId, input);
  writeInitiatives(db, meetingId, input, lng);
  indexMeeting(db, meetingId);
  return meetingId;
}

/**
 * Rewrites a meeting from the edit form: its fields, participants (in order), topics and
 * sources. Initiatives raised keep their own pages and history.
 */
export function updateMeeting(id: number, input: MeetingInput, lng: Language, actor: Actor, seen?: number): LogResult {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "meeting", id, seen);
    const {
      errors,
      participants,
      input: resolved,
      newDelegationBody,
    } = resolveMeeting(db, { ...input, initiatives: [] }, lng);
    if (Object.keys(errors).length) return { ok: false, fieldErrors: errors };
    db.update(meetings)
      .set({
        ...meetingValues(input),
        delegationId: input.delegationId ?? null,
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
      })
      .where(eq(meetings.id, id))
      .run();
    db.delete(meetingParticipants).where(eq(meetingParticipants.meetingId, id)).run();
    const personIds = writeParticipants(db, id, resolved, participants, lng);
    const delegationId = writeDelegation(db, withDelegationBody(db, resolved, newDelegationBody, lng), personIds);
    if (delegationId) db.update(meetings).set({ delegationId }).where(eq(meetings.id, id)).run();
    db.delete(meetingTopics).where(eq(meetingTopics.meetingId, id)).run();
    writeTopics(db, id, input.topics, lng);
    const oldSources = db
      .select({ id: meetingSources.sourceId })
      .from(meetingSources)
      .where(eq(meetingSources.meetingId, id))
      .all()
      .map((r) => r.id);
    db.delete(meetingSources).where(eq(meetingSources.meetingId, id)).run();
    removeOrphanSources(db, oldSources);
    writeSources(db, id, { ...input, initiatives: [] });
    indexMeeting(db, id);
    return { ok: true, id };
  });
}

/** Sources no longer cited by a meeting or a relation step go with the record that last cited them. */
export function removeOrphanSources(db: Db, ids: number[]) {
  for (const sourceId of ids) {
    const cited =
      countOf(db.select({ count: count() }).from(meetingSources).where(eq(meetingSources.sourceId, sourceId)).get()) +
      countOf(db.select({ count: count() }).from(relationSteps).where(eq(relationSteps.sourceId, sourceId)).get());
    if (cited === 0) db.delete(sources).where(eq(sources.id, sourceId)).run();
  }
}

export function meetingReferences(id: number) {
  const db = getDb();
  return {
    initiatives: countOf(db.select({ count: count() }).from(initiatives).where(eq(initiatives.meetingId, id)).get()),
  };
}

/** A meeting that raised initiatives is not deleted: their history starts there. */
export function deleteMeeting(id: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (db) => {
    checkUnchanged(db, "meeting", id, seen);
    const references = meetingReferences(id);
    if (references.initiatives > 0) return { deleted: false as const, references };
    removeMeeting(db, id);
    return { deleted: true as const, references };
  });
}

/** Deletes a meeting with the sources only it cited and its search row, inside the caller's write transaction. */
export function removeMeeting(db: Db, id: number) {
  const cited = db
    .select({ id: meetingSources.sourceId })
    .from(meetingSources)
    .where(eq(meetingSources.meetingId, id))
    .all()
    .map((r) => r.id);
  db.delete(meetings).where(eq(meetings.id, id)).run();
  removeOrphanSources(db, cited);
  removeFromSearch(db, "meeting", id);
}

/** The edit form's starting values, in the shape the form posts. */
export function meetingForEdit(id: number, lng: Language) {
  const db = getDb();
  const row = db.select().from(meetings).where(eq(meetings.id, id)).get();
  if (!row) return null;
  const participantRows = db
    .select({
      personId: meetingParticipants.personId,
      side: meetingParticipants.side,
      role: meetingParticipants.role,
      title: meetingParticipants.titleAtMeeting,
      person: people,
    })
    .from(meetingParticipants)
    .innerJoin(people, eq(people.id, meetingParticipants.personId))
    .where(eq(meetingParticipants.meetingId, id))
    .orderBy(meetingParticipants.position)
    .all();
  const topicRows = db
    .select({ topic: topics })
    .from(meetingTopics)
    .innerJoin(topics, eq(topics.id, meetingTopics.topicId))
    .where(eq(meetingTopics.meetingId, id))
    .orderBy(meetingTopics.position)
    .all();
  const sourceRows = db
    .select({ source: sources })
    .from(meetingSources)
    .innerJoin(sources, eq(sources.id, meetingSources.sourceId))
    .where(eq(meetingSources.meetingId, id))
    .orderBy(meetingSources.position)
    .all();
  return {
    date: partialDateFormValue(row.date, row.datePrecision, row.dateApproximate),
    startTime: row.startTime ?? undefined,
    location: row.location ?? undefined,
    hostOrganisationId: row.hostOrganisationId ?? undefined,
    hostOrganisationName: row.hostOrganisationId
      ? recordName(db, "organisation", row.hostOrganisationId, lng)
      : undefined,
    partnerId: row.partnerId ?? undefined,
    partnerName: row.partnerId ? recordName(db, "partner", row.partnerId, lng) : undefined,
    delegationId: row.delegationId ?? undefined,
    purpose: row.purpose ?? undefined,
    summary: row.summary ?? undefined,
    language: row.language,
    participants: participantRows.map((p) => ({
      personId: p.personId,
      name: localizedName(p.person, lng),
      side: p.side,
      role: p.role,
      title: p.title ?? undefined,
    })),
    topics: topicRows.map((r) => localizedName(r.topic, lng)),
    sources: sourceRows.map(({ source }) => ({
      url: source.url ?? undefined,
      outlet: source.outlet ?? undefined,
      title: source.title ?? undefined,
      text: source.text ?? undefined,
    })),
  };
}

/**
 * A new meeting's form started from a partner's page (the partner chosen) or a delegation's
 * (the delegation and its partner, and the date of its arrival). Ids not on file are ignored.
 */
export function meetingPrefill(
  { partnerId, delegationId }: { partnerId?: number; delegationId?: number },
  lng: Language,
) {
  const db = getDb();
  const delegation = delegationId
    ? db.select().from(delegations).where(eq(delegations.id, delegationId)).get()
    : undefined;
  if (delegation) {
    return {
      partnerId: delegation.partnerId,
      partnerName: recordName(db, "partner", delegation.partnerId, lng),
      delegationId: delegation.id,
      date: partialDateFormValue(delegation.arrival, delegation.arrivalPrecision, delegation.arrivalApproximate),
    };
  }
  const partner = partnerId
    ? db.select({ id: partners.id }).from(partners).where(eq(partners.id, partnerId)).get()
    : undefined;
  return {
    partnerId: partner?.id,
    partnerName: partner ? recordName(db, "partner", partner.id, lng) : undefined,
    delegationId: undefined,
  };
}

/**
 * Everything the meeting form offers to pick from, named in the reader's language: the partners
 * in a select while they are few (null past that: a picker), the latest delegations and the one
 * the meeting already names, wherever it is in the list.
 */
export function meetingFormChoices(lng: Language, delegationId?: number) {
  const topicNames = namedChoiceRows("topics", lng, { limit: 1000 });
  return {
    partners: choicesOrPicker(getDb(), "partner", FOREIGN, () =>
      partnerChoices(lng).map((p) => ({ value: p.id, label: p.name })),
    ),
    delegations: delegationChoices(lng, delegationId),
    topics: topicNames.map((topic) => localizedName(topic, lng)),
  };
}
