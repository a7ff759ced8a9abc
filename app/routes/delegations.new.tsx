import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { DelegationSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { delegationFormChoices, saveDelegation } from "~/models/delegations.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { idFromSearch } from "~/utils/pagination";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

const DelegationForm = deferred(() => import("~/forms/DelegationForm").then((module) => module.DelegationForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const partnerId = idFromSearch(new URL(request.url).searchParams, "partner");
  return {
    title: t("form.delegation.new"),
    choices: delegationFormChoices(lng),
    defaultValue: { partnerId, direction: "incoming" },
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = DelegationSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { submission, lng, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const result = saveDelegation(undefined, submission.value, actor, lng);
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/delegations/${result.id}`, t("form.saved"));
}

export const clientLoader = withDeferred(DelegationForm);

export default function NewDelegationPage() {
  const { t } = useTranslation();
  const { choices, defaultValue } = useLoaderData<typeof loader>();
  // A draft begun from one partner's page must not fill another's form.
  const draftKey = `delegation-new${defaultValue?.partnerId ? `-partner-${defaultValue.partnerId}` : ""}`;
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.delegation.new")}</PageHeading>
      <DelegationForm reply={reply} choices={choices} defaultValue={defaultValue} draftKey={draftKey} />
    </>
  );
}
