import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/components/Page";
import { getTranslator } from "~/i18n/i18next.server";
import { deletePartner, getPartner, partnerReferences } from "~/models/partners.server";
import { redirectWithFlash } from "~/session.server";
import { found, requireId } from "~/utils/http.server";
import { titled } from "~/utils/meta";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.partnerId);
  const partner = found(getPartner(id, lng));
  return { title: t("form.delete.title", { name: partner.name }), partner, references: partnerReferences(id) };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.partnerId);
  found(getPartner(id, lng));
  const result = deletePartner(id);
  if (!result.deleted) return new Response(null, { status: 409 });
  return redirectWithFlash(request, "/partners", t("form.deleted"));
}

export default function DeletePartnerPage() {
  const { t } = useTranslation();
  const { partner, references } = useLoaderData<typeof loader>();
  const blocking = Object.entries(references).filter(([, n]) => n > 0);
  return (
    <>
      <PageHeading>{t("form.delete.title", { name: partner.name })}</PageHeading>
      {blocking.length > 0 || partner.isHome ? (
        <div role="alert" className="max-w-prose rounded border border-amber-300 bg-amber-50 p-4">
          <p>{t("form.delete.referred")}</p>
          <ul className="mt-2 list-disc pl-5">
            {blocking.map(([kind, n]) => (
              <li key={kind}>{t(`form.delete.references.${kind}` as "form.delete.references.meetings", { count: n })}</li>
            ))}
          </ul>
          <Link to={`/partners/${partner.id}`} className="mt-3 inline-block text-sky-800 underline">
            {t("form.cancel")}
          </Link>
        </div>
      ) : (
        <Form method="post" className="max-w-prose space-y-4">
          <p>{t("form.delete.confirm")}</p>
          <div className="flex gap-3">
            <button type="submit" className="rounded bg-red-700 px-4 py-2 font-medium text-white hover:bg-red-800">
              {t("form.delete.submit")}
            </button>
            <Link to={`/partners/${partner.id}`} className="px-4 py-2 text-sky-800 underline">
              {t("form.cancel")}
            </Link>
          </div>
        </Form>
      )}
    </>
  );
}
