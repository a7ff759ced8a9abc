/**
 * The mapping step of the import (issue 15.1): a file whose header row is not the template's is
 * read through a mapping, column → field, that the person chooses. The page proposes one (a
 * header that is a field's header in any language, or folds to one: "Дата встречи", "PARTNER"),
 * the choices are checked against the file's own header row, and the mapping is remembered per
 * kind and header row (its hash, over the headers folded), so the next file with the same
 * headers is read through it at once.
 */
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import { MEETING_COLUMNS } from "~/exchange/columns";
import { MAPPING_IGNORE, type MappingChoice } from "~/forms/import";
import { LANGUAGES, type Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import type { Actor } from "~db/history";
import { importMappings, type IMPORT_KINDS } from "~db/schema";
import { foldForMatch } from "~db/shared/fold";
import { fold, headerKeys, type ColumnKey, type ColumnMapping } from "./imports.server";
import { refusal, type Refusal } from "./refusals";
import { writeTransaction } from "./writes.server";

type Kind = (typeof IMPORT_KINDS)[number];

/** The fields a column can hold, in the template's order. */
export const MEETING_FIELDS = MEETING_COLUMNS.map((c) => c.key as ColumnKey);
/** What the import needs to make a meeting: its partner (every other field may be empty). */
export const REQUIRED_FIELDS: ColumnKey[] = ["partner"];

/** The hash a header row is remembered by: its headers folded as the import reads them. */
export function headerHash(headers: string[]) {
  return createHash("sha256")
    .update(JSON.stringify(headers.map((h) => fold(h))))
    .digest("hex");
}

/** The field headers of every language, loosely folded ("Страна партнёра" → "strana partnera"). */
function looseKeys() {
  const keys: Array<{ words: string[]; key: ColumnKey }> = [];
  for (const lng of LANGUAGES) {
    const t = translatorFor(lng);
    for (const c of MEETING_COLUMNS)
      keys.push({ words: foldForMatch(c.header(t)).split(" "), key: c.key as ColumnKey });
  }
  return keys;
}

/**
 * The mapping the page proposes for a header row: a header that is a field's header in any
 * language takes that field; then one that folds to a field's header, or holds all its words
 * (the longest such header wins); each field goes to one column at most, the first. The rows are
 * read in the language most of the headers are in, else the reader's.
 */
export function proposeMapping(headers: string[], readerLng: Language): ColumnMapping {
  const exact = headerKeys();
  const texts = headers.map(fold);
  const best = exact
    .map(({ lng, keys }) => ({ lng, found: texts.filter((h) => keys.has(h)).length }))
    .sort((a, b) => b.found - a.found)[0];
  const columns: Array<ColumnKey | null> = texts.map((h) => {
    for (const { keys } of exact) if (keys.has(h)) return keys.get(h) as ColumnKey;
    return null;
  });
  const loose = looseKeys();
  headers.forEach((header, i) => {
    if (columns[i] || !header) return;
    const words = foldForMatch(header).split(" ").filter(Boolean);
    if (!words.length) return;
    const found = loose
      .filter((k) => k.words.every((w) => words.includes(w)))
      .sort((a, b) => b.words.length - a.words.length)
      .find((k) => !columns.includes(k.key));
    if (found) columns[i] = found.key;
  });
  // A field taken twice by exact headers keeps its first column.
  const seen = new Set<ColumnKey>();
  const unique = columns.map((key) => {
    if (!key || seen.has(key)) return null;
    seen.add(key);
    return key;
  });
  return { columns: unique, lng: best && best.found > 0 ? best.lng : readerLng };
}

export type MappingCheck =
  { ok: true; mapping: ColumnMapping } | { ok: false; byColumn: Array<Refusal[]>; form: Refusal[] };

/**
 * The person's choices, one a column, checked against the file's own header row: as many as it
 * has columns, no field chosen twice, every required field chosen. Refusals by column, and for
 * the form (a required field no column holds).
 */
export function checkMapping(headers: string[], choices: MappingChoice[], lng: Language): MappingCheck {
  if (choices.length !== headers.length)
    return { ok: false, byColumn: headers.map(() => []), form: [refusal("form.errors.invalid")] };
  const byColumn: Refusal[][] = headers.map(() => []);
  const columns = choices.map((c) => (c === MAPPING_IGNORE ? null : c));
  columns.forEach((key, i) => {
    if (key && columns.filter((k) => k === key).length > 1)
      byColumn[i].push(refusal("imports.mapping.twice", { field: key }));
  });
  const form = REQUIRED_FIELDS.filter((key) => !columns.includes(key)).map((key) =>
    refusal("imports.mapping.required", { field: key }),
  );
  if (form.length || byColumn.some((e) => e.length)) return { ok: false, byColumn, form };
  return { ok: true, mapping: { columns, lng } };
}

/** The mapping remembered for this header row, or null (none, or no longer fitting it). */
export function rememberedMapping(kind: Kind, headers: string[]): Array<ColumnKey | null> | null {
  const row = getDb()
    .select({ columns: importMappings.columns })
    .from(importMappings)
    .where(and(eq(importMappings.kind, kind), eq(importMappings.headerHash, headerHash(headers))))
    .get();
  if (!row) return null;
  try {
    const columns = JSON.parse(row.columns) as unknown;
    if (
      !Array.isArray(columns) ||
      columns.length !== headers.length ||
      !columns.every((c) => c === null || MEETING_FIELDS.includes(c as ColumnKey))
    )
      return null;
    return columns as Array<ColumnKey | null>;
  } catch {
    return null;
  }
}

/** Remembers (or replaces) the mapping for this header row: who chose it, when. */
export function rememberMapping(kind: Kind, headers: string[], columns: Array<ColumnKey | null>, actor: Actor) {
  writeTransaction(getDb(), actor, (tx) => {
    tx.insert(importMappings)
      .values({ kind, headerHash: headerHash(headers), columns: JSON.stringify(columns), userId: actor.userId })
      .onConflictDoUpdate({
        target: [importMappings.kind, importMappings.headerHash],
        set: {
          columns: JSON.stringify(columns),
          userId: actor.userId,
          at: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`,
        },
      })
      .run();
  });
}
