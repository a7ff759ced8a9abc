import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { getFormProps } from "@conform-to/react";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { refuseCrossSite, startSession } from "~/auth.server";
import { FormErrors, SubmitButton, TextField } from "~/forms/Controls";
import { PasswordStrength } from "~/forms/PasswordStrength";
import { PageHeading } from "~/components/Page";
import { AcceptInvitationSchema, SECRET_FIELDS } from "~/forms/account";
import { useSchemaForm } from "~/forms/use-schema-form";
import { getTranslator } from "~/i18n/i18n.server";
import { acceptInvitation, invitationFor } from "~/models/users.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { withPasswordRules } from "~/utils/password-rules.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

/** The page an invitation link opens: the invited person chooses their password. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request);
  const invitation = invitationFor(params.token ?? "");
  return {
    title: t("account.acceptInvitation"),
    invitation: invitation && { email: invitation.email, name: invitation.name },
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = AcceptInvitationSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  await refuseCrossSite(request);
  const invitation = invitationFor(params.token ?? "");
  const { submission, t } = await parseForm(
    request,
    withPasswordRules(schema, ({ name }) => [invitation?.email ?? "", name]),
  );
  if (submission.status !== "success") return replyWith(submission.reply({ hideFields: SECRET_FIELDS }));
  const userId = await acceptInvitation(params.token ?? "", submission.value);
  if (!userId)
    return replyWith(
      submission.reply({ formErrors: [t("account.errors.invitationGone")], hideFields: SECRET_FIELDS }),
      {},
      410,
    );
  return startSession(userId, "/");
}

export default function AcceptInvitationPage() {
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
          <TextField
            field={fields.password}
            label={t("account.newPassword")}
            hint={
              <>
                {t("account.passwordRule")}
                <PasswordStrength inputId={fields.password.id} personal={[invitation.email, invitation.name]} />
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
          <SubmitButton>{t("account.activate")}</SubmitButton>
        </Form>
      ) : (
        <p role="alert">{t("account.errors.invitationGone")}</p>
      )}
    </div>
  );
}
