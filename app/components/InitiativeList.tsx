import { useTranslation } from "~/i18n/react";
import type { INITIATIVE_KINDS, INITIATIVE_STATUSES } from "~db/enums";
import { Badge, PageLink } from "./Page";
import { DateText, type SaidDate } from "./DateText";
import { InitiativeStatusBadge } from "./StatusBadge";

export type InitiativeRow = {
  id: number;
  title: string;
  status: (typeof INITIATIVE_STATUSES)[number];
  kind: (typeof INITIATIVE_KINDS)[number];
  /** Said on the server (initiativeLines): the lists ship no code to word a date. */
  due?: SaidDate;
  partner?: { id: number; name: string } | null;
  owner?: { id: number; name: string } | null;
  overdue?: boolean;
};

export function InitiativeList({ initiatives }: { initiatives: InitiativeRow[] }) {
  const { t } = useTranslation();
  return (
    <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
      {initiatives.map((initiative) => (
        <li key={initiative.id} className="flex items-start justify-between gap-3 p-3">
          <div className="min-w-0">
            <PageLink to={`/initiatives/${initiative.id}`} className="font-medium text-sky-800 underline">
              {initiative.title}
            </PageLink>
            <p className="mt-1 text-xs text-stone-500">
              {t(`initiative.kinds.${initiative.kind}`)}
              {initiative.partner ? ` · ${initiative.partner.name}` : ""}
              {initiative.owner ? ` · ${t("initiative.owner")}: ${initiative.owner.name}` : ""}
              {initiative.due?.machine ? (
                <>
                  {` · ${t("initiative.due")}: `}
                  <DateText date={initiative.due} />
                </>
              ) : null}
            </p>
          </div>
          <span className="flex shrink-0 gap-1">
            {initiative.overdue ? <Badge tone="red">{t("initiative.overdue")}</Badge> : null}
            <InitiativeStatusBadge status={initiative.status} />
          </span>
        </li>
      ))}
    </ul>
  );
}
