import { useForm, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "~/forms/parse-with-zod";
import { useTranslation } from "~/i18n/react";
import type { z } from "zod";
import { formErrorMap } from "./error-map";

/** conform's useForm with the schema checked in the browser too, in the reader's language. */
export function useSchemaForm<Schema extends z.ZodTypeAny>(
  schema: Schema,
  options: { id?: string; lastResult?: SubmissionResult<string[]> | null; defaultValue?: Record<string, unknown> },
) {
  const { t } = useTranslation();
  return useForm<z.input<Schema>, z.output<Schema>, string[]>({
    id: options.id,
    lastResult: options.lastResult,
    defaultValue: options.defaultValue as never,
    // All the form's errors at once, on Save; then each one clears as it is corrected. Checking
    // field by field on blur showed them a few at a time, and the message a blur added above the
    // Save button moved it from under the pointer, so the click that should have shown the rest
    // was lost (issue 13.3: a bad link hid 31 April).
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema, errorMap: formErrorMap(t) }),
  });
}
