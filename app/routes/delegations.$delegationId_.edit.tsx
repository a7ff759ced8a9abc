import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { ActionLink } from "~/components/Actions";
import { PageHeading } from "~/components/Page";
import { DelegationSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { delegationForEdit, delegationFormChoices, saveDelegation } from "~/models/delegations.server";
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

const DelegationForm = deferred(() => import("~/forms/DelegationForm").then((module) => module.DelegationForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.delegationId);
  return {
    title: t("form.delegation.edit"),
    id,
    delegation: {
      ...foundOrGone(delegationForEdit(id, lng), { type: "delegation", id }, { user, lng, t }),
      version: recordVersion("delegation", id),
    },
    choices: delegationFormChoices(lng),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = DelegationSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.delegationId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(delegationForEdit(id, lng), submission, { type: "delegation", id }, { actor, lng, t });
  if (target.reply) return target.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const edit = saveEdit(submission, { type: "delegation", id }, { actor, lng, t }, (seen) =>
    saveDelegation(id, submission.value, actor, lng, seen),
  );
  if (edit.reply) return edit.reply;
  const result = edit.saved;
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/delegations/${result.id}`, t("form.saved"));
}

export const clientLoader = withDeferred(DelegationForm);

export default function EditDelegationPage() {
  const { t } = useTranslation();
  const { id, delegation, choices } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading
        actions={
          <div className="flex flex-wrap gap-2">
            <ActionLink to={`/history/delegation/${id}`} tone="secondary">
              {t("history.link")}
            </ActionLink>
            <ActionLink to={`/delegations/${id}/delete`} tone="danger">
              {t("form.deleteAction")}
            </ActionLink>
          </div>
        }
      >
        {t("form.delegation.edit")}
      </PageHeading>
      <DelegationForm reply={reply} choices={choices} defaultValue={delegation} draftKey={`delegation-${id}`} />
    </>
  );
}
