import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { RelationStepSchema } from "~/forms/schemas.server";
import { dateWords } from "~/i18n/dates";
import { getTranslator } from "~/i18n/i18n.server";
import { meetingChoices } from "~/models/meetings/read.server";
import { addRelationStep } from "~/models/relations/write.server";
import { relationForStep } from "~/models/relations/read.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { localizedName } from "~db/shared/names";
import { formatPartialDate } from "~db/shared/partial-date";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { editedRecord, saveEdit } from "~/forms/stale.server";

const RelationStepForm = deferred(() => import("~/forms/RelationForms").then((module) => module.RelationStepForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.relationId);
  const relation = foundOrGone(relationForStep(id), { type: "relation", id }, { user, lng, t });
  const words = dateWords(lng, t);
  return {
    title: t("form.relation.addStep"),
    heading: `${localizedName(relation.partner, lng)} · ${t(`relation.types.${relation.type}`)}`,
    meetings: meetingChoices(relation.partnerId, (date) => formatPartialDate(date, words)),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = RelationStepSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.relationId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(relationForStep(id), submission, { type: "relation", id }, { actor, lng, t });
  if (target.reply) return target.reply;
  const relation = target.record;
  if (submission.status !== "success") return replyWith(submission.reply());
  // Deleted between the look above and the save's transaction: said as above, not a 500.
  const added = saveEdit(submission, { type: "relation", id }, { actor, lng, t }, () =>
    addRelationStep(id, submission.value, lng, actor),
  );
  if (added.reply) return added.reply;
  const result = added.saved;
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/partners/${relation.partnerId}`, t("form.saved"));
}

export const clientLoader = withDeferred(RelationStepForm);

export default function RelationStepPage() {
  const { t } = useTranslation();
  const { heading, meetings } = useLoaderData<typeof loader>();
  const { relationId } = useParams();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading eyebrow={heading}>{t("form.relation.addStep")}</PageHeading>
      <RelationStepForm reply={reply} meetings={meetings} draftKey={`relation-${relationId}-step-new`} />
    </>
  );
}
