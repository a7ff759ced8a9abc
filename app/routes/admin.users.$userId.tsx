import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { USER_ROLES } from "~db/enums";
import { requireAdmin } from "~/auth.server";
import { readForm } from "~/forms/parse.server";
import { InvitationLink } from "~/components/InvitationLink";
import { PageHeading } from "~/components/Page";
import { AccountChangeSchema, parseWithZod } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { disableUser, enableUser, getUser, renewInvitation, setRole } from "~/models/users.server";
import { redirectWithFlash } from "~/flash.server";
import { found, requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireAdmin(request);
  const { t } = await getTranslator(request);
  const user = found(getUser(requireId(params.userId)));
  return {
    title: user.name,
    isSelf: user.id === admin.id,
    user: {
      id: user.id,
      name: user.name,
      email: user.email,
      role: user.role,
      disabled: Boolean(user.disabledAt),
      invited: !user.passwordHash,
    },
    heading: t("admin.users.account", { name: user.name }),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = AccountChangeSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { t } = await getTranslator(request);
  const id = requireId(params.userId);
  found(getUser(id));
  const submission = parseWithZod(await readForm(request), { schema });
  if (submission.status !== "success") return new Response(null, { status: 400 });
  const change = submission.value;
  if (change.intent === "renew") {
    const token = renewInvitation(id, admin.id);
    return token
      ? { invitation: `/invite/${token}`, error: null }
      : { invitation: null, error: t("admin.users.notInvited") };
  }
  const result =
    change.intent === "role"
      ? setRole(id, change.role, admin.id)
      : change.intent === "disable"
        ? disableUser(id, admin.id)
        : enableUser(id, admin.id);
  if (!result.ok) return { invitation: null, error: t(`admin.users.errors.${result.reason}`) };
  return redirectWithFlash(request, `/admin/users/${id}`, t("form.saved"));
}

export default function AccountPage() {
  const { t } = useTranslation();
  const { user, heading, isSelf } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <div className="max-w-2xl space-y-6">
      <PageHeading eyebrow={user.email}>{heading}</PageHeading>
      {reply?.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {reply.error}
        </p>
      ) : null}
      {reply?.invitation ? <InvitationLink path={reply.invitation} email={user.email} /> : null}
      <p>
        {t("admin.users.state")}:{" "}
        {user.disabled ? t("admin.users.disabled") : user.invited ? t("admin.users.invited") : t("admin.users.active")}
      </p>
      <Form method="post" className="flex flex-wrap items-end gap-3">
        <input type="hidden" name="intent" value="role" />
        <label className="text-sm font-medium text-stone-700">
          {t("admin.users.role")}
          <select
            name="role"
            defaultValue={user.role}
            className="mt-1 block rounded border border-stone-300 bg-white px-2 py-1.5"
          >
            {USER_ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`admin.roles.${role}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="rounded bg-sky-800 px-4 py-2 font-medium text-white hover:bg-sky-900">
          {t("admin.users.saveRole")}
        </button>
      </Form>
      <p className="max-w-prose text-sm text-stone-600">{t("admin.roles.explained")}</p>
      {user.invited && !user.disabled ? (
        <Form method="post">
          <button
            type="submit"
            name="intent"
            value="renew"
            className="rounded border border-stone-300 bg-white px-4 py-2 hover:bg-stone-100"
          >
            {t("admin.users.renew")}
          </button>
        </Form>
      ) : null}
      {isSelf ? null : (
        <Form method="post">
          {user.disabled ? (
            <button
              type="submit"
              name="intent"
              value="enable"
              className="rounded border border-stone-300 bg-white px-4 py-2 hover:bg-stone-100"
            >
              {t("admin.users.enable")}
            </button>
          ) : (
            <>
              <p id="disable-hint" className="mb-2 max-w-prose text-sm text-stone-600">
                {t("admin.users.disableHint")}
              </p>
              <button
                type="submit"
                name="intent"
                value="disable"
                aria-describedby="disable-hint"
                className="rounded border border-red-300 bg-white px-4 py-2 text-red-800 hover:bg-red-50"
              >
                {t("admin.users.disable")}
              </button>
            </>
          )}
        </Form>
      )}
    </div>
  );
}
