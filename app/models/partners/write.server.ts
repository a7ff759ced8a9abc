import { and, eq, sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import type { Db } from "~db/client";
import type { PartnerInput } from "~/forms/partner";
import type { Actor } from "~db/history";
import { writeNameKeys } from "~db/name-keys";
import { partners } from "~db/schema";
import { sortKeys } from "~db/shared/names";
import { writeTransaction } from "../writes.server";
import { partnerReferences } from "./read.server";
import { checkUnchanged } from "../record-versions.server";

function partnerValues(input: PartnerInput) {
  const names = {
    nameKk: input.nameKk ?? null,
    nameRu: input.nameRu ?? null,
    nameEn: input.nameEn ?? null,
    nameNative: input.nameNative ?? null,
  };
  return {
    names,
    values: {
      kind: input.kind,
      countryCode: input.countryCode,
      wikidataId: input.wikidataId ?? null,
      ...names,
      ...sortKeys(names),
    },
  };
}

export function createPartner(input: PartnerInput, actor: Actor): number {
  return writeTransaction(getDb(), actor, (tx) => insertPartner(tx, input));
}

/** A new partner with its name keys, inside the caller's write transaction. */
export function insertPartner(tx: Db, input: PartnerInput): number {
  const { names, values } = partnerValues(input);
  const id = tx.insert(partners).values(values).returning({ id: partners.id }).get().id;
  writeNameKeys(tx, "partner", id, names);
  return id;
}

/** `seen`: the version the edit form was opened at (../record-versions.server.ts). */
export function updatePartner(id: number, input: PartnerInput, actor: Actor, seen?: number) {
  writeTransaction(getDb(), actor, (tx) => {
    checkUnchanged(tx, "partner", id, seen);
    const { names, values } = partnerValues(input);
    tx.update(partners)
      .set({ ...values, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
      .where(eq(partners.id, id))
      .run();
    writeNameKeys(tx, "partner", id, names);
  });
}

/** Deletes a partner nothing refers to; otherwise deletes nothing and says what refers to it. */
export function deletePartner(id: number, actor: Actor, seen?: number) {
  return writeTransaction(getDb(), actor, (tx) => {
    checkUnchanged(tx, "partner", id, seen);
    const references = partnerReferences(id);
    if (Object.values(references).some((n) => n > 0)) return { deleted: false as const, references };
    tx.delete(partners)
      .where(and(eq(partners.id, id), eq(partners.isHome, false)))
      .run();
    return { deleted: true as const, references };
  });
}
