import { getFormProps } from "@conform-to/react";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { USER_ROLES } from "~db/enums";
import { FormErrors, SelectField, SubmitButton, TextField } from "~/forms/Controls";
import { PageHeading, Section } from "~/components/Page";
import { AdminNav } from "~/components/AdminNav";
import { InvitationLink } from "~/components/InvitationLink";
import { InviteSchema } from "~/forms/account";
import { useSchemaForm } from "~/forms/use-schema-form";
import type { action, loader } from "~/routes/admin.users._index";

export function AccountsPage() {
  const { t } = useTranslation();
  const { users, invitationDays } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(InviteSchema, { lastResult: reply?.result, defaultValue: { role: "viewer" } });
  const roles = USER_ROLES.map((role) => ({ value: role, label: t(`admin.roles.${role}`) }));
  return (
    <>
      <PageHeading>{t("admin.users.title")}</PageHeading>
      <AdminNav />
      <Section title={t("admin.users.list")} id="accounts">
        {/* On a phone each account is a block of lines: four columns do not fit in 390 px. */}
        <table className="w-full text-left text-sm max-sm:block">
          <thead className="max-sm:sr-only">
            <tr className="border-b border-stone-300">
              <th scope="col" className="py-2">
                {t("account.name")}
              </th>
              <th scope="col">{t("account.email")}</th>
              <th scope="col">{t("admin.users.role")}</th>
              <th scope="col">{t("admin.users.state")}</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {users.map((user) => (
              <tr key={user.id} className="border-b border-stone-200 max-sm:block max-sm:py-2">
                <td className="py-2 max-sm:block max-sm:py-0">
                  <Link to={`/admin/users/${user.id}`} className="wrap-anywhere text-sky-800 underline">
                    {user.name}
                  </Link>
                </td>
                <td className="break-all max-sm:block">{user.email}</td>
                <td className="max-sm:block">{t(`admin.roles.${user.role}`)}</td>
                <td className="max-sm:block">
                  {user.disabledAt
                    ? t("admin.users.disabled")
                    : user.invited
                      ? t("admin.users.invited")
                      : t("admin.users.active")}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </Section>
      <Section title={t("admin.users.invite")} id="invite">
        {reply && "invitation" in reply && reply.invitation ? (
          <InvitationLink path={reply.invitation.path} email={reply.invitation.email} />
        ) : null}
        <p className="mb-3 max-w-prose text-sm text-stone-600">
          {t("admin.users.inviteHint", { days: invitationDays })}
        </p>
        <Form method="post" {...getFormProps(form)} className="grid max-w-3xl gap-4 sm:grid-cols-3">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField field={fields.email} label={t("account.email")} type="email" autoComplete="off" />
          <TextField field={fields.name} label={t("account.name")} autoComplete="off" />
          <SelectField field={fields.role} label={t("admin.users.role")} options={roles} />
          <div className="sm:col-span-3">
            <SubmitButton>{t("admin.users.sendInvite")}</SubmitButton>
          </div>
        </Form>
      </Section>
    </>
  );
}
