import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { RelationSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { getPartner } from "~/models/partners/read.server";
import { createRelation } from "~/models/relations/write.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { editedRecord } from "~/forms/stale.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

const RelationForm = deferred(() => import("~/forms/RelationForms").then((module) => module.RelationForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.partnerId);
  const partner = foundOrGone(getPartner(id, lng), { type: "partner", id }, { user, lng, t });
  return { title: t("form.relation.new"), partner: { id: partner.id, name: partner.name } };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = RelationSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.partnerId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(getPartner(id, lng), submission, { type: "partner", id }, { actor, lng, t });
  if (target.reply) return target.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const result = createRelation(id, submission.value, lng, actor);
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/partners/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(RelationForm);

export default function NewRelationPage() {
  const { t } = useTranslation();
  const { partner } = useLoaderData<typeof loader>();
  const { partnerId } = useParams();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading eyebrow={partner.name}>{t("form.relation.new")}</PageHeading>
      <RelationForm reply={reply} draftKey={`relation-new-partner-${partnerId}`} />
    </>
  );
}
