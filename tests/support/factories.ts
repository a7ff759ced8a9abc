/**
 * Test fixtures made the way the app makes them: through the models, as the system, with the
 * history, search index and name keys each write keeps. Each takes only what a test cares about;
 * the rest is a plausible default. Dates are written as text: "2016", "2016-05", "2016-05-14",
 * or null for unknown.
 */
import { SYSTEM } from "~db/history";
import type { UserRole } from "~db/schema";
import type { DelegationInput } from "~/forms/delegation";
import type { InitiativeInput } from "~/forms/initiative";
import type { MeetingInput } from "~/forms/meeting";
import type { OrganisationInput } from "~/forms/organisation";
import type { PartnerInput } from "~/forms/partner";
import type { PersonInput } from "~/forms/person";
import type { RelationInput, RelationStepInput } from "~/forms/relation";
import { saveDelegation } from "~/models/delegations.server";
import { createInitiative } from "~/models/initiatives/write.server";
import { logMeeting } from "~/models/meetings/write.server";
import { createOrganisation } from "~/models/organisations.server";
import { createPartner } from "~/models/partners/write.server";
import { createPerson } from "~/models/people/write.server";
import { addRelationStep, createRelation } from "~/models/relations/write.server";
import { createUser } from "~/models/users.server";
import { partialDate } from "~db/shared/partial-date";

type DateText = string | null;

// Passes the rules for a new password (app/utils/password-strength.ts); not the famous xkcd
// phrase it replaces, which is in every cracker's list even if zxcvbn's misses it with spaces.
export const TEST_PASSWORD = "дұрыс жылқы батарея қапсырма";

let serial = 0;
/** A name no other fixture of this run has, so a test finds what it made. */
const unique = (what: string) => `${what} ${++serial}`;
type Names = { nameKk?: string; nameRu?: string; nameEn?: string; nameNative?: string };
/** An English name, unless the test gave one in any language: a listing sees only the names given. */
const named = (what: string, given: Names) =>
  given.nameKk || given.nameRu || given.nameEn || given.nameNative ? {} : { nameEn: unique(what) };

/** A model's field errors, as a thrown error: a fixture that cannot be made is the test's mistake. */
function orThrow<T extends { ok: boolean }>(what: string, result: T): Extract<T, { ok: true }> {
  if (!result.ok) throw new Error(`${what} could not be made: ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}

export function aPartner(overrides: Partial<PartnerInput> = {}): number {
  return createPartner({ kind: "city", countryCode: "CN", ...named("Partner", overrides), ...overrides }, SYSTEM);
}

export function aPerson(overrides: Partial<PersonInput> = {}): number {
  const created = createPerson({ ...named("Person", overrides), posts: [], ...overrides }, SYSTEM);
  if (!created.ok) throw new Error(`aPerson was refused: ${JSON.stringify(created.fieldErrors)}`);
  return created.id;
}

export function anOrganisation(partnerId: number, overrides: Partial<OrganisationInput> = {}): number {
  return createOrganisation({ partnerId, ...named("Organisation", overrides), ...overrides }, SYSTEM);
}

/** A meeting, with a partner or a delegation (the form asks for one), on a date or none. */
export function aMeeting({ date = null, ...overrides }: Partial<Omit<MeetingInput, "date">> & { date?: DateText }) {
  const input: MeetingInput = {
    date: partialDate(date),
    language: "en",
    delegationDirection: "incoming",
    participants: [],
    topics: [],
    sources: [],
    initiatives: [],
    ...overrides,
  };
  return orThrow("A meeting", logMeeting(input, "en", SYSTEM)).id;
}

export function aDelegation({
  arrival = null,
  departure = null,
  ...overrides
}: Partial<Omit<DelegationInput, "arrival" | "departure">> & {
  partnerId: number;
  arrival?: DateText;
  departure?: DateText;
}) {
  const input: DelegationInput = {
    direction: "incoming",
    arrival: partialDate(arrival),
    departure: partialDate(departure),
    members: [],
    ...overrides,
  };
  return orThrow("A delegation", saveDelegation(undefined, input, SYSTEM)).id;
}

export function anInitiative({
  due = null,
  ...overrides
}: Partial<Omit<InitiativeInput, "due">> & { due?: DateText } = {}): number {
  return createInitiative(
    { titleEn: unique("Initiative"), kind: "other", status: "proposed", due: partialDate(due), ...overrides },
    SYSTEM,
  );
}

/** A relation with its first step (signed, on the date given). */
export function aRelation(
  partnerId: number,
  { date = null, ...overrides }: Partial<Omit<RelationInput, "date">> & { date?: DateText } = {},
): number {
  const input: RelationInput = {
    type: "sister_city",
    status: "signed",
    date: partialDate(date),
    signatories: [],
    ...overrides,
  };
  return orThrow("A relation", createRelation(partnerId, input, "en", SYSTEM)).id;
}

/** A later step of a relation. */
export function aRelationStep(
  relationId: number,
  { date = null, ...overrides }: Partial<Omit<RelationStepInput, "date">> & { date?: DateText } = {},
) {
  const input: RelationStepInput = { status: "active", date: partialDate(date), signatories: [], ...overrides };
  return orThrow("A relation step", addRelationStep(relationId, input, "en", SYSTEM));
}

/** An account with a real (hashed) password, TEST_PASSWORD unless given. */
export function anAccount(overrides: { role?: UserRole; email?: string; name?: string; password?: string } = {}) {
  const n = ++serial;
  return createUser({
    email: `account-${n}@test.kezdesu`,
    name: `Account ${n}`,
    role: "viewer",
    password: TEST_PASSWORD,
    ...overrides,
  });
}
