import type { FormReply } from "~/forms/parse.server";
import { getFormProps } from "@conform-to/react";
import { SecretShownOnce } from "~/components/SecretShownOnce";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { TimeText } from "~/components/DateText";
import { Empty, PageHeading, Section } from "~/components/Page";
import { ApiTokenCreateSchema } from "~/forms/api-token";
import { FormErrors, SubmitButton, TextField } from "~/forms/Controls";
import { useSchemaForm } from "~/forms/use-schema-form";
import { useTranslation } from "~/i18n/react";
import type { action, loader } from "~/routes/account.api";

export function ApiTokensPage() {
  const { t } = useTranslation();
  const { tokens, limit } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as (FormReply & { token?: string; name?: string }) | undefined;
  const [form, fields] = useSchemaForm(ApiTokenCreateSchema, { lastResult: reply?.result });
  return (
    <div className="max-w-3xl">
      <PageHeading>{t("apiTokens.title")}</PageHeading>
      <p className="mb-2 text-stone-700">{t("apiTokens.intro")}</p>
      <p className="mb-4 text-sm text-stone-600">{t("apiTokens.limit", { max: limit })}</p>
      {reply?.token ? (
        <SecretShownOnce
          id="new-token"
          label={
            <>
              {t("apiTokens.token")} ({reply.name})
            </>
          }
          value={reply.token}
          note={t("apiTokens.shownOnce")}
        />
      ) : null}
      <Section title={t("apiTokens.create")} id="create">
        <Form method="post" {...getFormProps(form)} className="space-y-4">
          <FormErrors errors={form.errors} id={form.errorId} />
          <TextField
            field={fields.name}
            label={t("apiTokens.name")}
            hint={t("apiTokens.nameHint")}
            maxLength={100}
            autoComplete="off"
          />
          <SubmitButton name="intent" value="create">
            {t("apiTokens.create")}
          </SubmitButton>
        </Form>
      </Section>
      <Section title={t("apiTokens.list")} id="tokens">
        {tokens.length === 0 ? (
          <Empty>{t("apiTokens.none")}</Empty>
        ) : (
          <table className="w-full text-left text-sm">
            <thead>
              <tr className="border-b border-stone-200">
                <th scope="col" className="py-1 pr-3">
                  {t("apiTokens.name")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("apiTokens.created")}
                </th>
                <th scope="col" className="py-1 pr-3">
                  {t("apiTokens.lastUsed")}
                </th>
                <td />
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-b border-stone-100">
                  <th scope="row" className="py-1 pr-3 font-medium wrap-anywhere">
                    {token.name}
                  </th>
                  <td className="py-1 pr-3">
                    <TimeText time={token.createdAt} />
                  </td>
                  <td className="py-1 pr-3">
                    {token.lastUsedAt ? <TimeText time={token.lastUsedAt} /> : t("apiTokens.never")}
                  </td>
                  <td className="py-1">
                    <Form method="post">
                      <input type="hidden" name="tokenId" value={token.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="revoke"
                        className="rounded border border-red-300 bg-white px-2 py-1 wrap-anywhere text-red-800 hover:bg-red-50"
                      >
                        {t("apiTokens.revoke", { name: token.name })}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </div>
  );
}
