import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { PartnerSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { findNameMatches } from "~/models/names.server";
import { createPartner } from "~/models/partners/write.server";
import { redirectWithFlash } from "~/flash.server";
import { countryOptions } from "~/utils/countries";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

const PartnerForm = deferred(() => import("~/forms/PartnerForm").then((module) => module.PartnerForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  return { title: t("form.partner.new"), countries: countryOptions(lng) };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = PartnerSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { submission, lng, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const duplicates = findNameMatches("partner", submission.value, lng);
  if (duplicates.length > 0 && !submission.value.confirmDuplicate) {
    return replyWith(submission.reply(), { duplicates }, 409);
  }
  const id = createPartner(submission.value, actor);
  return redirectWithFlash(request, `/partners/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(PartnerForm);

export default function NewPartnerPage() {
  const { t } = useTranslation();
  const { countries } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.partner.new")}</PageHeading>
      <PartnerForm reply={reply} countries={countries} submitLabel={t("form.save")} draftKey="partner-new" />
    </>
  );
}
