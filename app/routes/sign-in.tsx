import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { currentUser, refuseCrossSite, startSession } from "~/auth.server";
import { SECRET_FIELDS, SignInSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { authenticate } from "~/models/sign-in.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { waitWords } from "~/utils/wait-words";
import { safeRedirect } from "~/utils/safe-redirect";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request);
  if (await currentUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return { title: t("account.signIn") };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = SignInSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, context }: ActionFunctionArgs) {
  await refuseCrossSite(request);
  const { submission, t, lng } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply({ hideFields: SECRET_FIELDS }));
  const { email, password, redirectTo } = submission.value;
  const result = await authenticate({ email, password, address: context.clientAddress ?? "unknown" });
  if (!result.ok) {
    // One message whether or not the account exists.
    const message =
      result.reason === "throttled"
        ? t("account.errors.throttled", { wait: waitWords(result.seconds, lng) })
        : t("account.errors.invalid");
    return replyWith(
      submission.reply({ formErrors: [message], hideFields: SECRET_FIELDS }),
      {},
      result.reason === "throttled" ? 429 : 401,
    );
  }
  return startSession(result.user.id, redirectTo ?? "/");
}

const Page = deferred(() => import("~/forms/pages/SignInPage").then((module) => module.SignInPage));

export const clientLoader = withDeferred(Page);

export default Page;
