import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { PersonSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { findNameMatches } from "~/models/names.server";
import { personForEdit } from "~/models/people/read.server";
import { updatePerson } from "~/models/people/write.server";
import { redirectWithFlash } from "~/flash.server";
import { missingReferences } from "~/models/sql.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";
import { recordVersion } from "~/models/record-versions.server";
import { editedRecord, saveEdit } from "~/forms/stale.server";

const PersonForm = deferred(() => import("~/forms/PersonForm").then((module) => module.PersonForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.personId);
  const person = {
    ...foundOrGone(personForEdit(id, lng), { type: "person", id }, { user, lng, t }),
    version: recordVersion("person", id),
  };
  return { title: t("form.person.edit"), person };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = PersonSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const id = requireId(params.personId);
  const { submission, lng, t } = await parseForm(request, schema);
  const target = editedRecord(personForEdit(id, lng), submission, { type: "person", id }, { actor, lng, t });
  if (target.reply) return target.reply;
  if (submission.status !== "success") return replyWith(submission.reply());
  const duplicates = findNameMatches("person", submission.value, lng, id);
  if (duplicates.length > 0 && !submission.value.confirmDuplicate)
    return replyWith(submission.reply(), { duplicates }, 409);
  const missing = missingReferences(submission.value);
  if (missing.length)
    return replyWith(
      submission.reply({ fieldErrors: Object.fromEntries(missing.map((f) => [f, [t("form.errors.notFound")]])) }),
      {},
      400,
    );
  const edit = saveEdit(submission, { type: "person", id }, { actor, lng, t }, (seen) =>
    updatePerson(id, submission.value, actor, lng, seen),
  );
  if (edit.reply) return edit.reply;
  const result = edit.saved;
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/people/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(PersonForm);

export default function EditPersonPage() {
  const { t } = useTranslation();
  const { person } = useLoaderData<typeof loader>();
  const { personId } = useParams();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.person.edit")}</PageHeading>
      <PersonForm reply={reply} defaultValue={person} draftKey={`person-${personId}`} />
    </>
  );
}
