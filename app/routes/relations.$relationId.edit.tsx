import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { PageHeading } from "~/components/Page";
import { RelationFieldsSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { relationForStep } from "~/models/relations/read.server";
import { updateRelation } from "~/models/relations/write.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { localizedName } from "~db/shared/names";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { recordVersion } from "~/models/record-versions.server";
import { editedRecord, saveEdit } from "~/forms/stale.server";

const RelationFieldsForm = deferred(() => import("~/forms/RelationForms").then((module) => module.RelationFieldsForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.relationId);
  const relation = foundOrGone(relationForStep(id), { type: "relation", id }, { user, lng, t });
  return {
    title: t("form.relation.edit"),
    id: relation.id,
    partner: localizedName(relation.partner, lng),
    defaultValue: {
      type: relation.type,
      note: relation.note ?? undefined,
      version: recordVersion("relation", relation.id),
    },
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = RelationFieldsSchema;

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
  const edit = saveEdit(submission, { type: "relation", id }, { actor, lng, t }, (seen) =>
    updateRelation(id, submission.value, actor, seen),
  );
  if (edit.reply) return edit.reply;
  return redirectWithFlash(request, `/partners/${relation.partnerId}`, t("form.saved"));
}

export const clientLoader = withDeferred(RelationFieldsForm);

export default function EditRelationPage() {
  const { t } = useTranslation();
  const { id, partner, defaultValue } = useLoaderData<typeof loader>();
  const { relationId } = useParams();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading
        eyebrow={partner}
        actions={
          <div className="flex flex-wrap gap-2">
            <ActionLink to={`/history/relation/${id}`} tone="secondary" need="viewer">
              {t("history.link")}
            </ActionLink>
            <ActionLink to={`/relations/${id}/delete`} tone="danger">
              {t("form.deleteAction")}
            </ActionLink>
          </div>
        }
      >
        {t("form.relation.edit")}
      </PageHeading>
      <RelationFieldsForm reply={reply} defaultValue={defaultValue} draftKey={`relation-${relationId}`} />
    </>
  );
}
