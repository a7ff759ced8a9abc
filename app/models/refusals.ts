import type { TranslationKey } from "~/i18n/translate";

/**
 * Why a model refused a write: the key of the message and the values it names. Models speak no
 * language; the route says it in the reader's (issue 14.1), with the form's other messages.
 */
export type Refusal = { key: TranslationKey; values?: Record<string, string> };
export type FieldRefusals = Record<string, Refusal[]>;

export const refusal = (key: TranslationKey, values?: Record<string, string>): Refusal => ({ key, values });
