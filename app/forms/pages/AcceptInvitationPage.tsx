import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FormErrors, SubmitButton, TextField } from "~/forms/Controls";
import { NewPasswordFields } from "~/forms/PasswordStrength";
import { PageHeading } from "~/components/Page";
import { AcceptInvitationSchema } from "~/forms/account";
import { useSchemaForm } from "~/forms/use-schema-form";
import type { action, loader } from "~/routes/invite.$token";

export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { invitation } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(AcceptInvitationSchema, {
    lastResult: reply?.result,
    defaultValue: { name: invitation?.name },
  });
  return (
    <div className="mx-auto max-w-md">
      <PageHeading>{t("account.acceptInvitation")}</PageHeading>
      {invitation ? (
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors errors={form.errors} id={form.errorId} />
          <p className="text-sm text-stone-700">{t("account.invitedAs", { email: invitation.email })}</p>
          <input type="hidden" name="username" autoComplete="username" value={invitation.email} />
          <TextField field={fields.name} label={t("account.name")} autoComplete="name" />
          <NewPasswordFields
            password={fields.password}
            confirm={fields.confirm}
            personal={[invitation.email, invitation.name]}
          />
          <SubmitButton>{t("account.activate")}</SubmitButton>
        </Form>
      ) : (
        <p role="alert">{t("account.errors.invitationGone")}</p>
      )}
    </div>
  );
}
