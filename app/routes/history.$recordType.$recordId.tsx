import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { actorOf, requireEditor, requireUser } from "~/auth.server";
import { readForm } from "~/forms/parse.server";
import { describeChanges, TABLE_OF } from "~db/shared/history-diff";
import { RevertSchema } from "~/forms/schemas.server";
import { EntryMeta } from "~/components/EntryMeta";
import { ChangeList } from "~/components/HistoryParts";
import { recordLabel } from "~/models/history-labels.server";
import { PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { isAuditedType, recordHistory, recordPath, referencedNames, revert } from "~/models/history.server";
import { redirectWithFlash } from "~/flash.server";
import { sayStale, unlessStale } from "~/forms/stale.server";
import { versionSentWith } from "~/models/record-versions.server";
import { notFound, requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";
import { useCan } from "~/utils/user";
import { sayInstant } from "~/i18n/said-dates.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

function recordFrom(params: Record<string, string | undefined>) {
  if (!isAuditedType(params.recordType)) throw notFound();
  return { type: params.recordType, id: requireId(params.recordId) };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const { type, id } = recordFrom(params);
  const { page, latestId, exists } = recordHistory(type, id, pageFromSearch(new URL(request.url).searchParams));
  if (page.total === 0) throw notFound();
  toLastPageIfPast(request, page);
  const names = referencedNames(
    page.items.flatMap((entry) => [entry.before, entry.after]),
    lng,
  );
  const newest = page.items[0]?.after ?? page.items[0]?.before ?? null;
  return {
    title: t("history.title"),
    type,
    id,
    // The differences in words are worked out here: the diff (db/shared/history-diff.ts) is 2 KB
    // of JavaScript the page need not ship (issue 17).
    page: {
      ...page,
      // The stored versions stay here: the page shows their differences, and whether a version
      // after the entry exists to go back to.
      items: page.items.map(({ before, after, ...entry }) => ({
        ...entry,
        at: sayInstant(entry.at, lng),
        changes: before && after ? describeChanges(TABLE_OF[type], before, after) : null,
        hasVersion: after !== null,
      })),
    },
    latestId,
    exists,
    names,
    path: exists ? recordPath(type, id, newest) : null,
    label: recordLabel(type, newest?.row, lng, t),
  };
}

/** The form this action parses; exported for scripts/fuzz, which posts its fields here. */
export const schema = RevertSchema;

export async function action({ request, params }: ActionFunctionArgs) {
  const actor = actorOf(await requireEditor(request));
  const { lng, t } = await getTranslator(request);
  const { type, id } = recordFrom(params);
  const form = await readForm(request);
  const parsed = schema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return { error: t("form.errors.invalid") };
  const attempt = unlessStale(() => revert(type, id, parsed.data.entryId, actor, versionSentWith(form)));
  // Refused: the page comes back with the change it did not show as its newest version.
  if (attempt.stale) return { error: `${sayStale(attempt.stale, { actor, lng, t })} ${t("history.notReverted")}` };
  const result = attempt.saved;
  if (!result.ok) {
    return {
      error:
        result.reason === "missingReference"
          ? t("history.missingReference", { what: t(`history.types.${result.missing?.type ?? "record"}`) })
          : t("history.cannotRevert"),
    };
  }
  return redirectWithFlash(request, `/history/${type}/${id}`, t("history.reverted"));
}

export default function RecordHistoryPage() {
  const { t } = useTranslation();
  const { type, page, latestId, exists, names, path, label } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>();
  const canRevert = useCan("editor") && exists;
  return (
    <>
      <PageHeading
        eyebrow={
          <>
            {t(`history.types.${type}`)}:{" "}
            {path ? (
              <Link to={path} className="text-sky-800 underline">
                {label}
              </Link>
            ) : (
              label
            )}
          </>
        }
      >
        {t("history.title")}
      </PageHeading>
      {reply?.error ? (
        <p role="alert" className="mb-4 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          {reply.error}
        </p>
      ) : null}
      {!exists ? <p className="mb-4 text-stone-700">{t("history.deletedNote")}</p> : null}
      <ol aria-label={t("history.versions")} className="space-y-4">
        {page.items.map((entry) => (
          <li key={entry.id} className="rounded border border-stone-200 bg-white p-4">
            <EntryMeta at={entry.at} userName={entry.userName} outside={entry.outside} action={entry.action} />
            <ChangeList changes={entry.changes} names={names} />
            {canRevert && entry.hasVersion && entry.id !== latestId ? (
              <Form method="post" className="mt-2">
                <input type="hidden" name="entryId" value={entry.id} />
                {latestId ? <input type="hidden" name="version" value={latestId} /> : null}
                <button
                  type="submit"
                  className="rounded border border-stone-300 bg-white px-3 py-1 text-sm hover:bg-stone-100"
                >
                  {t("history.revertTo")}
                </button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      <Pagination {...page} />
    </>
  );
}
