import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { InitiativeSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { initiativeChoices, saveInitiative } from "~/models/initiatives/write.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith, sayRefusals } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";
import { keepFormIfUnsent, noReloadOverForm } from "~/forms/unsent";

const InitiativeForm = deferred(() => import("~/forms/InitiativeForms").then((module) => module.InitiativeForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  return { title: t("form.initiative.new"), choices: initiativeChoices(lng) };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = InitiativeSchema;

// A post that fails on the way keeps the form as typed (app/forms/unsent.ts).
export const clientAction = keepFormIfUnsent;
export const shouldRevalidate = noReloadOverForm;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { submission, lng, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const saved = saveInitiative(undefined, submission.value, lng, actor);
  if (!saved.ok) return replyWith(submission.reply({ fieldErrors: sayRefusals(saved.fieldErrors, t) }), {}, 400);
  return redirectWithFlash(request, `/initiatives/${saved.id}`, t("form.saved"));
}

export const clientLoader = withDeferred(InitiativeForm);

export default function NewInitiativePage() {
  const { t } = useTranslation();
  const { choices } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.initiative.new")}</PageHeading>
      <InitiativeForm
        reply={reply}
        choices={choices}
        isNew
        defaultValue={{ status: "proposed" }}
        draftKey="initiative-new"
      />
    </>
  );
}
