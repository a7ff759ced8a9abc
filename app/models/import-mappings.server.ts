/**
 * The mapping step of the import (issue 15.1): a file of any kind (meetings, people, partners)
 * whose header row is not the template's is read through a mapping, column → field, that the
 * person chooses. One mechanism for every kind: the fields are the kind's template columns
 * (app/exchange/columns.ts), the required ones what the import needs to make its record. The
 * page proposes a mapping (a header that is a field's header in any language, or folds to one:
 * "Дата встречи", "PARTNER", "Должности"), the choices are checked against the file's own header
 * row and kind, and the mapping is remembered per kind and header row (its hash, over the
 * headers folded), so the next file of that kind with the same headers is read through it at
 * once.
 */
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "~/db.server";
import { MAPPING_IGNORE, type MappingChoice } from "~/forms/import";
import { LANGUAGES, type Language } from "~/i18n/config";
import { translatorFor } from "~/i18n/i18n.server";
import type { Actor } from "~db/history";
import { IMPORT_KINDS, importMappings } from "~db/schema";
import { foldForMatch } from "~db/shared/fold";
import {
  fold,
  headerKeys,
  importColumns,
  isTemplateOf,
  NEEDED,
  type ColumnKey,
  type ColumnMapping,
  type ImportKind,
} from "./imports.server";
import { refusal, type Refusal } from "./refusals";
import { writeTransaction } from "./writes.server";

/** The fields a column of a file of this kind can hold: its template's columns, in their order. */
export const mappingFields = (kind: ImportKind): ColumnKey[] => importColumns(kind).map((c) => c.key);

/**
 * What the import needs to make a record of this kind, one of these fields at least (every
 * other may be empty): a meeting's partner; a person's or a partner's name, in the one column
 * or in one of its scripts'.
 */
export const requiredFields = (kind: ImportKind): ColumnKey[] => NEEDED[kind];

/** The hash a header row is remembered by: its headers folded as the import reads them. */
export function headerHash(headers: string[]) {
  return createHash("sha256")
    .update(JSON.stringify(headers.map((h) => fold(h))))
    .digest("hex");
}

/** The field headers of every language, loosely folded ("Страна партнёра" → "strana partnera"). */
function looseKeys(kind: ImportKind) {
  const keys: Array<{ words: string[]; key: ColumnKey }> = [];
  for (const lng of LANGUAGES) {
    const t = translatorFor(lng);
    for (const c of importColumns(kind))
      keys.push({ words: foldForMatch(c.header(t)).split(" "), key: c.key as ColumnKey });
  }
  return keys;
}

/**
 * The mapping the page proposes for a header row of a file of this kind: a header that is a
 * field's header in any language takes that field; then one that folds to a field's header, or
 * holds all its words (the longest such header wins); each field goes to one column at most,
 * the first. The rows are read in the language most of the headers are in, else the reader's.
 */
export function proposeMapping(headers: string[], readerLng: Language, kind: ImportKind = "meetings"): ColumnMapping {
  const exact = headerKeys(kind);
  const texts = headers.map(fold);
  const best = exact
    .map(({ lng, keys }) => ({ lng, found: texts.filter((h) => keys.has(h)).length }))
    .sort((a, b) => b.found - a.found)[0];
  const columns: Array<ColumnKey | null> = texts.map((h) => {
    for (const { keys } of exact) if (keys.has(h)) return keys.get(h) as ColumnKey;
    return null;
  });
  const loose = looseKeys(kind);
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

/**
 * The kind whose template a header row is, when it was sent as another kind and holds none of
 * that kind's required fields (a people template sent as meetings): a mistaken kind, said as
 * such rather than mapped. Null when the file is to be mapped.
 */
export function mistakenKind(headers: string[], kind: ImportKind, readerLng: Language): ImportKind | null {
  const proposed = proposeMapping(headers, readerLng, kind).columns;
  if (requiredFields(kind).some((key) => proposed.includes(key))) return null;
  return IMPORT_KINDS.find((other) => other !== kind && isTemplateOf(headers, other)) ?? null;
}

export type MappingCheck =
  { ok: true; mapping: ColumnMapping } | { ok: false; byColumn: Array<Refusal[]>; form: Refusal[] };

/**
 * The person's choices, one a column, checked against the file's own header row: as many as it
 * has columns, each a field of the kind, no field chosen twice, a required field chosen.
 * Refusals by column, and for the form (no column holds a required field).
 */
export function checkMapping(
  headers: string[],
  choices: MappingChoice[],
  lng: Language,
  kind: ImportKind = "meetings",
): MappingCheck {
  const fields = mappingFields(kind);
  if (choices.length !== headers.length || choices.some((c) => c !== MAPPING_IGNORE && !fields.includes(c)))
    return { ok: false, byColumn: headers.map(() => []), form: [refusal("form.errors.invalid")] };
  const byColumn: Refusal[][] = headers.map(() => []);
  const columns = choices.map((c) => (c === MAPPING_IGNORE ? null : c));
  columns.forEach((key, i) => {
    if (key && columns.filter((k) => k === key).length > 1)
      byColumn[i].push(refusal("imports.mapping.twice", { field: key }));
  });
  const required = requiredFields(kind);
  const form = required.some((key) => columns.includes(key))
    ? []
    : [refusal(`imports.mapping.required.${kind}`, { field: required[0] })];
  if (form.length || byColumn.some((e) => e.length)) return { ok: false, byColumn, form };
  return { ok: true, mapping: { columns, lng } };
}

/** The mapping remembered for this header row, or null (none, or no longer fitting it). */
export function rememberedMapping(kind: ImportKind, headers: string[]): Array<ColumnKey | null> | null {
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
      !columns.every((c) => c === null || mappingFields(kind).includes(c as ColumnKey))
    )
      return null;
    return columns as Array<ColumnKey | null>;
  } catch {
    return null;
  }
}

/** Remembers (or replaces) the mapping for this header row: who chose it, when. */
export function rememberMapping(kind: ImportKind, headers: string[], columns: Array<ColumnKey | null>, actor: Actor) {
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
