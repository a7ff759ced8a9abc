import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { FilterActions, FilterForm } from "~/components/FilterForm";
import { ActionLink } from "~/components/Actions";
import { ExportLinks } from "~/components/ExportLinks";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18n.server";
import { listPeople, personLines } from "~/models/people/read.server";
import { peopleListFilter } from "~/models/list-filters.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";
import { toLastPageIfPast } from "~/utils/pagination.server";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const search = new URL(request.url).searchParams;
  const { organisation, organisationIds } = peopleListFilter(search);
  const people = personLines(listPeople({ lng, page: pageFromSearch(search), organisationIds }), lng);
  toLastPageIfPast(request, people);
  return { title: t("person.listTitle"), organisation, people };
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const { people, organisation } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading actions={<ActionLink to="/people/new">{t("form.person.add")}</ActionLink>}>
        {t("person.listTitle")}
      </PageHeading>
      <ExportLinks list="people" />
      <FilterForm className="mb-4 flex flex-wrap items-end gap-3 print:hidden">
        <label className="flex flex-col text-sm">
          <span className="font-medium text-stone-700">{t("person.organisation")}</span>
          <input
            type="search"
            name="organisation"
            defaultValue={organisation}
            className="mt-1 w-72 rounded border border-stone-300 bg-white px-2 py-1"
          />
        </label>
        <FilterActions resetTo="/people" filtered={Boolean(organisation)} />
      </FilterForm>
      {people.total === 0 ? (
        <Empty>{t("person.empty")}</Empty>
      ) : (
        <ul className="divide-y divide-stone-200 rounded border border-stone-200 bg-white">
          {people.items.map((person) => (
            <li key={person.id} className="p-3">
              <Link to={`/people/${person.id}`} className="font-medium text-sky-800 underline">
                {person.name}
              </Link>
              {person.post ? (
                <p className="text-sm text-stone-600">
                  {person.post.title} · {person.post.organisation}
                  {person.post.asOf ? ` · ${person.post.asOf}` : null}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination {...people} />
    </>
  );
}
