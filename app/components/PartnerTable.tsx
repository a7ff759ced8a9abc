import { useTranslation } from "~/i18n/react";
import type { PartnerLines } from "~/models/pages.server";
import type { PartnerSort } from "~/models/partners/read.server";
import { PageLink } from "./Page";
import { RelationStatusBadge } from "./StatusBadge";

/**
 * A page of the partners list as a table, sorted by `sort`. Drawn on the server with its reads
 * (app/routes/partners._index.tsx): nothing in it depends on who asks, and its sort links are
 * the list's own address, not the one asked for.
 */
export function PartnerTable({ partners, sort }: { partners: PartnerLines["items"]; sort: PartnerSort }) {
  const { t } = useTranslation();
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b border-stone-300 text-sm text-stone-600">
            <SortHeader by="name" sort={sort} to="/partners" />
            <th scope="col" className="py-2 pr-4">
              {t("partner.kind")}
            </th>
            <SortHeader by="country" sort={sort} to="/partners?sort=country" />
            <th scope="col" className="py-2">
              {t("partner.relation")}
            </th>
          </tr>
        </thead>
        <tbody>
          {partners.map((partner) => (
            <tr key={partner.id} className="border-b border-stone-200 align-top">
              <td className="py-2 pr-4">
                <PageLink to={`/partners/${partner.id}`} className="font-medium text-sky-800 underline">
                  {partner.name}
                </PageLink>
              </td>
              <td className="py-2 pr-4">{t(`partner.kinds.${partner.kind}`)}</td>
              <td className="py-2 pr-4">{partner.country}</td>
              <td className="py-2">
                {partner.relations.length === 0 ? (
                  <span className="text-stone-500">{t("partner.noRelation")}</span>
                ) : (
                  <ul className="space-y-1">
                    {partner.relations.map((relation) => (
                      <li key={relation.id} className="flex flex-wrap items-center gap-2">
                        <span>{t(`relation.types.${relation.type}`)}</span>
                        {relation.status ? <RelationStatusBadge status={relation.status} /> : null}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** A column the list sorts by: a link to the list so sorted, marked when it is. */
function SortHeader({ by, sort, to }: { by: PartnerSort; sort: PartnerSort; to: string }) {
  const { t } = useTranslation();
  return (
    <th scope="col" className="py-2 pr-4" aria-sort={sort === by ? "ascending" : undefined}>
      <PageLink to={to} className="underline decoration-dotted">
        {t(`partner.sort.${by}`)}
      </PageLink>
    </th>
  );
}
