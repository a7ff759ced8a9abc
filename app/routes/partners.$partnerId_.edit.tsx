import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { PartnerSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { findNameMatches } from "~/models/names.server";
import { partnerForEdit } from "~/models/partners/read.server";
import { updatePartner } from "~/models/partners/write.server";
import { redirectWithFlash } from "~/flash.server";
import { countryOptions } from "~/utils/countries";
import { parseForm, replyWith } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { recordVersion } from "~/models/record-versions.server";
import { editedRecord, saveEdit } from "~/forms/stale.server";

const PartnerForm = deferred(() => import("~/forms/PartnerForm").then((module) => module.PartnerForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.partnerId);
  const partner = {
    ...foundOrGone(partnerForEdit(id), { type: "partner", id }, { user, lng, t }),
    version: recordVersion("partner", id),
  };
  return { title: t("form.partner.edit"), partner, countries: countryOptions(lng) };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = PartnerSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.partnerId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(partnerForEdit(id), submission, { type: "partner", id }, { actor, lng, t });
  if (target.reply) return target.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const duplicates = findNameMatches("partner", submission.value, lng, id);
  if (duplicates.length > 0 && !submission.value.confirmDuplicate) {
    return replyWith(submission.reply(), { duplicates }, 409);
  }
  const edit = saveEdit(submission, { type: "partner", id }, { actor, lng, t }, (seen) =>
    updatePartner(id, submission.value, actor, seen),
  );
  if (edit.reply) return edit.reply;
  return redirectWithFlash(request, `/partners/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(PartnerForm);

export default function EditPartnerPage() {
  const { t } = useTranslation();
  const { partner, countries } = useLoaderData<typeof loader>();
  const { partnerId } = useParams();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.partner.edit")}</PageHeading>
      <PartnerForm
        reply={reply}
        defaultValue={partner}
        countries={countries}
        submitLabel={t("form.save")}
        draftKey={`partner-${partnerId}`}
      />
    </>
  );
}
