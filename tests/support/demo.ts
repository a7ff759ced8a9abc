/**
 * Ids of the demo history's records (app/models/demo-data.server.ts), found by their English
 * names, for tests that act on the demo meeting's partner, bodies and people.
 */
import * as s from "~db/schema";
import { getDb } from "~/db.server";

const idOf = <Row extends { id: number }>(rows: Row[], found: (row: Row) => boolean | undefined, what: string) => {
  const row = rows.find((r) => found(r));
  if (!row) throw new Error(`The demo history has no ${what}`);
  return row.id;
};

export const demoPartnerId = (nameEn: string) =>
  idOf(getDb().select().from(s.partners).all(), (p) => p.nameEn === nameEn, `partner ${nameEn}`);

export const demoOrganisationId = (nameEn: string) =>
  idOf(getDb().select().from(s.organisations).all(), (o) => o.nameEn === nameEn, `organisation ${nameEn}`);

/** A person by any of their names (Kazakh, Russian or English form). */
export const demoPersonId = (name: string) =>
  idOf(getDb().select().from(s.people).all(), (p) => [p.nameKk, p.nameRu, p.nameEn].includes(name), `person ${name}`);
