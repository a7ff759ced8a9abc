import type Database from "better-sqlite3";
import { and, eq, gte, inArray, lt, notInArray } from "drizzle-orm";
import type { Db } from "~db/client";
import type { NamedRecordType } from "~db/name-keys";
import type { DatePrecision } from "~db/enums";
import { relationTypeLabels, SEARCH_KINDS, searchTable, type SearchKind } from "./search-index.server";
import { type delegations, initiatives, nameKeys, type relations } from "~db/schema";
import { getDb } from "~/db.server";
import { LANGUAGES, type Language } from "~/i18n/config";
import { countryName } from "~/utils/countries";
import { anyWordMatches, foldForMatch, passageOf } from "~db/shared/fold";
import { localizedName, localizedTitle, type Multilingual } from "~db/shared/names";
import { asDate, titlesOf } from "./sql.server";
import { CLOSED_STATUSES, type InitiativeStatus } from "./initiatives/read.server";
import { clientOf, perConnection } from "~db/prepared";

const KINDS = ["partner", "person", "organisation"] as const satisfies readonly NamedRecordType[];

/**
 * Records whose name, in any of its forms and scripts, starts with what was typed (at a word
 * boundary), however it was spelt: "Nurpeisov", "нурпеисов" and "НҰРПЕЙІСОВ" find the same
 * person. Exact names first, then alphabetical in the reader's language.
 */
export function searchNames(query: string, lng: Language, limit = 10) {
  const key = foldForMatch(query);
  if (!key) return { partner: [], person: [], organisation: [] };
  const statements = nameStatements(getDb());
  const results = KINDS.map((kind) => {
    const matches = statements.matches.all({ kind, key, end: `${key}\uffff` });
    if (matches.length === 0) return [kind, []] as const;
    const exact = new Set(matches.filter((m) => m.exact).map((m) => m.id));
    const rows = statements[kind]
      .all(JSON.stringify(matches.map((m) => m.id)))
      .map((r) => ({ id: r.id, name: localizedName(r, lng), exact: exact.has(r.id) }))
      .sort((a, b) => Number(b.exact) - Number(a.exact) || a.name.localeCompare(b.name, lng))
      .slice(0, limit);
    return [kind, rows] as const;
  });
  return Object.fromEntries(results) as Record<
    (typeof KINDS)[number],
    Array<{ id: number; name: string; exact: boolean }>
  >;
}

/** A table's (or alias's) name columns, as localizedName reads them. */
const namesOf = (table: string, prefix = "name") =>
  ["Kk", "Ru", "En", "Native"]
    .map((suffix) => `${table}.name_${suffix.toLowerCase()} as ${prefix}${suffix}`)
    .join(", ");
// A list of ids as one JSON array: one statement, prepared once, for any number of them.
const IDS = "(select value from json_each(?))";

/**
 * The statements a search runs, prepared once per connection with the ids as one JSON array:
 * drizzle built the SQL of some eleven queries a search and mapped every row through its column
 * objects (a fifth of a search's time at the national size, issue 17).
 */
const nameStatements = perConnection((db) => {
  const client = clientOf(db);
  const named = (table: string) =>
    client.prepare<[string], Multilingual & { id: number }>(
      `select id, ${namesOf(table)} from ${table} where id in ${IDS}`,
    );
  return {
    matches: client.prepare<[{ kind: NamedRecordType; key: string; end: string }], { id: number; exact: number }>(
      "select record_id as id, max(key = @key) as exact from name_keys where record_type = @kind and key >= @key and key < @end group by record_id order by 2 desc limit 200",
    ),
    partner: named("partners"),
    person: named("people"),
    organisation: named("organisations"),
  };
});

/** An FTS5 query: every folded word of what was typed, as a prefix, all of them required. */
function ftsQuery(query: string, prefixes = true) {
  const words = foldForMatch(query).split(" ").filter(Boolean).slice(0, 12);
  return words.length ? words.map((w) => `"${w.replace(/"/g, "")}"${prefixes ? "*" : ""}`).join(" AND ") : null;
}

/**
 * Per kind, the ids of records whose text matches an FTS5 query, in rank order. Each kind has its
 * own index (app/models/search-index.server.ts), whose rowids put the newest first: meetings read
 * downwards from the end, the others upwards from the start. A query for words that begin as
 * typed merges only the kind's own words' rows, not every kind's (issue 17, round 3).
 */
const matchStatements = perConnection((db) => {
  const client = clientOf(db);
  return Object.fromEntries(
    SEARCH_KINDS.map((kind) => [
      kind,
      client
        .prepare<[string, number], number>(
          `select record_id from ${searchTable(kind)} where ${searchTable(kind)} match ? order by rowid ${kind === "meeting" ? "desc" : "asc"} limit ?`,
        )
        .pluck(),
    ]),
  ) as Record<SearchKind, Database.Statement<[string, number], number>>;
});

function idsMatching(db: Db, match: string, kind: SearchKind, count: number) {
  return matchStatements(db)[kind].all(match, count);
}

type SourceText = { outlet: string | null; title: string | null; text: string | null };

/**
 * The texts a result's passage is looked for in, read only for a result whose line does not show
 * a word of the query: prepared once per connection, not built by drizzle and prepared by SQLite
 * for each result of each search (issue 17, round 3). Each reads in the order the query it
 * replaces read.
 */
const passageStatements = perConnection((db) => {
  const client = clientOf(db);
  const NAMES = namesOf("p");
  return {
    meetingSources: client.prepare<[number], SourceText>(
      "select s.outlet, s.title, s.text from meeting_sources ms inner join sources s on s.id = ms.source_id where ms.meeting_id = ?",
    ),
    meetingTopics: client.prepare<[number], { kk: string | null; ru: string | null; en: string | null }>(
      "select t.name_kk as kk, t.name_ru as ru, t.name_en as en from meeting_topics mt inner join topics t on t.id = mt.topic_id where mt.meeting_id = ?",
    ),
    relationStepNotes: client
      .prepare<[number], string | null>("select note from relation_steps where relation_id = ? order by id")
      .pluck(),
    relationSignatories: client.prepare<[number], Multilingual>(
      `select ${NAMES} from relation_step_signatories s inner join people p on p.id = s.person_id where s.step_id in (select id from relation_steps where relation_id = ?) order by s.step_id, s.person_id`,
    ),
    relationSources: client.prepare<[number], SourceText>(
      "select outlet, title, text from sources where id in (select source_id from relation_steps where relation_id = ?) order by id",
    ),
    delegationPeople: client.prepare<[number, number], Multilingual>(
      `select ${NAMES} from people p where p.id = ? or p.id in (select person_id from delegation_members where delegation_id = ?) order by p.id`,
    ),
  };
});

type Flag = 0 | 1;
type RelationType = (typeof relations.$inferSelect)["type"];
type DelegationDirection = (typeof delegations.$inferSelect)["direction"];
/** The rows of each kind's results: only the columns a result's line and passage read. */
const rowStatements = perConnection((db) => {
  const client = clientOf(db);
  return {
    meetings: client.prepare<
      [string],
      Multilingual & {
        id: number;
        date: string | null;
        datePrecision: DatePrecision;
        dateApproximate: Flag;
        purpose: string | null;
        summary: string | null;
        location: string | null;
        partnerId: number | null;
      }
    >(
      `select m.id, m.date, m.date_precision as datePrecision, m.date_approximate as dateApproximate, m.purpose, m.summary, m.location, p.id as partnerId, ${namesOf("p")} from meetings m left join partners p on p.id = m.partner_id where m.id in ${IDS}`,
    ),
    initiatives: client.prepare<
      [string],
      {
        id: number;
        status: InitiativeStatus;
        titleKk: string | null;
        titleRu: string | null;
        titleEn: string | null;
        description: string | null;
      }
    >(
      `select id, status, title_kk as titleKk, title_ru as titleRu, title_en as titleEn, description from initiatives where id in ${IDS}`,
    ),
    partners: client.prepare<[string], Multilingual & { id: number; countryCode: string }>(
      `select id, country_code as countryCode, ${namesOf("partners")} from partners where id in ${IDS}`,
    ),
    relations: client.prepare<
      [string],
      Multilingual & { id: number; type: RelationType; note: string | null; partnerId: number }
    >(
      `select r.id, r.type, r.note, p.id as partnerId, ${namesOf("p")} from relations r inner join partners p on p.id = r.partner_id where r.id in ${IDS}`,
    ),
    delegations: client.prepare<
      [string],
      Multilingual & {
        id: number;
        direction: DelegationDirection;
        arrival: string | null;
        arrivalPrecision: DatePrecision;
        arrivalApproximate: Flag;
        purpose: string | null;
        leaderId: number | null;
        organisationId: number | null;
        organisationKk: string | null;
        organisationRu: string | null;
        organisationEn: string | null;
        organisationNative: string | null;
      }
    >(
      `select d.id, d.direction, d.arrival, d.arrival_precision as arrivalPrecision, d.arrival_approximate as arrivalApproximate, d.purpose, d.leader_id as leaderId, ${namesOf("p")}, o.id as organisationId, ${namesOf("o", "organisation")} from delegations d inner join partners p on p.id = d.partner_id left join organisations o on o.id = d.organisation_id where d.id in ${IDS}`,
    ),
  };
});

/** The initiative picker's suggestions: open initiatives whose title or text holds the words typed. */
export function searchOpenInitiatives(query: string, lng: Language, limit = 8) {
  const prefixed = ftsQuery(query);
  const whole = ftsQuery(query, false);
  if (!prefixed || !whole) return [];
  const db = getDb();
  // Closed ones are looked for too, then left out: a few more than shown, so some remain. The
  // words as typed first, then words that only begin so, as searchTexts reads them.
  const exact = idsMatching(db, whole, "initiative", limit * 3);
  const ids =
    exact.length >= limit * 3 ? exact : [...new Set([...exact, ...idsMatching(db, prefixed, "initiative", limit * 3)])];
  if (ids.length === 0) return [];
  return db
    .select({ id: initiatives.id, status: initiatives.status, ...titlesOf(initiatives) })
    .from(initiatives)
    .where(and(inArray(initiatives.id, ids), notInArray(initiatives.status, CLOSED_STATUSES)))
    .all()
    .sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id))
    .slice(0, limit)
    .map((i) => ({ id: i.id, name: localizedTitle(i, lng), status: i.status }));
}

/**
 * Records whose texts hold every word typed, however spelt ("маслихат" finds "мәслихат",
 * "tengrinews" the report with a Cyrillic Т, "Amman Jordan" the partner in Jordan): meetings,
 * initiatives, partners (names and country, every language), relations (kind, note, steps'
 * notes, sources, signatories) and delegations (purpose, organisation, people). Records holding
 * the words as typed come first, then those holding words that begin so; among equals, the
 * newest meetings first (by date, unknown dates last), the newest of the others first. A result
 * found by a text its line does not show carries the passage that matched.
 */
export function searchTexts(query: string, lng: Language, limit = 10) {
  const prefixed = ftsQuery(query);
  const whole = ftsQuery(query, false);
  if (!prefixed || !whole) return { meeting: [], initiative: [], partner: [], relation: [], delegation: [] };
  const db = getDb();
  const find = (match: string, kind: SearchKind, count: number) => idsMatching(db, match, kind, count);
  // The words as typed first, then words that only begin so: a common word is found whole at
  // once, and FTS5 need not merge every word that starts like it.
  const exact = Object.fromEntries(SEARCH_KINDS.map((kind) => [kind, find(whole, kind, limit)])) as Record<
    SearchKind,
    number[]
  >;
  const short = SEARCH_KINDS.filter((kind) => exact[kind].length < limit);
  const idsOf = (kind: SearchKind) => {
    if (!short.includes(kind)) return exact[kind];
    const seen = new Set(exact[kind]);
    const more = find(prefixed, kind, limit * 2);
    return [...exact[kind], ...more.filter((id) => !seen.has(id))].slice(0, limit);
  };
  const byRank = <T extends { id: number }>(rows: T[], ids: number[]) =>
    [...rows].sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  // The passage only where what the line shows does not hold a word of the query: from the first
  // group of the result's other texts that holds one, a group read only if those before it did
  // not. A result is most often found by a text at hand (a meeting's summary, a relation's kind
  // in another language); reading every text of every result from its table, and folding the
  // reports word by word, was half a common word's search (issue 17, round 3).
  type Texts = Array<string | null | undefined>;
  const passage = (shown: Texts, ...groups: Array<() => Texts>) => {
    if (anyWordMatches(shown, query)) return null;
    for (const group of groups) {
      const found = passageOf(group(), query);
      if (found) return found;
    }
    return null;
  };

  const rows = rowStatements(db);
  const read = <T>(statement: Database.Statement<[string], T>, ids: number[]) =>
    ids.length ? statement.all(JSON.stringify(ids)) : [];
  const meetingIds = idsOf("meeting");
  const meetingRows = read(rows.meetings, meetingIds);
  const statements = passageStatements(db);
  const meetingSourceTexts = (id: number) =>
    statements.meetingSources.all(id).flatMap((r) => [r.title, r.outlet, r.text]);
  const meetingTopicNames = (id: number) => statements.meetingTopics.all(id).flatMap((r) => [r.kk, r.ru, r.en]);

  const initiativeIds = idsOf("initiative");
  const initiativeRows = read(rows.initiatives, initiativeIds);

  const partnerIds = idsOf("partner");
  const partnerRows = read(rows.partners, partnerIds);

  const relationIds = idsOf("relation");
  const relationRows = read(rows.relations, relationIds);
  const reader = LANGUAGES.indexOf(lng);

  const delegationIds = idsOf("delegation");
  const delegationRows = read(rows.delegations, delegationIds);
  const delegationPeople = (id: number, leaderId: number | null) =>
    statements.delegationPeople.all(leaderId ?? -1, id).map((p) => localizedName(p, lng));

  return {
    meeting: byRank(
      meetingRows.map((meeting) => {
        const partnerName = meeting.partnerId === null ? null : localizedName(meeting, lng);
        return {
          id: meeting.id,
          date: asDate(meeting.date, meeting.datePrecision, meeting.dateApproximate === 1),
          partner: partnerName,
          purpose: meeting.purpose,
          passage: passage(
            [meeting.purpose, partnerName],
            () => [meeting.summary, meeting.location],
            () => meetingTopicNames(meeting.id),
            () => meetingSourceTexts(meeting.id),
          ),
        };
      }),
      meetingIds,
    ),
    initiative: byRank(
      initiativeRows.map((i) => {
        const title = localizedTitle(i, lng);
        return {
          id: i.id,
          title,
          status: i.status,
          passage: passage([title], () => [i.description, i.titleKk, i.titleRu, i.titleEn]),
        };
      }),
      initiativeIds,
    ),
    partner: byRank(
      partnerRows.map((p) => ({ id: p.id, name: localizedName(p, lng), country: countryName(p.countryCode, lng) })),
      partnerIds,
    ),
    relation: byRank(
      relationRows.map((relation) => {
        const partnerName = localizedName(relation, lng);
        // The line shows the kind in the reader's language; the index holds it in every language.
        const kinds = relationTypeLabels(relation.type);
        return {
          id: relation.id,
          partnerId: relation.partnerId,
          partner: partnerName,
          type: relation.type,
          passage: passage(
            [kinds[reader], partnerName],
            () => [relation.note, ...kinds],
            () => statements.relationStepNotes.all(relation.id),
            () => statements.relationSignatories.all(relation.id).map((p) => localizedName(p, lng)),
            () => statements.relationSources.all(relation.id).flatMap((r) => [r.title, r.outlet, r.text]),
          ),
        };
      }),
      relationIds,
    ),
    delegation: byRank(
      delegationRows.map((delegation) => {
        const partnerName = localizedName(delegation, lng);
        const organisation = {
          nameKk: delegation.organisationKk,
          nameRu: delegation.organisationRu,
          nameEn: delegation.organisationEn,
          nameNative: delegation.organisationNative,
        };
        return {
          id: delegation.id,
          partner: partnerName,
          direction: delegation.direction,
          arrival: asDate(delegation.arrival, delegation.arrivalPrecision, delegation.arrivalApproximate === 1),
          purpose: delegation.purpose,
          passage: passage(
            [partnerName, delegation.purpose],
            () => [delegation.organisationId === null ? null : localizedName(organisation, lng)],
            () => delegationPeople(delegation.id, delegation.leaderId),
          ),
        };
      }),
      delegationIds,
    ),
  };
}

/** Ids of the records of one kind whose name begins (at a word) with what was typed. */
export function idsNamed(kind: NamedRecordType, query: string, limit = 500): number[] {
  const key = foldForMatch(query);
  if (!key) return [];
  return getDb()
    .selectDistinct({ id: nameKeys.recordId })
    .from(nameKeys)
    .where(and(eq(nameKeys.recordType, kind), gte(nameKeys.key, key), lt(nameKeys.key, `${key}\uffff`)))
    .limit(limit)
    .all()
    .map((r) => r.id);
}
