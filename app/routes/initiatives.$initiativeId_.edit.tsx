import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { InitiativeSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { initiativeChoices, initiativeForEdit, saveInitiative } from "~/models/initiatives/write.server";
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

const InitiativeForm = deferred(() => import("~/forms/InitiativeForms").then((module) => module.InitiativeForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.initiativeId);
  const initiative = {
    ...foundOrGone(initiativeForEdit(id, lng), { type: "initiative", id }, { user, lng, t }),
    version: recordVersion("initiative", id),
  };
  return { title: t("form.initiative.edit"), initiative, choices: initiativeChoices(lng) };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = InitiativeSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.initiativeId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(initiativeForEdit(id, lng), submission, { type: "initiative", id }, { actor, lng, t });
  if (target.reply) return target.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const { status } = target.record;
  const edit = saveEdit(submission, { type: "initiative", id }, { actor, lng, t }, (seen) =>
    saveInitiative(id, { ...submission.value, status }, lng, actor, seen),
  );
  if (edit.reply) return edit.reply;
  const saved = edit.saved;
  if (!saved.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(saved.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/initiatives/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(InitiativeForm);

export default function EditInitiativePage() {
  const { t } = useTranslation();
  const { initiative, choices } = useLoaderData<typeof loader>();
  const { initiativeId } = useParams();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.initiative.edit")}</PageHeading>
      <InitiativeForm
        reply={reply}
        defaultValue={initiative}
        choices={choices}
        isNew={false}
        draftKey={`initiative-${initiativeId}`}
      />
    </>
  );
}
