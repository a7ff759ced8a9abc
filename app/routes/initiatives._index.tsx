import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FilterActions, FilterForm } from "~/components/FilterForm";
import { ActionLink } from "~/components/Actions";
import { InitiativeList } from "~/components/InitiativeList";
import { ExportLinks } from "~/components/ExportLinks";
import { Empty, PageHeading, Section } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { initiativeLines, listInitiatives } from "~/models/initiatives/read.server";
import { ownerChoices } from "~/models/initiatives/write.server";
import { initiativeChoices, initiativeListFilter } from "~/models/list-filters.server";
import { titled } from "~/utils/meta";
import { todayInAstana } from "~/utils/today";
import { pageFromSearch } from "~/utils/pagination";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

const GROUP_SIZE = 10;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  const today = todayInAstana();
  const { filter, partnerName, ownerId, ownerName } = initiativeListFilter(search, lng, today);
  const choices = initiativeChoices();
  // One status chosen: that list, paginated. Otherwise the workflow at a glance, by status.
  const byStatus = filter.status
    ? null
    : choices.statuses.map((s) => ({
        status: s,
        list: initiativeLines(
          listInitiatives({ lng, page: 1, pageSize: GROUP_SIZE, filter: { ...filter, status: s }, today }),
          lng,
        ),
      }));
  return {
    title: t("initiative.listTitle"),
    filter: { ...filter, partnerIds: undefined, ownerPersonIds: undefined, partnerName, ownerId, ownerName },
    filtered: Object.values(filter).some(Boolean),
    // Our side's people in a select while they are few; a name to type past that.
    owners: ownerChoices(lng),
    choices,
    byStatus,
    list: filter.status
      ? initiativeLines(listInitiatives({ lng, page: pageFromSearch(search), filter, today }), lng)
      : null,
  };
}

export default function InitiativesPage() {
  const { t } = useTranslation();
  const { filter, filtered, owners, choices, byStatus, list } = useLoaderData<typeof loader>();
  const select = "mt-1 rounded border border-stone-300 bg-white px-2 py-1";
  const [search] = useSearchParams();
  const linkWith = (status: string) => {
    const params = new URLSearchParams(search);
    params.set("status", status);
    params.delete("page");
    return `?${params}`;
  };
  return (
    <>
      <PageHeading actions={<ActionLink to="/initiatives/new">{t("form.initiative.add")}</ActionLink>}>
        {t("initiative.listTitle")}
      </PageHeading>
      <ExportLinks list="initiatives" />
      <FilterForm className="mb-6 flex flex-wrap items-end gap-3 print:hidden">
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("initiative.status")}</span>
          <select name="status" defaultValue={filter.status ?? ""} className={select}>
            <option value="">{t("initiative.allStatuses")}</option>
            {choices.statuses.map((s) => (
              <option key={s} value={s}>
                {t(`initiative.statuses.${s}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("initiative.partner")}</span>
          <input type="search" name="partnerName" defaultValue={filter.partnerName} className={select} />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("initiative.owner")}</span>
          {owners ? (
            <select name="owner" defaultValue={filter.ownerId ?? ""} className={select}>
              <option value="">{t("initiative.allOwners")}</option>
              {owners.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : (
            <input type="search" name="ownerName" defaultValue={filter.ownerName} className={select} />
          )}
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("initiative.kind")}</span>
          <select name="kind" defaultValue={filter.kind ?? ""} className={select}>
            <option value="">{t("initiative.allKinds")}</option>
            {choices.kinds.map((k) => (
              <option key={k} value={k}>
                {t(`initiative.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-flex items-center gap-2 pb-1.5 text-sm">
          <input
            type="checkbox"
            name="overdue"
            value="1"
            defaultChecked={Boolean(filter.overdueOn)}
            className="h-4 w-4"
          />
          {t("initiative.onlyOverdue")}
        </label>
        <FilterActions resetTo="/initiatives" filtered={Boolean(filtered)} />
      </FilterForm>
      {list ? (
        <>
          {list.total === 0 ? <Empty>{t("initiative.empty")}</Empty> : <InitiativeList initiatives={list.items} />}
          <Pagination {...list} />
        </>
      ) : byStatus?.every(({ list: group }) => group.total === 0) ? (
        <Empty>{t("initiative.empty")}</Empty>
      ) : (
        // Only the statuses that have initiatives: the workflow at a glance, not six empty boxes.
        byStatus
          ?.filter(({ list: group }) => group.total > 0)
          .map(({ status, list: group }) => (
            <Section
              key={status}
              title={`${t(`initiative.statuses.${status}`)} (${t("common.number", { value: group.total })})`}
              id={`status-${status}`}
            >
              <>
                <InitiativeList initiatives={group.items} />
                {group.total > group.items.length ? (
                  <Link to={linkWith(status)} className="mt-2 inline-block text-sm text-sky-800 underline">
                    {t("initiative.showAll", { count: group.total })}
                  </Link>
                ) : null}
              </>
            </Section>
          ))
      )}
    </>
  );
}
