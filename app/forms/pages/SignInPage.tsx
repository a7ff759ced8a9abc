import { getFormProps, getInputProps } from "@conform-to/react";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
import { FormErrors, SubmitButton, TextField } from "~/forms/Controls";
import { PageHeading } from "~/components/Page";
import { SignInSchema } from "~/forms/account";
import { useSchemaForm } from "~/forms/use-schema-form";
import { isUnsent } from "~/forms/unsent";
import { safeRedirect } from "~/utils/safe-redirect";
import type { action } from "~/routes/sign-in";

export function SignInPage() {
  const { t } = useTranslation();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useSchemaForm(SignInSchema, { lastResult: reply?.result });
  // A refused password is cleared, as it would be after a full page load; one that never
  // reached the server (the line down) is kept, to send again.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const password = formRef.current?.elements.namedItem("password");
    if (reply && !isUnsent(reply) && password instanceof HTMLInputElement) password.value = "";
  }, [reply]);
  return (
    <div className="mx-auto max-w-md">
      <PageHeading>{t("account.signIn")}</PageHeading>
      <Form method="post" ref={formRef} {...getFormProps(form)} className="space-y-4">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input
          {...getInputProps(fields.redirectTo, { type: "hidden" })}
          value={safeRedirect(params.get("redirectTo"))}
        />
        <TextField
          field={fields.email}
          label={t("account.email")}
          type="text"
          inputMode="email"
          autoComplete="username"
          autoFocus
        />
        <TextField
          field={fields.password}
          label={t("account.password")}
          type="password"
          autoComplete="current-password"
        />
        <SubmitButton>{t("account.signIn")}</SubmitButton>
      </Form>
    </div>
  );
}
