import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { requireUser, startSession } from "~/auth.server";
import { FormErrors, SubmitButton, TextField } from "~/forms/Controls";
import { PasswordStrength } from "~/forms/PasswordStrength";
import { PageHeading } from "~/components/Page";
import { PasswordChangeSchema, SECRET_FIELDS } from "~/forms/account";
import { useSchemaForm } from "~/forms/use-schema-form";
import { getTranslator } from "~/i18n/i18n.server";
import { checkCurrentPassword } from "~/models/sign-in.server";
import { changePassword } from "~/models/users.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { withPasswordRules } from "~/utils/password-rules.server";
import { waitWords } from "~/utils/wait-words";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t } = await getTranslator(request);
  return {
    title: t("account.changePassword"),
    mustChange: user.mustChangePassword,
    email: user.email,
    name: user.name,
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = PasswordChangeSchema;

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { submission, t, lng } = await parseForm(
    request,
    withPasswordRules(schema, () => [user.email, user.name]),
  );
  if (submission.status !== "success") return replyWith(submission.reply({ hideFields: SECRET_FIELDS }));
  const check = await checkCurrentPassword({
    userId: user.id,
    password: submission.value.current,
    address: context.clientAddress ?? "unknown",
  });
  if (!check.ok) {
    const message =
      check.reason === "throttled"
        ? t("account.errors.throttled", { wait: waitWords(check.seconds, lng) })
        : t("account.errors.wrongCurrent");
    return replyWith(
      submission.reply({ fieldErrors: { current: [message] }, hideFields: SECRET_FIELDS }),
      {},
      check.reason === "throttled" ? 429 : 400,
    );
  }
  await changePassword(user.id, submission.value.password);
  // Every session of the account ended with the old password; this browser gets a new one.
  return startSession(user.id, "/");
}

export default function ChangePasswordPage() {
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
        <TextField
          field={fields.password}
          label={t("account.newPassword")}
          hint={
            <>
              {t("account.passwordRule")}
              <PasswordStrength inputId={fields.password.id} personal={[email, name]} />
            </>
          }
          type="password"
          autoComplete="new-password"
        />
        <TextField
          field={fields.confirm}
          label={t("account.confirmPassword")}
          type="password"
          autoComplete="new-password"
        />
        <SubmitButton>{t("account.savePassword")}</SubmitButton>
      </Form>
    </div>
  );
}
