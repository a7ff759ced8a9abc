/**
 * Where this browser keeps drafts of long forms (./use-draft.ts): under the account that typed
 * them, so another account signed in on the same browser (a shared office computer, a session
 * that ran out) never has them restored into its forms, and all of them forgotten at sign-out.
 */
const PREFIX = "kezdesu:draft:";

export const draftStorageKey = (userId: number | undefined, form: string) =>
  `${PREFIX}${userId ?? "signed-out"}:${form}`;

/** Every draft in this browser, any account's (drafts kept before they were by account too). */
export function forgetDrafts() {
  try {
    for (const key of Object.keys(localStorage)) if (key.startsWith(PREFIX)) localStorage.removeItem(key);
  } catch {
    // Storage refused (a private window's policy): there is nothing kept to forget.
  }
}
