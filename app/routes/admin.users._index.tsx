import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireAdmin } from "~/auth.server";
import { InviteSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { findUserByEmail, INVITATION_DAYS, inviteUser, listUsers } from "~/models/users.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t } = await getTranslator(request);
  return { title: t("admin.users.title"), users: listUsers(), invitationDays: INVITATION_DAYS };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = InviteSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireAdmin(request);
  const { submission, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  if (findUserByEmail(submission.value.email)) {
    return replyWith(submission.reply({ fieldErrors: { email: [t("admin.users.emailTaken")] } }), {}, 409);
  }
  const { token } = inviteUser(submission.value, admin.id);
  return {
    result: submission.reply({ resetForm: true }),
    invitation: { path: `/invite/${token}`, email: submission.value.email },
  };
}

const Page = deferred(() => import("~/forms/pages/AccountsPage").then((module) => module.AccountsPage));

export const clientLoader = withDeferred(Page);

export default Page;
