/**
 * A form's reference to a partner, an organisation or a person: chosen from a select while the
 * records of that kind are few, picked from suggestions or typed by name once they are many.
 *
 * A select of every record on file does not scale: at the national size the initiative form
 * listed 5,000 options (590 KB of HTML), and the selects were cut at a fixed number of rows, so a
 * record past the cut could not be chosen and an edit silently dropped one already chosen. Past
 * SELECT_LIMIT the form gets a name picker instead, and the server resolves a typed name here.
 */
import { and, eq } from "drizzle-orm";
import type { Db } from "~db/client";
import { nameKeys, organisations, partners, people } from "~db/schema";
import { clientOf, perConnection } from "~db/prepared";
import { wholeNameKey } from "~db/shared/fold";
import { localizedName } from "~db/shared/names";
import type { Language } from "~/i18n/config";
import type { TranslationKey } from "~/i18n/translate";
import { refusal, type FieldRefusals, type Refusal } from "./refusals";
import { namesOf } from "./sql.server";
import { countryName } from "~/utils/countries";

/** Up to this many records a form offers them all in a select; past it, a name picker. */
export const SELECT_LIMIT = 200;

export type RecordKind = "partner" | "organisation" | "person";
/**
 * Which records of a kind a field offers: partners other than the home city; people on our side
 * (the select offers only them; a picker suggests anyone, as the server has always accepted).
 */
export type RecordScope = { foreignOnly?: boolean; homeSideOnly?: boolean };

const tables = { partner: partners, organisation: organisations, person: people } as const;

/**
 * Whether a field's records are too many for a select, counted no further than SELECT_LIMIT + 1:
 * counting every person on our side read all their posts (4 ms at the national size, on every
 * initiatives page), the first 201 are read in a fraction of that.
 */
const countStatements = perConnection((db) => {
  const client = clientOf(db);
  const upTo = (from: string) =>
    client.prepare<[], number>(`select count(*) from (${from} limit ${SELECT_LIMIT + 1})`).pluck();
  return {
    partner: upTo("select 1 from partners"),
    foreignPartner: upTo("select 1 from partners where is_home = 0"),
    organisation: upTo("select 1 from organisations"),
    person: upTo("select 1 from people"),
    homeSidePerson: upTo(
      "select distinct posts.person_id from posts join organisations on organisations.id = posts.organisation_id join partners on partners.id = organisations.partner_id where partners.is_home = 1",
    ),
  };
});

export function tooManyForSelect(db: Db, kind: RecordKind, scope: RecordScope = {}): boolean {
  const counts = countStatements(db);
  const statement =
    kind === "partner"
      ? scope.foreignOnly
        ? counts.foreignPartner
        : counts.partner
      : kind === "person" && scope.homeSideOnly
        ? counts.homeSidePerson
        : counts[kind];
  return statement.get()! > SELECT_LIMIT;
}

/** The records of a kind a select offers, or null when there are too many for one (a picker then). */
export function choicesOrPicker<T>(db: Db, kind: RecordKind, scope: RecordScope, choices: () => T[]): T[] | null {
  return tooManyForSelect(db, kind, scope) ? null : choices();
}

/** A record's name in the reader's language, as a picker shows the one already chosen. */
export function recordName(db: Db, kind: RecordKind, id: number, lng: Language): string | undefined {
  const table = tables[kind];
  const row = db.select(namesOf(table)).from(table).where(eq(table.id, id)).get();
  return row ? localizedName(row, lng) : undefined;
}

const NOT_ON_FILE: Record<RecordKind, TranslationKey> = {
  partner: "form.errors.partnerNotOnFile",
  organisation: "form.errors.organisationNotOnFile",
  person: "form.errors.personNotOnFile",
};
/** Whether a refusal says a typed name is on file as no record of its kind (rather than as several). */
export const isNotOnFile = (answer: Refusal) => Object.values(NOT_ON_FILE).includes(answer.key as TranslationKey);

const SEVERAL: Record<RecordKind, TranslationKey> = {
  partner: "form.errors.severalPartners",
  organisation: "form.errors.severalOrganisations",
  person: "form.errors.severalPeopleShort",
};

/** Records of a kind whose whole name, in any script and spelling, folds to `name` (a few at most). */
function recordsNamed(db: Db, kind: RecordKind, name: string): number[] {
  return db
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, kind), eq(nameKeys.key, wholeNameKey(name))))
    .limit(10)
    .all()
    .map((r) => r.id);
}

// Asked for every id a form names: built by drizzle once per connection, not on every call (a
// fortieth of logging a meeting went to building "select is_home from partners where id = ?").
const idStatements = perConnection((db) => {
  const client = clientOf(db);
  const onFile = (table: string) => client.prepare<[number], number>(`select 1 from ${table} where id = ?`).pluck();
  return {
    partnerIsHome: client.prepare<[number], number>("select is_home from partners where id = ?").pluck(),
    onFile: { partner: onFile("partners"), organisation: onFile("organisations"), person: onFile("people") },
  };
});

/** Whether a partner is the home city: undefined when no such partner is on file. */
function partnerIsHome(db: Db, id: number): boolean | undefined {
  const isHome = idStatements(db).partnerIsHome.get(id);
  return isHome === undefined ? undefined : isHome === 1;
}

function inScope(db: Db, kind: RecordKind, id: number, scope: RecordScope): boolean {
  if (kind === "partner" && scope.foreignOnly) return partnerIsHome(db, id) === false;
  return idStatements(db).onFile[kind].get(id) !== undefined;
}

/**
 * The record a field names: the id chosen, if it is on file; else the one record whose whole name
 * is the one typed. None, or several namesakes, is a refusal to show beside the field.
 */
export function resolveRecord(
  db: Db,
  kind: RecordKind,
  ref: { id?: number; name?: string },
  lng: Language,
  scope: RecordScope = {},
): { ok: true; id?: number } | { ok: false; refusal: Refusal } {
  // The home city named where only a foreign partner may be (a meeting's, a delegation's): said
  // so, rather than "not on file" of a record that is.
  const homeRefused = (id: number) =>
    kind === "partner" && scope.foreignOnly === true && partnerIsHome(db, id) === true;
  if (ref.id) {
    if (inScope(db, kind, ref.id, scope)) return { ok: true, id: ref.id };
    return homeRefused(ref.id) ? { ok: false, refusal: refusal("form.errors.homeNotPartner") } : notFound();
  }
  if (!ref.name) return { ok: true };
  const named = recordsNamed(db, kind, ref.name);
  const ids = named.filter((id) => inScope(db, kind, id, scope));
  if (ids.length === 1) return { ok: true, id: ids[0] };
  if (ids.length === 0 && named.some(homeRefused)) return { ok: false, refusal: refusal("form.errors.homeNotPartner") };
  if (ids.length === 0) return { ok: false, refusal: refusal(NOT_ON_FILE[kind]) };
  const names = ids.map((id) => labelOf(db, kind, id, lng)).join(", ");
  return { ok: false, refusal: refusal(SEVERAL[kind], { names }) };
}

/** A namesake told apart: a partner with its country, a body with its partner ("Name (Partner)"). */
function labelOf(db: Db, kind: RecordKind, id: number, lng: Language) {
  const name = recordName(db, kind, id, lng);
  if (kind === "partner") {
    const row = db.select({ countryCode: partners.countryCode }).from(partners).where(eq(partners.id, id)).get();
    return row ? `${name} (${countryName(row.countryCode, lng)})` : name;
  }
  if (kind === "organisation") {
    const row = db
      .select({ partnerId: organisations.partnerId })
      .from(organisations)
      .where(eq(organisations.id, id))
      .get();
    return row ? `${name} (${recordName(db, "partner", row.partnerId, lng)})` : name;
  }
  return name;
}

const notFound = () => ({ ok: false as const, refusal: refusal("form.errors.notFound") });

/** A form's reference fields: `<field>Id` chosen or picked, `<field>Name` typed in a picker. */
export type RefFields<F extends string> = Record<F, { kind: RecordKind; scope?: RecordScope }>;

/**
 * Every reference of a form resolved to an id, or the refusals. A refusal is set on both the
 * select's field (`<field>Id`) and the picker's (`<field>Name`): the form shows whichever it has.
 */
export function resolveRefs<F extends string>(
  db: Db,
  input: Partial<Record<`${F}Id`, number | undefined> & Record<`${F}Name`, string | undefined>>,
  fields: RefFields<F>,
  lng: Language,
): { ids: Partial<Record<F, number>>; errors: FieldRefusals } {
  const ids: Partial<Record<F, number>> = {};
  const errors: FieldRefusals = {};
  for (const field of Object.keys(fields) as F[]) {
    const { kind, scope } = fields[field];
    const ref = {
      id: (input as Record<string, number | undefined>)[`${field}Id`],
      name: (input as Record<string, string | undefined>)[`${field}Name`],
    };
    const found = resolveRecord(db, kind, ref, lng, scope);
    if (found.ok) ids[field] = found.id;
    else errors[`${field}Id`] = errors[`${field}Name`] = [found.refusal];
  }
  return { ids, errors };
}

/** The names a picker shows for the records an edit form starts with (`<field>Name` beside each `<field>Id`). */
export function refNames<F extends string>(
  db: Db,
  values: Partial<Record<`${F}Id`, number | null | undefined>>,
  fields: RefFields<F>,
  lng: Language,
): Partial<Record<`${F}Name`, string>> {
  const names: Record<string, string> = {};
  for (const field of Object.keys(fields) as F[]) {
    const id = (values as Record<string, number | null | undefined>)[`${field}Id`];
    const name = id ? recordName(db, fields[field].kind, id, lng) : undefined;
    if (name) names[`${field}Name`] = name;
  }
  return names as Partial<Record<`${F}Name`, string>>;
}
