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
import { sayWhoChanged } from "~/i18n/said-changes.server";
import type { T } from "~/i18n/translate";
import {
  childDeletionOf,
  deletionOf,
  recordVersion,
  seenVersion,
  StaleEdit,
  versionSentWith,
  type UnseenChange,
} from "~/models/record-versions.server";
import { notFound } from "~/utils/http.server";
import { replyWith } from "./parse.server";
import type { References } from "./DeleteConfirmation";

/** `step`: what was deleted is a step of the record, not the record (a relation's or an initiative's step, edited). */
export type StaleNotice = { version: number; message: string; historyHref: string; deleted: boolean; step?: true };

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

/**
 * Who changed or deleted the record since the page was opened, and when: the reader themself,
 * someone, or another program.
 */
export function sayStale(change: UnseenChange, { actor, lng, t }: { actor: Actor; lng: Language; t: T }) {
  return sayWhoChanged(change, actor.userId, change.deleted ? "form.stale.deleted" : "form.stale", lng, t);
}

/**
 * The record a form was posted to, or, when it was deleted after the page was opened, its
 * deletion, to be said beside the form with what was typed; one never there is a 404.
 */
export function foundOrDeleted<R>(
  record: R | null | undefined,
  { type, id }: AuditedRecord,
): { record: R; deleted?: undefined } | { record?: undefined; deleted: UnseenChange } {
  if (record != null) return { record };
  const deleted = deletionOf(type, id);
  if (!deleted) throw notFound();
  return { deleted };
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

/**
 * An edit form's record, or, when it was deleted after the form was opened, the form again (409)
 * as typed, saying who deleted it and when: what was typed is not lost to a "page not found".
 */
export function editedRecord<R>(
  record: R | null | undefined,
  submission: { reply(): SubmissionResult<string[]> },
  ref: AuditedRecord,
  reader: Reader,
): { record: R; reply?: undefined } | { reply: ReturnType<typeof replyStale> } {
  const target = foundOrDeleted(record, ref);
  return target.deleted ? { reply: replyStale(submission.reply(), target.deleted, ref, reader) } : target;
}

/**
 * A step of `ref` (a relation's, an initiative's: stepOfRecord) that an edit form was posted to,
 * or, when the step was deleted after the form was opened, the form again (409) as typed, saying
 * who deleted the step and when, whatever version the form sends; a step the record never had is
 * a 404.
 */
export function editedStep<S>(
  step: S | null | undefined,
  submission: { reply(): SubmissionResult<string[]> },
  { ref, child }: { ref: AuditedRecord; child: { table: string; id: number } },
  reader: Reader,
): { step: S; reply?: undefined } | { reply: ReturnType<typeof replyStale> } {
  if (step != null) return { step };
  const deletion = childDeletionOf(ref.type, ref.id, child);
  if (!deletion) throw notFound();
  const notice: StaleNotice = {
    version: recordVersion(ref.type, ref.id),
    message: sayWhoChanged(deletion, reader.actor.userId, "form.stale.stepDeleted", reader.lng, reader.t),
    historyHref: `/history/${ref.type}/${ref.id}`,
    deleted: true,
    step: true,
  };
  return { reply: replyWith(submission.reply(), { stale: notice }, 409) };
}

/** The form again (409), as typed, saying who changed (or deleted) the record and when, and where to see it. */
function replyStale(result: SubmissionResult<string[]>, change: UnseenChange, record: AuditedRecord, reader: Reader) {
  return replyWith(result, { stale: staleNotice(change, record, reader) }, 409);
}

function staleNotice(change: UnseenChange, record: AuditedRecord, reader: Reader): StaleNotice {
  return {
    version: change.version,
    message: sayStale(change, reader),
    historyHref: `/history/${record.type}/${record.id}`,
    deleted: change.deleted,
  };
}

/** A delete's confirmation refused (409): the record changed since, or something refers to it now. */
export type DeleteReply = { stale?: StaleNotice; references?: References; onlyStep?: boolean };

/**
 * Every delete route's confirmation of `record` (as its route reads it: none, 404, unless it was
 * deleted since the page was opened): `del` gets the version the confirmation page was opened at
 * (checked inside its transaction). Refused, nothing deleted, when the record changed or was
 * deleted after the page was opened, whoever changed it (the page showed what was to be deleted,
 * and that is no longer it), or when a record has come to refer to it: the page again, saying which.
 */
export function deleteConfirmed<R, Deleted extends { deleted: boolean; references?: References; onlyStep?: boolean }>(
  record: R | null | undefined,
  formData: FormData,
  ref: AuditedRecord,
  reader: Reader,
  del: (seen: number | undefined) => Deleted,
): { refused: ReturnType<typeof refuse>; record?: undefined } | { refused?: undefined; record: R } {
  const target = foundOrDeleted(record, ref);
  if (target.deleted) return { refused: refuse({ stale: staleNotice(target.deleted, ref, reader) }) };
  const attempt = unlessStale(() => del(versionSentWith(formData)));
  if (attempt.stale) return { refused: refuse({ stale: staleNotice(attempt.stale, ref, reader) }) };
  const { deleted, references, onlyStep } = attempt.saved;
  if (!deleted) return { refused: refuse({ references, onlyStep }) };
  return target;
}

function refuse(reply: DeleteReply) {
  return data(reply, { status: 409 });
}
