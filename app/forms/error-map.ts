import type { T as TFunction } from "~/i18n/translate";
import { z } from "zod";
import { keyFrom } from "~/i18n/translate";

/**
 * Turns every zod issue into a message in the reader's language. The schemas carry no words:
 * they name a rule, and this map says it, the same on the server and in the browser.
 */
export function formErrorMap(t: TFunction): z.ZodErrorMap {
  return (issue) => {
    switch (issue.code) {
      case z.ZodIssueCode.invalid_type:
        if (issue.received === "undefined" || issue.received === "null") return { message: t("form.errors.required") };
        if (issue.expected === "number") return { message: t("form.errors.number") };
        return { message: t("form.errors.invalid") };
      case z.ZodIssueCode.too_small:
        if (issue.type === "string")
          return {
            message:
              issue.minimum === 1 ? t("form.errors.required") : t("form.errors.tooShort", { min: issue.minimum }),
          };
        if (issue.type === "number") return { message: t("form.errors.tooSmall", { min: issue.minimum }) };
        return { message: t("form.errors.tooFew", { min: issue.minimum }) };
      case z.ZodIssueCode.too_big:
        if (issue.type === "string") return { message: t("form.errors.tooLong", { max: issue.maximum }) };
        if (issue.type === "number") return { message: t("form.errors.tooBig", { max: issue.maximum }) };
        return { message: t("form.errors.tooMany", { max: issue.maximum }) };
      case z.ZodIssueCode.invalid_enum_value:
        return { message: t("form.errors.choose") };
      case z.ZodIssueCode.invalid_string:
        if (issue.validation === "email") return { message: t("form.errors.email") };
        return { message: t(issue.validation === "url" ? "form.errors.url" : "form.errors.format") };
      case z.ZodIssueCode.custom: {
        const { key, ...params } = (issue.params ?? {}) as { key?: string };
        return { message: t(key ? keyFrom(key) : "form.errors.invalid", params) };
      }
      default:
        return { message: t("form.errors.invalid") };
    }
  };
}
