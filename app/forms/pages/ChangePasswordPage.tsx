import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FormErrors, SubmitButton, TextField } from "~/forms/Controls";
import { NewPasswordFields } from "~/forms/PasswordStrength";
import { PageHeading } from "~/components/Page";
import { PasswordChangeSchema } from "~/forms/account";
import { useSchemaForm } from "~/forms/use-schema-form";
import type { action, loader } from "~/routes/account.password";

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { mustChange, email, name } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(PasswordChangeSchema, { lastResult: reply?.result });
  return (
    <div className="max-w-md">
      <PageHeading>{t("account.changePassword")}</PageHeading>
      {mustChange ? (
        <p className="mb-4 rounded border border-amber-300 bg-amber-50 p-3 text-sm">{t("account.mustChange")}</p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="space-y-4">
        <FormErrors errors={form.errors} id={form.errorId} />
        {/* For password managers: which account this password belongs to. */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <TextField
          field={fields.current}
          label={t("account.currentPassword")}
          type="password"
          autoComplete="current-password"
        />
        <NewPasswordFields password={fields.password} confirm={fields.confirm} personal={[email, name]} />
        <SubmitButton>{t("account.savePassword")}</SubmitButton>
      </Form>
    </div>
  );
}
