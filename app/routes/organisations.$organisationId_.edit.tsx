import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { OrganisationSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { findNameMatches } from "~/models/names.server";
import { organisationForEdit, organisationFormChoices, saveOrganisation } from "~/models/organisations.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { recordVersion } from "~/models/record-versions.server";
import { editedRecord, saveEdit } from "~/forms/stale.server";

const OrganisationForm = deferred(() => import("~/forms/OrganisationForm").then((module) => module.OrganisationForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.organisationId);
  return {
    title: t("form.organisation.edit"),
    organisation: {
      ...foundOrGone(organisationForEdit(id, lng), { type: "organisation", id }, { user, lng, t }),
      version: recordVersion("organisation", id),
    },
    ...organisationFormChoices(lng, id),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = OrganisationSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.organisationId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(
    organisationForEdit(id, lng),
    submission,
    { type: "organisation", id },
    { actor, lng, t },
  );
  if (target.reply) return target.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const duplicates = findNameMatches("organisation", submission.value, lng, id);
  if (duplicates.length > 0 && !submission.value.confirmDuplicate)
    return replyWith(submission.reply(), { duplicates }, 409);
  const edit = saveEdit(submission, { type: "organisation", id }, { actor, lng, t }, (seen) =>
    saveOrganisation(id, submission.value, lng, actor, seen),
  );
  if (edit.reply) return edit.reply;
  const saved = edit.saved;
  if (!saved.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(saved.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/organisations/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(OrganisationForm);

export default function EditOrganisationPage() {
  const { t } = useTranslation();
  const { organisation, partners, organisations } = useLoaderData<typeof loader>();
  const { organisationId } = useParams();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.organisation.edit")}</PageHeading>
      <OrganisationForm
        reply={reply}
        partners={partners}
        organisations={organisations}
        defaultValue={organisation}
        draftKey={`organisation-${organisationId}`}
      />
    </>
  );
}
