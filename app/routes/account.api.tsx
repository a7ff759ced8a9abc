import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { requireUser } from "~/auth.server";
import { redirectWithFlash } from "~/flash.server";
import { ApiTokenSchema } from "~/forms/schemas.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { getTranslator } from "~/i18n/i18n.server";
import { createApiToken, revokeApiToken, TOKENS_PER_ACCOUNT, tokensOf } from "~/models/api-tokens.server";
import { titled } from "~/utils/meta";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { sayInstant } from "~/i18n/said-dates.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { t, lng } = await getTranslator(request);
  const tokens = tokensOf(user.id).map((token) => ({
    ...token,
    createdAt: sayInstant(token.createdAt, lng),
    lastUsedAt: token.lastUsedAt ? sayInstant(token.lastUsedAt, lng) : null,
  }));
  // The limit comes with the data: the page's code in the browser has no server module to read it from.
  return { title: t("apiTokens.title"), tokens, limit: TOKENS_PER_ACCOUNT };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = ApiTokenSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { submission, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const form = submission.value;
  if (form.intent === "revoke") {
    const revoked = revokeApiToken(user.id, form.tokenId);
    return redirectWithFlash(request, "/account/api", t(revoked ? "apiTokens.revoked" : "apiTokens.gone"));
  }
  const made = createApiToken(user.id, form.name);
  if ("refusal" in made)
    return replyWith(submission.reply({ fieldErrors: { name: [t(made.refusal.key, made.refusal.values)] } }));
  // Shown in this answer only; the page reloaded afterwards lists the token by its name.
  return { result: submission.reply({ resetForm: true }), token: made.token, name: form.name };
}

const Page = deferred(() => import("~/forms/pages/ApiTokensPage").then((module) => module.ApiTokensPage));

export const clientLoader = withDeferred(Page);

export default Page;
