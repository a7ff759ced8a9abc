/**
 * The fixed choices the schema stores, in a module of their own: forms and pages import them
 * in the browser, where the schema's table definitions (and drizzle) have no business.
 */
export const DATE_PRECISIONS = ["day", "month", "year", "unknown"] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const PARTNER_KINDS = ["city", "province", "region", "country"] as const;

export const RELATION_TYPES = ["friendly", "memorandum", "sister_city", "other"] as const;

export const RELATION_STATUSES = ["proposed", "signed", "active", "suspended", "ended"] as const;

export const DELEGATION_DIRECTIONS = ["incoming", "outgoing"] as const;

export const MEETING_SIDES = ["host", "guest"] as const;

export const PARTICIPANT_ROLES = ["chaired", "led_delegation", "spoke", "attended", "interpreted"] as const;

export const RECORD_LANGUAGES = ["kk", "ru", "en"] as const;
/** The languages a name or a record is kept in: the interface's three (app/i18n/config.ts). */
export type RecordLanguage = (typeof RECORD_LANGUAGES)[number];

export const INITIATIVE_KINDS = ["event", "investment", "trade", "culture", "education", "agreement", "other"] as const;

export const INITIATIVE_STATUSES = ["proposed", "agreed", "in_progress", "done", "stalled", "dropped"] as const;

export const NAMED_RECORD_TYPES = ["partner", "organisation", "person", "topic"] as const;

export const USER_ROLES = ["viewer", "editor", "admin"] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const AUDITED_RECORD_TYPES = [
  "partner",
  "relation",
  "organisation",
  "person",
  "delegation",
  "meeting",
  "initiative",
  "document",
] as const;
export type AuditedRecordType = (typeof AUDITED_RECORD_TYPES)[number];

export const HISTORY_ACTIONS = ["create", "update", "delete", "restore", "revert"] as const;
export type HistoryAction = (typeof HISTORY_ACTIONS)[number];

export const SECURITY_EVENTS = [
  "sign_in",
  "sign_in_failed",
  "sign_out",
  "locked_out",
  "forbidden",
  "cross_site",
  "account_invited",
  "account_activated",
  "account_role_changed",
  "account_disabled",
  "account_enabled",
  "password_changed",
  "password_change_failed",
  "backup_taken",
  "backup_downloaded",
  "calendar_feed_issued",
  "calendar_feed_stopped",
  "api_token_created",
  "api_token_revoked",
] as const;
export type SecurityEvent = (typeof SECURITY_EVENTS)[number];

/** What a calendar feed does with a date known only to the month or year (issue 16.3). */
export const FEED_PARTIAL_DATES = ["all_day", "leave_out"] as const;
export type FeedPartialDates = (typeof FEED_PARTIAL_DATES)[number];
