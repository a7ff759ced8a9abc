import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { OrganisationSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { findNameMatches } from "~/models/names.server";
import { organisationChoices, organisationForEdit, updateOrganisation } from "~/models/organisations.server";
import { partnerChoices } from "~/models/partners/read.server";
import { redirectWithFlash } from "~/flash.server";
import { missingReferences } from "~/models/sql.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { found, requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";

const OrganisationForm = deferred(() => import("~/forms/OrganisationForm").then((module) => module.OrganisationForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.organisationId);
  return {
    title: t("form.organisation.edit"),
    organisation: found(organisationForEdit(id)),
    partners: partnerChoices(lng, { includeHome: true }).map((p) => ({ value: p.id, label: p.name })),
    // An organisation cannot be a unit of itself.
    organisations: organisationChoices(lng).filter((o) => o.value !== id),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = OrganisationSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.organisationId);
  found(organisationForEdit(id));
  const { submission, lng, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  if (submission.value.parentId === id) {
    return replyWith(submission.reply({ fieldErrors: { parentId: [t("form.errors.ownParent")] } }));
  }
  const duplicates = findNameMatches("organisation", submission.value, lng, id);
  if (duplicates.length > 0 && !submission.value.confirmDuplicate)
    return replyWith(submission.reply(), { duplicates }, 409);
  const missing = missingReferences(submission.value);
  if (missing.length)
    return replyWith(
      submission.reply({ fieldErrors: Object.fromEntries(missing.map((f) => [f, [t("form.errors.notFound")]])) }),
      {},
      400,
    );
  updateOrganisation(id, submission.value, actor);
  return redirectWithFlash(request, `/organisations/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(OrganisationForm);

export default function EditOrganisationPage() {
  const { t } = useTranslation();
  const { organisation, partners, organisations } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.organisation.edit")}</PageHeading>
      <OrganisationForm reply={reply} partners={partners} organisations={organisations} defaultValue={organisation} />
    </>
  );
}
