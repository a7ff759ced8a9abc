import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ActionLink } from "~/components/Actions";
import { Empty, PageHeading } from "~/components/Page";
import { Pagination } from "~/components/Pagination";
import { getTranslator } from "~/i18n/i18next.server";
import { listPeople } from "~/models/people.server";
import { titled } from "~/utils/meta";
import { pageFromSearch } from "~/utils/pagination";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request }: LoaderFunctionArgs) {
  const { lng, t } = await getTranslator(request);
  const page = pageFromSearch(new URL(request.url).searchParams);
  return { title: t("person.listTitle"), people: listPeople({ lng, page }) };
}

export default function PeoplePage() {
  const { t } = useTranslation();
  const { people } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading actions={<ActionLink to="/people/new">{t("form.person.add")}</ActionLink>}>{t("person.listTitle")}</PageHeading>
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
                  {person.post.title} · {person.post.organisation.name}
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
