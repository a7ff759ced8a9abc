/**
 * What a delete page says the record is: its kind, its dates and its partner, so that two alike
 * (two relations of one partner, two meetings on one day) can be told apart before one goes.
 */
import { and, eq, inArray, ne } from "drizzle-orm";
import { getDb } from "~/db.server";
import type { RecordDetail } from "~/forms/DeleteConfirmation";
import type { Language } from "~/i18n/config";
import { dateWords } from "~/i18n/dates";
import type { T } from "~/i18n/translate";
import { getInitiative } from "./initiatives/read.server";
import { peopleByInitials } from "./people/initials.server";
import { getMeeting } from "./meetings/read.server";
import { getPartner } from "./partners/read.server";
import { getPerson } from "./people/read.server";
import { relationForStep, relationStepForEdit, relationStepsOf } from "./relations/read.server";
import { NAMED_TABLES, type NamedRecordType } from "~db/name-keys";
import { nameKeys } from "~db/schema";
import { wholeNameKeys } from "~db/shared/fold";
import { localizedName } from "~db/shared/names";
import { formatPartialDate, type PartialDate } from "~db/shared/partial-date";
import { getDelegation } from "./delegations.server";
import { getOrganisation } from "./organisations.server";

export type RecordName = { name: string; details: RecordDetail[] };

const join = (...parts: Array<string | null | undefined | false>) => parts.filter(Boolean).join(" · ");

function dates(lng: Language, t: T) {
  const words = dateWords(lng, t);
  const one = (date: PartialDate) => formatPartialDate(date, words);
  /** "12 May 2019 – 2021", or one date when both ends are the same or one is unknown. */
  const span = (from: PartialDate, to: PartialDate) => {
    const [a, b] = [from.value ? one(from) : null, to.value ? one(to) : null];
    return a && b && a !== b ? `${a} – ${b}` : (a ?? b ?? words.unknown);
  };
  return { one, span };
}

export function relationName(id: number, lng: Language, t: T): RecordName | null {
  const relation = relationForStep(id);
  if (!relation) return null;
  const { one, span } = dates(lng, t);
  const steps = relationStepsOf(id);
  const partner = localizedName(relation.partner, lng);
  const kind = t(`relation.types.${relation.type}`);
  const when = steps.length ? span(steps[0].date, steps[steps.length - 1].date) : null;
  return {
    name: join(partner, kind, when),
    details: [
      { label: t("meeting.partner"), value: partner },
      { label: t("form.relation.type"), value: kind },
      ...(relation.note ? [{ label: t("form.relation.note"), value: relation.note }] : []),
      {
        label: t("relation.history"),
        value: steps.map((s) => `${one(s.date)} — ${t(`relation.statuses.${s.status}`)}`).join("; "),
      },
    ],
  };
}

export function relationStepName(relationId: number, stepId: number, lng: Language, t: T): RecordName | null {
  const relation = relationName(relationId, lng, t);
  const step = relationStepForEdit(relationId, stepId, lng);
  const stored = relationStepsOf(relationId).find((s) => s.id === stepId);
  if (!relation || !step || !stored) return null;
  const { one } = dates(lng, t);
  const status = t(`relation.statuses.${step.status}`);
  return {
    name: join(status, one(stored.date)),
    details: [
      { label: t("form.relation.relation"), value: relation.name },
      { label: t("meeting.date"), value: one(stored.date) },
      { label: t("form.relation.status"), value: status },
      ...(step.note ? [{ label: t("form.relation.stepNote"), value: step.note }] : []),
      ...(step.signatories.length
        ? [{ label: t("form.relation.signatories"), value: step.signatories.map((s) => s.name).join(", ") }]
        : []),
    ],
  };
}

export function meetingName(id: number, lng: Language, t: T): RecordName | null {
  const meeting = getMeeting(id, lng);
  if (!meeting) return null;
  const { one } = dates(lng, t);
  const title = meeting.partner ? t("meeting.title", { partner: meeting.partner.name }) : t("meeting.titleNoPartner");
  return {
    name: join(title, one(meeting.date)),
    details: [
      { label: t("meeting.date"), value: join(one(meeting.date), meeting.startTime) },
      ...(meeting.location ? [{ label: t("meeting.place"), value: meeting.location }] : []),
      ...(meeting.host ? [{ label: t("meeting.host"), value: meeting.host.name }] : []),
      ...(meeting.purpose ? [{ label: t("meeting.purpose"), value: meeting.purpose }] : []),
      { label: t("meeting.participants"), value: meeting.participants.map((p) => p.name).join(", ") || "—" },
    ],
  };
}

export function delegationName(id: number, lng: Language, t: T): RecordName | null {
  const delegation = getDelegation(id, lng);
  if (!delegation) return null;
  const { span } = dates(lng, t);
  const when = span(delegation.arrival, delegation.departure);
  return {
    name: join(t("meeting.delegation"), delegation.partner?.name, when),
    details: [
      ...(delegation.partner ? [{ label: t("meeting.partner"), value: delegation.partner.name }] : []),
      { label: t("form.meeting.direction"), value: t(`meeting.directions.${delegation.direction}`) },
      { label: t("delegation.visit"), value: when },
      ...(delegation.leader ? [{ label: t("form.delegation.leader"), value: delegation.leader.name }] : []),
      ...(delegation.members.length
        ? [{ label: t("form.delegation.members"), value: delegation.members.map((m) => m.name).join(", ") }]
        : []),
    ],
  };
}

export function initiativeName(id: number, lng: Language, t: T): RecordName | null {
  const initiative = getInitiative(id, lng);
  if (!initiative) return null;
  const { one } = dates(lng, t);
  return {
    name: join(initiative.title, initiative.partner?.name),
    details: [
      { label: t("initiative.kind"), value: t(`initiative.kinds.${initiative.kind}`) },
      { label: t("initiative.status"), value: t(`initiative.statuses.${initiative.status}`) },
      ...(initiative.partner ? [{ label: t("meeting.partner"), value: initiative.partner.name }] : []),
      ...(initiative.raisedAt ? [{ label: t("initiative.raisedAt"), value: one(initiative.raisedAt.date) }] : []),
      ...(initiative.due.value ? [{ label: t("initiative.due"), value: one(initiative.due) }] : []),
    ],
  };
}

export function personName(id: number, lng: Language, t: T): RecordName | null {
  const person = getPerson(id, lng);
  if (!person) return null;
  const post = person.currentPost;
  return {
    name: join(person.name, post?.title),
    details: [
      ...(["kk", "ru", "en"] as const).flatMap((l) =>
        person.names[l]
          ? [{ label: t(`form.person.name${l === "kk" ? "Kk" : l === "ru" ? "Ru" : "En"}`), value: person.names[l]! }]
          : [],
      ),
      ...(person.names.native ? [{ label: t("form.person.nameNative"), value: person.names.native }] : []),
      ...(post ? [{ label: t("person.currentPost"), value: join(post.title, post.organisation.name) }] : []),
    ],
  };
}

export function organisationName(id: number, lng: Language, t: T): RecordName | null {
  const organisation = getOrganisation(id, lng);
  if (!organisation) return null;
  return {
    name: join(organisation.name, organisation.partner?.name),
    details: [
      ...(organisation.partner ? [{ label: t("form.organisation.partner"), value: organisation.partner.name }] : []),
      ...(organisation.parent ? [{ label: t("organisation.parent"), value: organisation.parent.name }] : []),
    ],
  };
}

export function partnerName(id: number, lng: Language, t: T): RecordName | null {
  const partner = getPartner(id, lng);
  if (!partner) return null;
  return {
    name: join(partner.name, partner.country),
    details: [
      { label: t("partner.kind"), value: t(`partner.kinds.${partner.kind}`) },
      { label: t("partner.country"), value: partner.country },
      ...(partner.names.native ? [{ label: t("partner.nativeName"), value: partner.names.native }] : []),
    ],
  };
}

type Names = { nameKk?: string | null; nameRu?: string | null; nameEn?: string | null; nameNative?: string | null };

/**
 * Records already on file under any form of these names, case, Kazakh letters and script aside
 * ("Нурпеисов" finds "Нұрпейісов"): the duplicate guard asks before a second one is made.
 */
export function findNameMatches(recordType: NamedRecordType, names: Names, lng: Language, excludeId?: number) {
  const keys = [names.nameKk, names.nameRu, names.nameEn, names.nameNative]
    .filter((n): n is string => Boolean(n))
    // Every spelling of the whole name ("Uşak" is "Usak" on file), none of its parts: "김민준" is
    // not "이민준", though both are found by "민준".
    .flatMap(wholeNameKeys);
  if (keys.length === 0) return [];
  const db = getDb();
  const conditions = [eq(nameKeys.recordType, recordType), inArray(nameKeys.key, keys)];
  if (excludeId) conditions.push(ne(nameKeys.recordId, excludeId));
  const ids = db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(...conditions))
    .limit(10)
    .all()
    .map((r) => r.id);
  // A person's name written with initials ("Нурпеисов Ж.") is the person on file it can be.
  if (ids.length === 0 && recordType === "person")
    for (const name of [names.nameKk, names.nameRu, names.nameEn, names.nameNative])
      if (name) ids.push(...peopleByInitials(db, name).filter((id) => id !== excludeId && !ids.includes(id)));
  if (ids.length === 0) return [];
  const table = NAMED_TABLES[recordType];
  return db
    .select({ id: table.id, nameKk: table.nameKk, nameRu: table.nameRu, nameEn: table.nameEn })
    .from(table)
    .where(inArray(table.id, ids))
    .all()
    .map((r) => ({ id: r.id, name: localizedName(r, lng) }));
}
