import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth.server";
import { Documents } from "~/components/Documents";
import { PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getEnv } from "~/env.server";
import { DOCUMENT_PARENTS, type DocumentParent } from "~/forms/document";
import { getTranslator } from "~/i18n/i18n.server";
import { useTranslation } from "~/i18n/react";
import { documentParentExists, pageOfDocuments, parentPathOf } from "~/models/documents.server";
import { notFound, requireId } from "~/utils/http.server";
import { foundOrGone, stepFoundOrGone } from "~/utils/gone.server";
import { stepOf } from "~/models/relations/read.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

/**
 * All of a record's documents, a page at a time, newest first: the record's own page shows the
 * newest few and links here when it has more (issue 16.1). For any signed-in account.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const parent = params.parent as DocumentParent;
  if (!(DOCUMENT_PARENTS as readonly string[]).includes(parent)) throw notFound();
  const parentId = requireId(params.parentId);
  const { t, lng } = await getTranslator(request);
  // A record or a relation's step deleted since says so (410), who deleted it and when.
  const exists = documentParentExists(parent, parentId) || null;
  if (parent === "relationStep") stepFoundOrGone(exists, stepOf(undefined, parentId), { user, lng, t });
  else foundOrGone(exists, { type: parent, id: parentId }, { user, lng, t });
  const documents = pageOfDocuments(parent, parentId, pageFromSearch(new URL(request.url).searchParams), lng);
  toLastPageIfPast(request, documents);
  return {
    title: t("documents.allTitle"),
    parent,
    parentId,
    back: parentPathOf(parent, parentId),
    documents,
    maxMb: getEnv().UPLOAD_MAX_MB,
  };
}

export default function RecordDocuments() {
  const { t } = useTranslation();
  const { title, parent, parentId, back, documents, maxMb } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading
        actions={
          back ? (
            <Link to={back} className="text-sm text-sky-800 underline">
              {t("documents.backToRecord")}
            </Link>
          ) : null
        }
      >
        {title}
      </PageHeading>
      <Documents
        parent={parent}
        parentId={parentId}
        documents={documents}
        maxMb={maxMb}
        footer={<Pagination {...documents} />}
      />
    </>
  );
}
