import { eq } from "drizzle-orm";
import { sortKeys } from "./shared/names";
import type { Db } from "./client";
import { writeNameKeys } from "./name-keys";
import { partners } from "./schema";

/**
 * Kezdesu is the Astana city maslikhat's record: the home city is part of the product, not of
 * the data. It exists from the first start, with or without the demo history.
 */
export const HOME_CITY = { nameKk: "Астана", nameRu: "Астана", nameEn: "Astana" } as const;

export function ensureHomeCity(db: Db): number {
  const home = db.select({ id: partners.id }).from(partners).where(eq(partners.isHome, true)).get();
  if (home) return home.id;
  const id = db
    .insert(partners)
    .values({ kind: "city", countryCode: "KZ", isHome: true, ...HOME_CITY, ...sortKeys(HOME_CITY) })
    .returning({ id: partners.id })
    .get().id;
  writeNameKeys(db, "partner", id, HOME_CITY);
  return id;
}
