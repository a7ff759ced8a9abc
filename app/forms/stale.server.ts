/**
 * An edit saved over a change its form never showed is refused (app/models/record-versions.server.ts);
 * this says so beside the form, in the reader's language, with everything typed kept and the
 * record's newest version in the form, so that saving again is a choice made knowing.
 */
import type { SubmissionResult } from "@conform-to/react";
import type { Actor } from "~db/history";
import type { AuditedRecordType } from "~db/schema";
import type { Language } from "~/i18n/config";
import { sayTime } from "~/i18n/said-dates.server";
import type { T } from "~/i18n/translate";
import { seenVersion, StaleEdit, type UnseenChange } from "~/models/record-versions.server";
import { replyWith } from "./parse.server";

export type StaleNotice = { version: number; message: string; historyHref: string };

/** Runs a save: what it returns, or the change it found unseen (a StaleEdit); any other error is thrown on. */
export function unlessStale<T>(save: () => T): { saved: T; stale?: undefined } | { stale: UnseenChange } {
  try {
    return { saved: save() };
  } catch (error) {
    if (error instanceof StaleEdit) return { stale: error.change };
    throw error;
  }
}

/** Who changed the record since the page was opened, and when: the reader themself, someone, or another program. */
export function sayStale(change: UnseenChange, { actor, lng, t }: { actor: Actor; lng: Language; t: T }) {
  const time = sayTime(change.at, lng);
  if (change.userId !== null && change.userId === actor.userId) return t("form.stale.byYou", { time });
  return change.by ? t("form.stale.by", { name: change.by, time }) : t("form.stale.outside", { time });
}

/**
 * Every edit route's save: `save` gets the version the form was sent with (checked inside its
 * transaction); a change made after the form was opened becomes the form's reply instead.
 */
export function saveEdit<Saved>(
  submission: { payload: Record<string, unknown>; reply(): SubmissionResult<string[]> },
  record: { type: AuditedRecordType; id: number },
  reader: { actor: Actor; lng: Language; t: T },
  save: (seen: number | undefined) => Saved,
): { saved: Saved; reply?: undefined } | { reply: ReturnType<typeof replyStale> } {
  const attempt = unlessStale(() => save(seenVersion(submission.payload)));
  return attempt.stale ? { reply: replyStale(submission.reply(), attempt.stale, record, reader) } : attempt;
}

/** The form again (409), as typed, saying who changed the record and when, and where to see it. */
function replyStale(
  result: SubmissionResult<string[]>,
  change: UnseenChange,
  record: { type: AuditedRecordType; id: number },
  { actor, lng, t }: { actor: Actor; lng: Language; t: T },
) {
  const message = sayStale(change, { actor, lng, t });
  return replyWith(
    result,
    { stale: { version: change.version, message, historyHref: `/history/${record.type}/${record.id}` } },
    409,
  );
}
