/**
 * An edit saved over a change its form never showed is refused (app/models/record-versions.server.ts);
 * this says so beside the form, in the reader's language, with everything typed kept and the
 * record's newest version in the form, so that saving again is a choice made knowing.
 */
import type { SubmissionResult } from "@conform-to/react";
import { data } from "@remix-run/node";
import type { Actor } from "~db/history";
import type { AuditedRecordType } from "~db/schema";
import type { Language } from "~/i18n/config";
import { sayTime } from "~/i18n/said-dates.server";
import type { T } from "~/i18n/translate";
import { seenVersion, StaleEdit, versionSentWith, type UnseenChange } from "~/models/record-versions.server";
import { replyWith } from "./parse.server";
import type { References } from "./DeleteConfirmation";

export type StaleNotice = { version: number; message: string; historyHref: string };

type Reader = { actor: Actor; lng: Language; t: T };
type AuditedRecord = { type: AuditedRecordType; id: number };

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
  record: AuditedRecord,
  reader: Reader,
  save: (seen: number | undefined) => Saved,
): { saved: Saved; reply?: undefined } | { reply: ReturnType<typeof replyStale> } {
  const attempt = unlessStale(() => save(seenVersion(submission.payload)));
  return attempt.stale ? { reply: replyStale(submission.reply(), attempt.stale, record, reader) } : attempt;
}

/** The form again (409), as typed, saying who changed the record and when, and where to see it. */
function replyStale(result: SubmissionResult<string[]>, change: UnseenChange, record: AuditedRecord, reader: Reader) {
  return replyWith(result, { stale: staleNotice(change, record, reader) }, 409);
}

function staleNotice(change: UnseenChange, record: AuditedRecord, reader: Reader): StaleNotice {
  return {
    version: change.version,
    message: sayStale(change, reader),
    historyHref: `/history/${record.type}/${record.id}`,
  };
}

/** A delete's confirmation refused (409): the record changed since, or something refers to it now. */
export type DeleteReply = { stale?: StaleNotice; references?: References; onlyStep?: boolean };

/**
 * Every delete route's confirmation: `del` gets the version the confirmation page was opened at
 * (checked inside its transaction). Refused, nothing deleted, when the record changed after the
 * page was opened, whoever changed it (the page showed what was to be deleted, and that is no
 * longer it), or when a record has come to refer to it: the page again, saying which.
 */
export function deleteConfirmed<Deleted extends { deleted: boolean; references?: References; onlyStep?: boolean }>(
  formData: FormData,
  record: AuditedRecord,
  reader: Reader,
  del: (seen: number | undefined) => Deleted,
) {
  const attempt = unlessStale(() => del(versionSentWith(formData)));
  if (attempt.stale)
    return { refused: data<DeleteReply>({ stale: staleNotice(attempt.stale, record, reader) }, { status: 409 }) };
  const { deleted, references, onlyStep } = attempt.saved;
  if (!deleted) return { refused: data<DeleteReply>({ references, onlyStep }, { status: 409 }) };
  return { refused: undefined };
}
