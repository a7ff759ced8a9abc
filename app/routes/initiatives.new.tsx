import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { PageHeading } from "~/components/Page";
import { InitiativeSchema } from "~/forms/schemas.server";
import { getTranslator } from "~/i18n/i18n.server";
import { createInitiative, initiativeChoices } from "~/models/initiatives/write.server";
import { missingReferences } from "~/models/sql.server";
import { redirectWithFlash } from "~/flash.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { actorOf, requireEditor } from "~/auth.server";
import { deferred, withDeferred } from "~/forms/deferred";

const InitiativeForm = deferred(() => import("~/forms/InitiativeForms").then((module) => module.InitiativeForm));

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireEditor(request);
  const { lng, t } = await getTranslator(request);
  return { title: t("form.initiative.new"), choices: initiativeChoices(lng) };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = InitiativeSchema;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { submission, t } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply());
  const missing = missingReferences(submission.value);
  if (missing.length)
    return replyWith(
      submission.reply({ fieldErrors: Object.fromEntries(missing.map((f) => [f, [t("form.errors.notFound")]])) }),
      {},
      400,
    );
  const id = createInitiative(submission.value, actor);
  return redirectWithFlash(request, `/initiatives/${id}`, t("form.saved"));
}

export const clientLoader = withDeferred(InitiativeForm);

export default function NewInitiativePage() {
  const { t } = useTranslation();
  const { choices } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("form.initiative.new")}</PageHeading>
      <InitiativeForm reply={reply} choices={choices} isNew defaultValue={{ status: "proposed" }} />
    </>
  );
}
