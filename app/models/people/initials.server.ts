/**
 * A name written with initials, as offices write names ("Нурпеисов Ж.Т.", "Ж. Нурпеисов",
 * "Nurpeisov Zh."), is the one person on file whose name has those words and, for each initial,
 * another word that begins with it: Нұрпейісов Жанат Төлеуұлы. Typed so, it matched no one and
 * became a second person.
 */
import { and, eq, or, sql } from "drizzle-orm";
import type { Db } from "~db/client";
import { perConnection } from "~db/prepared";
import { nameKeys, people } from "~db/schema";
import { foldForMatch } from "~db/shared/fold";

/** One initial or several run together, each a capital (and its second letter: "Zh.", "Sh.") and a full stop. */
const INITIALS = /^(?:\p{Lu}\p{Ll}?\.-?)+$/u;
const ONE_INITIAL = /\p{Lu}\p{Ll}?(?=\.)/gu;

export type InitialsName = { words: string[]; initials: string[] };

/** The full words and the initials of a name, folded; null when it has not both. */
export function initialsOf(name: string): InitialsName | null {
  const words: string[] = [];
  const initials: string[] = [];
  for (const token of name.trim().split(/\s+/)) {
    if (INITIALS.test(token)) initials.push(...(token.match(ONE_INITIAL) ?? []).map(foldForMatch));
    else words.push(...foldForMatch(token).split(" ").filter(Boolean));
  }
  return words.length && initials.length ? { words, initials } : null;
}

/** Whether a name on file has the words, and for each initial another word beginning with it. */
export function fitsInitials(onFile: string, { words, initials }: InitialsName): boolean {
  const left = foldForMatch(onFile).split(" ").filter(Boolean);
  for (const word of words) {
    const at = left.indexOf(word);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  for (const initial of initials) {
    const at = left.findIndex((word) => word.startsWith(initial) && word.length > initial.length);
    if (at < 0) return false;
    left.splice(at, 1);
  }
  return true;
}

const statements = perConnection((db) => ({
  // A name's keys begin with its first word (its whole folded form) or are its later words alone
  // (~db/name-keys): a word that begins a key finds the person, by the key index, not a scan;
  // their names come with them, in the same query.
  beginningWith: db
    .selectDistinct({
      id: people.id,
      nameKk: people.nameKk,
      nameRu: people.nameRu,
      nameEn: people.nameEn,
      nameNative: people.nameNative,
    })
    .from(nameKeys)
    .innerJoin(people, eq(people.id, nameKeys.recordId))
    .where(
      and(
        eq(nameKeys.recordType, "person"),
        or(eq(nameKeys.key, sql.placeholder("word")), sql`${nameKeys.key} GLOB ${sql.placeholder("prefix")}`),
      ),
    )
    .limit(200)
    .prepare(),
}));

const globLiteral = (text: string) => text.replace(/[*?[\]]/g, (c) => `[${c}]`);

/** The ids of the people on file a name written with initials can only be (none, one or several). */
export function peopleByInitials(db: Db, name: string): number[] {
  const parsed = initialsOf(name);
  if (!parsed) return [];
  const found = new Set<number>();
  const { beginningWith } = statements(db);
  for (const word of new Set(parsed.words))
    for (const person of beginningWith.all({ word, prefix: `${globLiteral(word)} *` }))
      if (
        [person.nameKk, person.nameRu, person.nameEn, person.nameNative].some(
          (form) => form && fitsInitials(form, parsed),
        )
      )
        found.add(person.id);
  return [...found].sort((a, b) => a - b);
}
