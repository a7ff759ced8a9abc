import type { ClientActionFunctionArgs, ShouldRevalidateFunction } from "@remix-run/react";

/** The form-level error FormErrors says as errors.unsent, in the reader's language. */
export const UNSENT = "kezdesu:unsent";

/**
 * A form route's clientAction: its server action, but a post that fails on the way (the network
 * down, the connection dropped before the answer came) leaves the form on the page as typed,
 * saying that the change may not have been saved, instead of an error page in its place with
 * everything typed gone. Any other failure is thrown as before.
 */
export async function keepFormIfUnsent({ serverAction }: ClientActionFunctionArgs) {
  try {
    return await serverAction();
  } catch (error) {
    // What fetch rejects with when no answer came; an abort (navigating away) is a DOMException.
    if (!(error instanceof TypeError)) throw error;
    // No initialValue: conform keeps the form's values as they are (@conform-to/dom's report()).
    return { result: { status: "error" as const, error: { "": [UNSENT] } }, unsent: true as const };
  }
}

/** Whether an action's answer is keepFormIfUnsent's for a post that never got one. */
export function isUnsent(actionResult: unknown) {
  return typeof actionResult === "object" && actionResult !== null && "unsent" in actionResult;
}

/** Whether an action's answer is a save refused because its record was deleted meanwhile (./stale.server.ts). */
function isDeletedReply(actionResult: unknown) {
  const stale = (actionResult as { stale?: { deleted?: unknown } } | null | undefined)?.stale;
  return stale?.deleted === true;
}

/**
 * A form route's shouldRevalidate: after an unsent post, or a save refused because the record
 * was deleted meanwhile, nothing is reloaded, as it is after any other post (Remix reloads a
 * page's data after every post): the reload would fail (the same way; the record is gone) and its
 * error page would take the form's place, with everything typed.
 */
export const noReloadOverForm: ShouldRevalidateFunction = ({ actionResult, defaultShouldRevalidate }) =>
  isUnsent(actionResult) || isDeletedReply(actionResult) ? false : defaultShouldRevalidate;
