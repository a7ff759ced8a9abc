/**
 * The one source of truth for Kezdesu's database. Change this file, run `npm run db:generate`,
 * commit both. See docs/decisions/0002-partial-dates.md and 0004-names-and-sorting.md.
 */
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import {
  DATE_PRECISIONS,
  PARTNER_KINDS,
  RELATION_TYPES,
  RELATION_STATUSES,
  DELEGATION_DIRECTIONS,
  MEETING_SIDES,
  PARTICIPANT_ROLES,
  RECORD_LANGUAGES,
  INITIATIVE_KINDS,
  INITIATIVE_STATUSES,
  NAMED_RECORD_TYPES,
  USER_ROLES,
  AUDITED_RECORD_TYPES,
  HISTORY_ACTIONS,
  SECURITY_EVENTS,
  FEED_PARTIAL_DATES,
} from "./enums";

export * from "./enums";

const createdAt = () =>
  text("created_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);
const updatedAt = () =>
  text("updated_at")
    .notNull()
    .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`);

/**
 * A date that may be known only to the month or year, or not at all. `value` is ISO
 * `YYYY-MM-DD` at the start of the known period (so it sorts correctly as text) or NULL when
 * unknown; NULL sorts last in a descending list. db/shared/partial-date.ts owns the rules.
 */
function partialDate(name: string) {
  return {
    value: text(name),
    precision: text(`${name}_precision`, { enum: DATE_PRECISIONS }).notNull().default("unknown"),
    approximate: integer(`${name}_approximate`, { mode: "boolean" }).notNull().default(false),
  };
}

function partialDateColumns<P extends string>(prefix: P, column: string = prefix) {
  const d = partialDate(column);
  return {
    [prefix]: d.value,
    [`${prefix}Precision`]: d.precision,
    [`${prefix}Approximate`]: d.approximate,
  } as {
    [K in P]: typeof d.value;
  } & { [K in `${P}Precision`]: typeof d.precision } & {
    [K in `${P}Approximate`]: typeof d.approximate;
  };
}

/** A name in the languages and scripts Kezdesu shows; at least one must be given. */
function multilingualName(prefix = "name") {
  return {
    nameKk: text(`${prefix}_kk`),
    nameRu: text(`${prefix}_ru`),
    nameEn: text(`${prefix}_en`),
    // Collation keys of the name shown in each interface language (db/shared/collation.ts):
    // SQLite compares bytes, which would put Kazakh letters after "я".
    sortKk: text("sort_kk").notNull().default(""),
    sortRu: text("sort_ru").notNull().default(""),
    sortEn: text("sort_en").notNull().default(""),
  };
}

export const partners = sqliteTable(
  "partners",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: PARTNER_KINDS }).notNull(),
    countryCode: text("country_code").notNull(),
    ...multilingualName(),
    nameNative: text("name_native"),
    wikidataId: text("wikidata_id"),
    isHome: integer("is_home", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("partners_one_home")
      .on(t.isHome)
      .where(sql`${t.isHome} = 1`),
    index("partners_sort_kk").on(t.sortKk),
    index("partners_sort_ru").on(t.sortRu),
    index("partners_sort_en").on(t.sortEn),
    index("partners_country").on(t.countryCode),
    check("partners_has_name", sql`coalesce(${t.nameKk}, ${t.nameRu}, ${t.nameEn}, ${t.nameNative}) is not null`),
  ],
);

export const sources = sqliteTable(
  "sources",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    url: text("url"),
    outlet: text("outlet"),
    title: text("title"),
    ...partialDateColumns("published"),
    language: text("language", { enum: RECORD_LANGUAGES }),
    text: text("text"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [check("sources_has_content", sql`coalesce(${t.url}, ${t.outlet}, ${t.title}, ${t.text}) is not null`)],
);

export const relations = sqliteTable(
  "relations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    type: text("type", { enum: RELATION_TYPES }).notNull(),
    note: text("note"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("relations_partner").on(t.partnerId)],
);

export const organisations = sqliteTable(
  "organisations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // The partner (or the home city) the body belongs to: this is what says whose side it is on.
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => organisations.id, {
      onDelete: "restrict",
    }),
    ...multilingualName(),
    nameNative: text("name_native"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("organisations_partner").on(t.partnerId),
    index("organisations_parent").on(t.parentId),
    index("organisations_sort_kk").on(t.sortKk),
    index("organisations_sort_ru").on(t.sortRu),
    index("organisations_sort_en").on(t.sortEn),
    check("organisations_has_name", sql`coalesce(${t.nameKk}, ${t.nameRu}, ${t.nameEn}, ${t.nameNative}) is not null`),
  ],
);

export const people = sqliteTable(
  "people",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ...multilingualName(),
    nameNative: text("name_native"),
    wikidataId: text("wikidata_id"),
    // May the open-data export name this person (issue 16.4)? Off until someone decides so.
    isPublic: integer("is_public", { mode: "boolean" }).notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("people_sort_kk").on(t.sortKk),
    index("people_sort_ru").on(t.sortRu),
    index("people_sort_en").on(t.sortEn),
    check("people_has_name", sql`coalesce(${t.nameKk}, ${t.nameRu}, ${t.nameEn}, ${t.nameNative}) is not null`),
  ],
);

export const posts = sqliteTable(
  "posts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    organisationId: integer("organisation_id")
      .notNull()
      .references(() => organisations.id, { onDelete: "restrict" }),
    titleKk: text("title_kk"),
    titleRu: text("title_ru"),
    titleEn: text("title_en"),
    ...partialDateColumns("start"),
    ...partialDateColumns("end"),
    // A day the person is known to have held the post (the date of a meeting that gave them
    // this title), not when they started it: "as of 2016" (issue 13.6).
    ...partialDateColumns("asOf", "as_of"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("posts_person").on(t.personId, t.start),
    index("posts_organisation").on(t.organisationId),
    check("posts_has_title", sql`coalesce(${t.titleKk}, ${t.titleRu}, ${t.titleEn}) is not null`),
  ],
);

export const delegations = sqliteTable(
  "delegations",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    partnerId: integer("partner_id")
      .notNull()
      .references(() => partners.id, { onDelete: "restrict" }),
    organisationId: integer("organisation_id").references(() => organisations.id, {
      onDelete: "restrict",
    }),
    leaderId: integer("leader_id").references(() => people.id, { onDelete: "restrict" }),
    direction: text("direction", { enum: DELEGATION_DIRECTIONS }).notNull(),
    ...partialDateColumns("arrival"),
    ...partialDateColumns("departure"),
    purpose: text("purpose"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("delegations_partner").on(t.partnerId, t.arrival),
    index("delegations_organisation").on(t.organisationId),
    index("delegations_leader").on(t.leaderId),
  ],
);

export const delegationMembers = sqliteTable(
  "delegation_members",
  {
    delegationId: integer("delegation_id")
      .notNull()
      .references(() => delegations.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.delegationId, t.personId] }), index("delegation_members_person").on(t.personId)],
);

export const meetings = sqliteTable(
  "meetings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ...partialDateColumns("date"),
    startTime: text("start_time"),
    location: text("location"),
    hostOrganisationId: integer("host_organisation_id").references(() => organisations.id, {
      onDelete: "restrict",
    }),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    delegationId: integer("delegation_id").references(() => delegations.id, {
      onDelete: "restrict",
    }),
    purpose: text("purpose"),
    summary: text("summary"),
    language: text("language", { enum: RECORD_LANGUAGES }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("meetings_date").on(t.date, t.id),
    index("meetings_partner_date").on(t.partnerId, t.date, t.id),
    index("meetings_host").on(t.hostOrganisationId),
    index("meetings_delegation").on(t.delegationId),
    check("meetings_time_format", sql`${t.startTime} is null or ${t.startTime} glob '[0-2][0-9]:[0-5][0-9]'`),
  ],
);

export const meetingParticipants = sqliteTable(
  "meeting_participants",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    side: text("side", { enum: MEETING_SIDES }).notNull(),
    role: text("role", { enum: PARTICIPANT_ROLES }).notNull(),
    // As the record gives it at the time of the meeting: posts change, the minutes do not.
    titleAtMeeting: text("title_at_meeting"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    index("meeting_participants_meeting").on(t.meetingId, t.position),
    index("meeting_participants_person").on(t.personId, t.meetingId),
    // Who came from a partner: its meetings' guests, read from the index alone.
    index("meeting_participants_side").on(t.meetingId, t.side, t.personId),
  ],
);

export const topics = sqliteTable(
  "topics",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    ...multilingualName(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("topics_sort_kk").on(t.sortKk),
    index("topics_sort_ru").on(t.sortRu),
    index("topics_sort_en").on(t.sortEn),
    check("topics_has_name", sql`coalesce(${t.nameKk}, ${t.nameRu}, ${t.nameEn}) is not null`),
  ],
);

export const meetingTopics = sqliteTable(
  "meeting_topics",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    topicId: integer("topic_id")
      .notNull()
      .references(() => topics.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.topicId] }), index("meeting_topics_topic").on(t.topicId)],
);

export const meetingSources = sqliteTable(
  "meeting_sources",
  {
    meetingId: integer("meeting_id")
      .notNull()
      .references(() => meetings.id, { onDelete: "cascade" }),
    sourceId: integer("source_id")
      .notNull()
      .references(() => sources.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.meetingId, t.sourceId] }), index("meeting_sources_source").on(t.sourceId)],
);

export const relationSteps = sqliteTable(
  "relation_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    relationId: integer("relation_id")
      .notNull()
      .references(() => relations.id, { onDelete: "cascade" }),
    status: text("status", { enum: RELATION_STATUSES }).notNull(),
    ...partialDateColumns("date"),
    note: text("note"),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    sourceId: integer("source_id").references(() => sources.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("relation_steps_relation").on(t.relationId, t.date),
    index("relation_steps_meeting").on(t.meetingId),
    index("relation_steps_source").on(t.sourceId),
  ],
);

/**
 * The last day of an initiative's due period (the day; the month's or the year's last day): the
 * SQL twin of dueBy in app/utils/overdue.ts. An expression, not a column, so that history
 * snapshots and restores see only what people entered; the index below keeps it, and a query
 * must spell it exactly so (initiativeDueBy) for SQLite to use that index.
 */
export const initiativeDueBy = (table = "") =>
  sql.raw(
    `(case ${table}"due_precision" when 'day' then ${table}"due" when 'month' then date(${table}"due", '+1 month', '-1 day') when 'year' then date(${table}"due", '+1 year', '-1 day') end)`,
  );

/** Still open: spelt as the partial indexes spell it, literally, so that SQLite can use them. */
export const initiativeIsOpen = (table = "") =>
  sql.raw(`${table}"status" in ('proposed', 'agreed', 'in_progress', 'stalled')`);

export const initiatives = sqliteTable(
  "initiatives",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    titleKk: text("title_kk"),
    titleRu: text("title_ru"),
    titleEn: text("title_en"),
    description: text("description"),
    kind: text("kind", { enum: INITIATIVE_KINDS }).notNull(),
    // The status of its latest step by date, kept so by triggers on initiative_steps whoever
    // writes them (migrations/0025_initiative_status_by_date.sql), so that lists can filter by
    // status through an index.
    status: text("status", { enum: INITIATIVE_STATUSES }).notNull(),
    ownerPersonId: integer("owner_person_id").references(() => people.id, {
      onDelete: "restrict",
    }),
    ownerOrganisationId: integer("owner_organisation_id").references(() => organisations.id, {
      onDelete: "restrict",
    }),
    ...partialDateColumns("due"),
    partnerId: integer("partner_id").references(() => partners.id, { onDelete: "restrict" }),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("initiatives_status").on(t.status, t.id),
    index("initiatives_partner").on(t.partnerId, t.status),
    index("initiatives_meeting").on(t.meetingId),
    index("initiatives_owner").on(t.ownerPersonId),
    index("initiatives_owner_organisation").on(t.ownerOrganisationId),
    // The overview's and the list's "overdue" and "open": counted and paged in an index of the
    // open ones only, by the end of their due period.
    index("initiatives_open_due_by").on(initiativeDueBy(), t.id).where(initiativeIsOpen()),
    check("initiatives_has_title", sql`coalesce(${t.titleKk}, ${t.titleRu}, ${t.titleEn}) is not null`),
  ],
);

export const initiativeSteps = sqliteTable(
  "initiative_steps",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    initiativeId: integer("initiative_id")
      .notNull()
      .references(() => initiatives.id, { onDelete: "cascade" }),
    ...partialDateColumns("date"),
    // NULL for a progress note that does not change the status.
    status: text("status", { enum: INITIATIVE_STATUSES }),
    note: text("note"),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("initiative_steps_initiative").on(t.initiativeId, t.date),
    index("initiative_steps_meeting").on(t.meetingId),
    check("initiative_steps_has_content", sql`${t.status} is not null or ${t.note} is not null`),
  ],
);

/**
 * Folded name keys (db/shared/fold.ts) of every named record, so a name is found however it
 * was spelt: the duplicate guard and the person picker look here. Written by the models with
 * the record, in the same transaction; deleted with it by triggers (migrations/0002).
 */
export const nameKeys = sqliteTable(
  "name_keys",
  {
    recordType: text("record_type", { enum: NAMED_RECORD_TYPES }).notNull(),
    recordId: integer("record_id").notNull(),
    key: text("key").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.recordType, t.key, t.recordId] }),
    index("name_keys_record").on(t.recordType, t.recordId),
  ],
);

/** Who signed at a relation step (a memorandum, a sister-city agreement), in order. */
export const relationStepSignatories = sqliteTable(
  "relation_step_signatories",
  {
    stepId: integer("step_id")
      .notNull()
      .references(() => relationSteps.id, { onDelete: "cascade" }),
    personId: integer("person_id")
      .notNull()
      .references(() => people.id, { onDelete: "restrict" }),
    position: integer("position").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.stepId, t.personId] }), index("relation_step_signatories_person").on(t.personId)],
);

// ---------------------------------------------------------------------------------------------
// Trust: accounts, sessions and the history of every change (docs/decisions/0006-trust.md).

/** A person who may sign in. Never deleted, only disabled, so history keeps its authors. */
export const users = sqliteTable("users", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  // Stored lower-cased: two spellings of one address are one account.
  email: text("email").notNull().unique(),
  name: text("name").notNull(),
  role: text("role", { enum: USER_ROLES }).notNull(),
  // NULL until an invitation is accepted; "scrypt$N$r$p$salt$hash" otherwise.
  passwordHash: text("password_hash"),
  // Set for a generated first password: the account must choose its own before anything else.
  mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
  // SHA-256 of the one-time invitation token; the token itself is never stored.
  inviteTokenHash: text("invite_token_hash").unique(),
  inviteExpiresAt: text("invite_expires_at"),
  disabledAt: text("disabled_at"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** A signed-in browser. The cookie holds a random token; only its SHA-256 is kept here. */
export const sessions = sqliteTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: text("created_at").notNull(),
    lastSeenAt: text("last_seen_at").notNull(),
    expiresAt: text("expires_at").notNull(),
  },
  (t) => [index("sessions_user").on(t.userId)],
);

/**
 * An account's calendar feed (issue 16.3): a secret URL a calendar program subscribes to. Only
 * the SHA-256 of its token is kept, as for sessions; renewing replaces it, so the old URL stops
 * working at once. No row: the account has no feed.
 */
export const calendarFeeds = sqliteTable("calendar_feeds", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  tokenHash: text("token_hash").notNull().unique(),
  // The feed is read by a calendar program, with no session and no language cookie.
  language: text("language", { enum: RECORD_LANGUAGES }).notNull(),
  partialDates: text("partial_dates", { enum: FEED_PARTIAL_DATES }).notNull().default("all_day"),
  createdAt: createdAt(),
  renewedAt: text("renewed_at").notNull(),
});

/**
 * A file attached to a meeting, a relation's step, an initiative or a delegation (exactly one):
 * the file itself is `<folder of the database>/files/<sha256>` (app/models/documents.server.ts),
 * one copy however often it is attached; this row holds what the uploader called it, what the
 * content showed it to be, who attached it and when. An audited record of its own (history, bin).
 */
export const documents = sqliteTable(
  "documents",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    meetingId: integer("meeting_id").references(() => meetings.id, { onDelete: "cascade" }),
    relationStepId: integer("relation_step_id").references(() => relationSteps.id, { onDelete: "cascade" }),
    initiativeId: integer("initiative_id").references(() => initiatives.id, { onDelete: "cascade" }),
    delegationId: integer("delegation_id").references(() => delegations.id, { onDelete: "cascade" }),
    sha256: text("sha256").notNull(),
    name: text("name").notNull(),
    size: integer("size").notNull(),
    type: text("type").notNull(),
    uploadedBy: integer("uploaded_by").references(() => users.id, { onDelete: "set null" }),
    uploadedAt: createdAt(),
  },
  (t) => [
    check(
      "documents_one_parent",
      sql`(${t.meetingId} IS NOT NULL) + (${t.relationStepId} IS NOT NULL) + (${t.initiativeId} IS NOT NULL) + (${t.delegationId} IS NOT NULL) = 1`,
    ),
    check("documents_sha256", sql`length(${t.sha256}) = 64`),
    uniqueIndex("documents_meeting_file").on(t.meetingId, t.sha256),
    uniqueIndex("documents_relation_step_file").on(t.relationStepId, t.sha256),
    uniqueIndex("documents_initiative_file").on(t.initiativeId, t.sha256),
    uniqueIndex("documents_delegation_file").on(t.delegationId, t.sha256),
    index("documents_sha256").on(t.sha256),
  ],
);

/**
 * An account's tokens for the read-only API (issue 16.4), each named by its owner. Only the
 * SHA-256 of the token is kept, as for sessions and calendar feeds; revoking deletes the row, so
 * the token stops working at once.
 */
export const apiTokens = sqliteTable(
  "api_tokens",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: text("last_used_at"),
  },
  (t) => [index("api_tokens_user").on(t.userId, t.id)],
);

/** Failed sign-ins, by account ("email:…") and by address ("address:…"), for the lock-out. */
export const signInFailures = sqliteTable(
  "sign_in_failures",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    key: text("key").notNull(),
    at: text("at").notNull(),
  },
  (t) => [index("sign_in_failures_key_at").on(t.key, t.at)],
);

/**
 * One entry per change of a record: who (NULL for the system: demo data, migrations; `outside`
 * for a write by another program on the file, such as the sqlite3 shell), when (UTC), and the
 * whole record with its children before and after, as JSON (db/history.ts).
 * Append-only: triggers in migrations/0006 refuse UPDATE and DELETE.
 */
export const history = sqliteTable(
  "history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    userId: integer("user_id").references(() => users.id, { onDelete: "restrict" }),
    action: text("action", { enum: HISTORY_ACTIONS }).notNull(),
    recordType: text("record_type", { enum: AUDITED_RECORD_TYPES }).notNull(),
    recordId: integer("record_id").notNull(),
    before: text("before", { mode: "json" }),
    after: text("after", { mode: "json" }),
    outside: integer("outside", { mode: "boolean" }).notNull().default(false),
  },
  (t) => [
    index("history_record").on(t.recordType, t.recordId, t.id),
    index("history_user").on(t.userId, t.id),
    index("history_type").on(t.recordType, t.id),
    index("history_action").on(t.action, t.id),
    index("history_at").on(t.at),
  ],
);

/**
 * Records touched by the statement being run, written by triggers (migrations/0006, 0016) and
 * turned into history entries before the transaction commits. Empty between the app's writes:
 * a row found there was left by another program's write (db/history.ts).
 */
export const pendingChanges = sqliteTable(
  "pending_changes",
  {
    recordType: text("record_type", { enum: AUDITED_RECORD_TYPES }).notNull(),
    recordId: integer("record_id").notNull(),
    // When the record was last touched (migrations/0016): the time of a change made outside the
    // app, which is written into the history by the app's next transaction.
    at: text("at"),
  },
  (t) => [primaryKey({ columns: [t.recordType, t.recordId] })],
);

/**
 * Sign-ins, refusals and account changes. Append-only like history, with two exceptions the
 * triggers allow (migrations/0018): a refusal repeated from one source within ten minutes adds
 * to its row's count and last-seen time instead of a row each (db/security-log.ts), and rows
 * last seen before the retention period (at least seven days) may be deleted.
 */
export const securityLog = sqliteTable(
  "security_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    // First seen.
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    // NULL only on rows written without it (before counting, or by hand): seen once, at `at`.
    lastSeenAt: text("last_seen_at"),
    count: integer("count").notNull().default(1),
    event: text("event", { enum: SECURITY_EVENTS }).notNull(),
    // Who did it (NULL when signed out or unknown) and whom it concerned.
    userId: integer("user_id").references(() => users.id, { onDelete: "restrict" }),
    subjectUserId: integer("subject_user_id").references(() => users.id, { onDelete: "restrict" }),
    // What was typed as the email on a failed sign-in; may name no account.
    email: text("email"),
    address: text("address"),
    detail: text("detail"),
  },
  (t) => [
    index("security_log_at").on(t.at),
    index("security_log_user").on(t.userId, t.id),
    index("security_log_event").on(t.event, t.id),
    // Finds the row a repeat adds to.
    index("security_log_source").on(t.address, t.event, t.at),
  ],
);

/**
 * Where each meeting's and initiative's row sits in search_text. The FTS rowid orders rows by
 * the meeting's date (app/models/search-index.server.ts), so the newest matches come first without sorting
 * every match; this table finds a record's row again when its date changes.
 */
export const searchRows = sqliteTable(
  "search_rows",
  {
    kind: text("kind", { enum: ["meeting", "initiative", "partner", "relation", "delegation"] }).notNull(),
    recordId: integer("record_id").notNull(),
    ftsRowid: integer("fts_rowid").notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.recordId] })],
);

export const IMPORT_KINDS = ["meetings", "people", "partners"] as const;

/**
 * A spreadsheet imported (issue 15.1): who, when, which file, how many rows. Its records'
 * history entries are the ids from historyFrom to historyTo (the import is one write
 * transaction, which holds the write lock, so nothing else writes between them); undoing it
 * deletes what it created, as one transaction of its own, recorded in the history too.
 */
export const imports = sqliteTable(
  "imports",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    fileName: text("file_name").notNull(),
    rowCount: integer("row_count").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "restrict" }),
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    historyFrom: integer("history_from").notNull(),
    historyTo: integer("history_to").notNull(),
    undoneAt: text("undone_at"),
    undoneBy: integer("undone_by").references(() => users.id, { onDelete: "restrict" }),
  },
  (t) => [index("imports_at").on(t.at)],
);

/**
 * A column mapping chosen on the import page for a file whose headers are not the template's
 * (issue 15.1): for one kind, the header row (its hash, over the headers folded as the import
 * reads them) and the field each column holds (JSON: a field key or null for "ignore", by
 * column). The next file with the same header row is read through it. Who chose it last, when.
 */
export const importMappings = sqliteTable(
  "import_mappings",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: IMPORT_KINDS }).notNull(),
    headerHash: text("header_hash").notNull(),
    columns: text("columns").notNull(),
    userId: integer("user_id").references(() => users.id, { onDelete: "set null" }),
    at: text("at")
      .notNull()
      .default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  },
  (t) => [uniqueIndex("import_mappings_header").on(t.kind, t.headerHash)],
);
