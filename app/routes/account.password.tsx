import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser, startSession } from "~/auth.server";
import { PasswordChangeSchema, SECRET_FIELDS } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { checkCurrentPassword } from "~/models/sign-in.server";
import { changePassword } from "~/models/users.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { withPasswordRules } from "~/utils/password-rules.server";
import { waitWords } from "~/utils/wait-words";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

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

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

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

const Page = deferred(() => import("~/forms/pages/ChangePasswordPage").then((module) => module.ChangePasswordPage));

export const clientLoader = withDeferred(Page);

export default Page;
