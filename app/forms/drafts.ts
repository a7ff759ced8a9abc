/**
 * Where this browser keeps drafts of long forms (./use-draft.ts): under the account that typed
 * them, so another account signed in on the same browser (a shared office computer, a session
 * that ran out) never has them restored into its forms, and all of them forgotten at sign-out.
 */
const PREFIX = "kezdesu:draft:";

export const draftStorageKey = (userId: number | undefined, form: string) =>
  `${PREFIX}${userId ?? "signed-out"}:${form}`;

/** Every draft in this browser but `except`, any account's (drafts kept before they were by account too). */
export function forgetDrafts(except?: string) {
  try {
    for (const key of Object.keys(localStorage))
      if (key.startsWith(PREFIX) && key !== except) localStorage.removeItem(key);
  } catch {
    // Storage refused (a private window's policy): there is nothing kept to forget.
  }
}

/**
 * Keeps a draft. A browser's storage for the site is a few megabytes, and a review of a pasted
 * report left unsaved leaves its report in its draft: once full, the drafts of forms left
 * earlier make way for the one being typed; with no room even then, this form goes without.
 */
export function keepDraft(storageKey: string, value: string) {
  try {
    localStorage.setItem(storageKey, value);
    return;
  } catch {
    forgetDrafts(storageKey);
  }
  try {
    localStorage.setItem(storageKey, value);
  } catch {
    // No room for this draft alone (or storage refused): the form still saves as it always does.
  }
}
