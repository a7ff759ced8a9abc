/**
 * How guessable a new password is, by zxcvbn (a password cracker's view: dictionaries of common
 * and leaked passwords, keyboard patterns, repeats, dates) with the common-password list of
 * @zxcvbn-ts/language-common (about 49,000 passwords from breaches), shipped with the app: no
 * network is asked. The server refuses by it (app/utils/password-rules.server.ts); the browser
 * loads this module (some 400 KB) with a dynamic import, only on the forms that set a password,
 * to show the same judgement as a hint while the person types.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

/**
 * Below this score (fewer than a million guesses) a password is refused: every entry of the
 * list, small changes to one, repeats, sequences and keyboard rows. zxcvbn's scale is 0-4.
 */
export const MIN_SCORE = 2;

export type PasswordProblem = "personal" | "common";
export type PasswordJudgement = { score: 0 | 1 | 2 | 3 | 4; problem: PasswordProblem | null; warning: string | null };

let estimator: ZxcvbnFactory | undefined;

const fold = (text: string) => text.normalize("NFC").trim().toLowerCase();

/** The account's own words (email, its local part, the name and its parts), folded. */
function personalWords(personal: string[]) {
  const words = new Set<string>();
  for (const text of personal.map(fold).filter(Boolean)) {
    words.add(text);
    const [local] = text.split("@");
    words.add(local);
    for (const part of text.split(/[\s@._-]+/u)) if (part.length >= 3) words.add(part);
    words.add(text.replace(/\s+/gu, ""));
  }
  return [...words];
}

/** `personal`: the account's email and name, which must not be (or make) its password. */
export function judgePassword(password: string, personal: string[] = []): PasswordJudgement {
  const words = personalWords(personal);
  if (words.includes(fold(password))) return { score: 0, problem: "personal", warning: "userInputs" };
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = estimator.check(password.normalize("NFC"), words);
  const warning = result.feedback.warning ?? null;
  const problem = result.score >= MIN_SCORE ? null : warning === "userInputs" ? "personal" : "common";
  return { score: result.score, problem, warning };
}
