import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { refuseCrossSite, startSession } from "~/auth.server";
import { AcceptInvitationSchema, SECRET_FIELDS } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { acceptInvitation, invitationFor } from "~/models/users.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { withPasswordRules } from "~/utils/password-rules.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

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

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

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

const Page = deferred(() => import("~/forms/pages/AcceptInvitationPage").then((module) => module.AcceptInvitationPage));

export const clientLoader = withDeferred(Page);

export default Page;
