import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { RestoreSchema } from "~/forms/schemas.server";
import { actorOf, requireAdmin } from "~/auth.server";
import { readForm } from "~/forms/parse.server";
import { AdminNav } from "~/components/AdminNav";
import { EntryMeta } from "~/components/EntryMeta";
import { labelled } from "~/models/history-labels.server";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { binContents, recordPath, restore } from "~/models/history.server";
import { redirectWithFlash } from "~/flash.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireAdmin(request);
  const { t, lng } = await getTranslator(request);
  const page = binContents(pageFromSearch(new URL(request.url).searchParams));
  return { title: t("admin.bin.title"), page: { ...page, items: labelled(page.items, lng, t) } };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = RestoreSchema;

export async function action({ request }: ActionFunctionArgs) {
  const actor = actorOf(await requireAdmin(request));
  const { t } = await getTranslator(request);
  const parsed = schema.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return { error: t("form.errors.invalid") };
  const { recordType, recordId } = parsed.data;
  const result = restore(recordType, recordId, actor);
  if (!result.ok) {
    return {
      error:
        result.reason === "missingReference"
          ? t("history.missingReference", { what: t(`history.types.${result.missing?.type ?? "record"}`) })
          : t("admin.bin.gone"),
    };
  }
  const to = recordPath(recordType, recordId) ?? "/admin/bin";
  return redirectWithFlash(request, recordType === "relation" ? "/admin/bin" : to, t("admin.bin.restored"));
}

export default function BinPage() {
  const { t } = useTranslation();
  const { page } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  return (
    <>
      <PageHeading>{t("admin.bin.title")}</PageHeading>
      <AdminNav />
      <p className="mb-4 max-w-prose text-sm text-stone-600">{t("admin.bin.hint")}</p>
      {reply?.error ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {reply.error}
        </p>
      ) : null}
      {page.items.length === 0 ? <Empty>{t("admin.bin.empty")}</Empty> : null}
      <ul aria-label={t("admin.bin.title")} className="space-y-3">
        {page.items.map((item) => (
          <li
            key={item.id}
            className="flex flex-wrap items-center justify-between gap-3 rounded border border-stone-200 bg-white p-4"
          >
            <div>
              <p className="font-medium">
                {t(`history.types.${item.recordType}`)}: {item.label}
              </p>
              <EntryMeta at={item.at} userName={item.userName} outside={item.outside} action={item.action} />
              <Link to={`/history/${item.recordType}/${item.recordId}`} className="text-sm text-sky-800 underline">
                {t("history.open")}
              </Link>
            </div>
            <Form method="post">
              <input type="hidden" name="recordType" value={item.recordType} />
              <input type="hidden" name="recordId" value={item.recordId} />
              <button
                type="submit"
                className="rounded bg-sky-800 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-900"
              >
                {t("admin.bin.restore")}
              </button>
            </Form>
          </li>
        ))}
      </ul>
      <Pagination {...page} />
    </>
  );
}
