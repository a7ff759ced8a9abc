import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { PersonSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { findNameMatches } from "~/models/names.server";
import { createPerson } from "~/models/people/write.server";
import { redirectWithFlash } from "~/flash.server";
import { missingReferences } from "~/models/sql.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

const PersonForm = deferred(() => import("~/forms/PersonForm").then((module) => module.PersonForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { t } = await getTranslator(request);
  return { title: t("form.person.new") };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = PersonSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { submission, lng, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const duplicates = findNameMatches("person", submission.value, lng);
  if (duplicates.length > 0 && !submission.value.confirmDuplicate)
    return replyWith(submission.reply(), { duplicates }, 409);
  const missing = missingReferences(submission.value);
  if (missing.length)
    return replyWith(
      submission.reply({ fieldErrors: Object.fromEntries(missing.map((f) => [f, [t("form.errors.notFound")]])) }),
      {},
      400,
    );
  const result = createPerson(submission.value, actor, lng);
  if (!result.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(result.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/people/${result.id}`, t("form.saved"));
}

export const clientLoader = withDeferred(PersonForm);

export default function NewPersonPage() {
  const { t } = useTranslation();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.person.new")}</PageHeading>
      <PersonForm reply={reply} draftKey="person-new" />
    </>
  );
}
