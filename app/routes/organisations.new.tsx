import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { OrganisationSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { findNameMatches } from "~/models/names.server";
import { organisationFormChoices, saveOrganisation } from "~/models/organisations.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { idFromSearch } from "~/utils/pagination";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

const OrganisationForm = deferred(() => import("~/forms/OrganisationForm").then((module) => module.OrganisationForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const partnerId = idFromSearch(new URL(request.url).searchParams, "partner");
  return {
    title: t("form.organisation.new"),
    ...organisationFormChoices(lng),
    defaultValue: partnerId ? { partnerId } : undefined,
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = OrganisationSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { submission, lng, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const duplicates = findNameMatches("organisation", submission.value, lng);
  if (duplicates.length > 0 && !submission.value.confirmDuplicate)
    return replyWith(submission.reply(), { duplicates }, 409);
  const saved = saveOrganisation(undefined, submission.value, lng, actor);
  if (!saved.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(saved.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/organisations/${saved.id}`, t("form.saved"));
}

export const clientLoader = withDeferred(OrganisationForm);

export default function NewOrganisationPage() {
  const { t } = useTranslation();
  const { partners, organisations, defaultValue } = useLoaderData<typeof loader>();
  // A draft begun from one partner's page must not fill another's form.
  const draftKey = `organisation-new${defaultValue?.partnerId ? `-partner-${defaultValue.partnerId}` : ""}`;
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.organisation.new")}</PageHeading>
      <OrganisationForm
        reply={reply}
        partners={partners}
        organisations={organisations}
        defaultValue={defaultValue}
        draftKey={draftKey}
      />
    </>
  );
}
