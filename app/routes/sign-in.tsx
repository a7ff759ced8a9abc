import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { getFormProps, getInputProps } from "@conform-to/react";
import { Form, useActionData, useSearchParams } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "~/i18n/react";
import { currentUser, refuseCrossSite, startSession } from "~/auth.server";
import { FormErrors, SubmitButton, TextField } from "~/forms/Controls";
import { PageHeading } from "~/components/Page";
import { SECRET_FIELDS, SignInSchema } from "~/forms/account";
import { useSchemaForm } from "~/forms/use-schema-form";
import { getTranslator } from "~/i18n/i18n.server";
import { authenticate } from "~/models/sign-in.server";
import { parseForm, replyWith } from "~/forms/parse.server";
import { titled } from "~/utils/meta";
import { waitWords } from "~/utils/wait-words";
import { safeRedirect } from "~/utils/safe-redirect";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const { t } = await getTranslator(request);
  if (await currentUser(request)) throw redirect(safeRedirect(new URL(request.url).searchParams.get("redirectTo")));
  return { title: t("account.signIn") };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = SignInSchema;

export async function action({ request, context }: ActionFunctionArgs) {
  await refuseCrossSite(request);
  const { submission, t, lng } = await parseForm(request, schema);
  if (submission.status !== "success") return replyWith(submission.reply({ hideFields: SECRET_FIELDS }));
  const { email, password, redirectTo } = submission.value;
  const result = await authenticate({ email, password, address: context.clientAddress ?? "unknown" });
  if (!result.ok) {
    // One message whether or not the account exists.
    const message =
      result.reason === "throttled"
        ? t("account.errors.throttled", { wait: waitWords(result.seconds, lng) })
        : t("account.errors.invalid");
    return replyWith(
      submission.reply({ formErrors: [message], hideFields: SECRET_FIELDS }),
      {},
      result.reason === "throttled" ? 429 : 401,
    );
  }
  return startSession(result.user.id, redirectTo ?? "/");
}

export default function SignInPage() {
  const { t } = useTranslation();
  const reply = useActionData<typeof action>();
  const [params] = useSearchParams();
  const [form, fields] = useSchemaForm(SignInSchema, { lastResult: reply?.result });
  // A refused password is cleared, as it would be after a full page load.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    const password = formRef.current?.elements.namedItem("password");
    if (reply && password instanceof HTMLInputElement) password.value = "";
  }, [reply]);
  return (
    <div className="mx-auto max-w-md">
      <PageHeading>{t("account.signIn")}</PageHeading>
      <Form method="post" ref={formRef} {...getFormProps(form)} className="space-y-4">
        <FormErrors errors={form.errors} id={form.errorId} />
        <input
          {...getInputProps(fields.redirectTo, { type: "hidden" })}
          value={safeRedirect(params.get("redirectTo"))}
        />
        <TextField
          field={fields.email}
          label={t("account.email")}
          type="text"
          inputMode="email"
          autoComplete="username"
          autoFocus
        />
        <TextField
          field={fields.password}
          label={t("account.password")}
          type="password"
          autoComplete="current-password"
        />
        <SubmitButton>{t("account.signIn")}</SubmitButton>
      </Form>
    </div>
  );
}
