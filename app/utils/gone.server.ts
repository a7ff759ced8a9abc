/**
 * A record's page opened after the record was deleted (a link kept, a tab left open): 410,
 * saying who deleted it and when, that an administrator can restore it, and where its history
 * is, rather than a "page not found" that says nothing of what became of it.
 */
import { data } from "@remix-run/node";
import type { AuditedRecordType } from "~db/schema";
import type { Language } from "~/i18n/config";
import { sayWhoChanged } from "~/i18n/said-changes.server";
import type { T } from "~/i18n/translate";
import { childDeletionOf, deletionOf, type StepParent } from "~/models/record-versions.server";
import { notFound } from "./http.server";

/**
 * What the error page says of a deleted record (app/components/ErrorPage.tsx); `step`: of a
 * deleted step of one (`stepOf`: a relation's or an initiative's), which comes back by returning
 * the record to an earlier version in its history, not from the bin.
 */
export type GoneNotice = { message: string; historyHref: string; step?: true; stepOf?: StepParent };

// The sentences that say who deleted a step, and when, by whose step it was.
const STEP_GONE = { relation: "errors.gone.step", initiative: "errors.gone.initiativeStep" } as const;

/** The record, as its page read it; none: 410 when it was deleted, 404 when it was never there. */
export function foundOrGone<R>(
  record: R | null | undefined,
  { type, id }: { type: AuditedRecordType; id: number },
  { user, lng, t }: { user: { id: number }; lng: Language; t: T },
): R {
  if (record != null) return record;
  const deletion = deletionOf(type, id);
  if (!deletion) throw notFound();
  const message = sayWhoChanged(deletion, user.id, "errors.gone", lng, t);
  throw data<{ gone: GoneNotice }>({ gone: { message, historyHref: `/history/${type}/${id}` } }, { status: 410 });
}

/**
 * A step of a record (a relation's, an initiative's) as its page read it; none: 410 when it was
 * deleted, with the record's history, 404 when no record had it. `ref.id` may be unknown (a page
 * that names the step alone).
 */
export function stepFoundOrGone<S>(
  step: S | null | undefined,
  { ref, child }: { ref: { type: StepParent; id?: number }; child: { table: string; id: number } },
  { user, lng, t }: { user: { id: number }; lng: Language; t: T },
): S {
  if (step != null) return step;
  const deletion = childDeletionOf(ref.type, ref.id, child);
  if (!deletion) throw notFound();
  const message = sayWhoChanged(deletion, user.id, STEP_GONE[ref.type], lng, t);
  const gone: GoneNotice = {
    message,
    historyHref: `/history/${ref.type}/${deletion.recordId}`,
    step: true,
    stepOf: ref.type,
  };
  throw data<{ gone: GoneNotice }>({ gone }, { status: 410 });
}
