import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "~/i18n/react";
import { Empty, PageHeading, Section } from "~/components/Page";
import { PartialDateText, PostDates } from "~/components/PartialDateText";
import { InitiativeStatusBadge, RelationStatusBadge } from "~/components/StatusBadge";
import { getTranslator } from "~/i18n/i18n.server";
import { partnerBriefing } from "~/models/briefing.server";
import { requireId } from "~/utils/http.server";
import { foundOrGone } from "~/utils/gone.server";
import { titled } from "~/utils/meta";
import { todayInAstana } from "~/utils/today";
import { requireUser } from "~/auth.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => titled(data);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { lng, t } = await getTranslator(request);
  const id = requireId(params.partnerId);
  const briefing = foundOrGone(partnerBriefing(id, lng, todayInAstana()), { type: "partner", id }, { user, lng, t });
  return { title: t("briefing.title", { partner: briefing.partner.name }), briefing };
}

/** One printable A4 page (or a few) to read before the next visit. */
export default function BriefingPage() {
  const { t } = useTranslation();
  const { title, briefing } = useLoaderData<typeof loader>();
  const { partner, meetings, people, initiatives, timeline } = briefing;
  return (
    <article className="mx-auto max-w-[180mm] print:max-w-none">
      <PageHeading
        eyebrow={`${t(`partner.kinds.${partner.kind}`)} · ${partner.country}`}
        actions={
          <button
            type="button"
            onClick={() => window.print()}
            className="rounded border border-stone-300 bg-white px-3 py-1.5 text-sm print:hidden"
          >
            {t("briefing.print")}
          </button>
        }
      >
        {title}
      </PageHeading>

      <Section title={t("partner.relations")} id="relations">
        {partner.relations.length === 0 ? (
          <Empty>{t("partner.noRelation")}</Empty>
        ) : (
          <ul className="space-y-1">
            {partner.relations.map((relation) => (
              <li key={relation.id} className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{t(`relation.types.${relation.type}`)}</span>
                {relation.status ? <RelationStatusBadge status={relation.status} /> : null}
                {relation.statusDate ? (
                  <span className="text-sm text-stone-600">
                    <PartialDateText date={relation.statusDate} />
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t("briefing.timeline")} id="timeline">
        {timeline.length === 0 ? (
          <Empty>{t("timeline.empty")}</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {timeline.map((row) => (
              <li key={row.year ?? "unknown"}>
                <span className="font-semibold">{row.year ?? t("timeline.unknownDates")}</span>
                {": "}
                {row.counts
                  .map((c) => `${t(`timeline.kinds.${c.kind}`)} ${t("common.number", { value: c.count })}`)
                  .join(", ")}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t("briefing.lastMeetings")} id="last-meetings">
        {meetings.length === 0 ? (
          <Empty>{t("partner.noMeetings")}</Empty>
        ) : (
          <ol className="space-y-3">
            {meetings.map((m) => (
              <li key={m.id} className="break-inside-avoid">
                <p className="font-medium">
                  <PartialDateText date={m.date} />
                  {" · "}
                  <Link to={`/meetings/${m.id}`} className="text-sky-800 underline print:no-underline">
                    {t("meeting.titleNoPartner")}
                  </Link>
                </p>
                {m.purpose ? <p className="text-sm text-stone-700">{m.purpose}</p> : null}
                {m.summary ? (
                  <p lang={m.language} className="mt-1 text-sm whitespace-pre-line">
                    {m.summary}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </Section>

      <Section title={t("briefing.people")} id="people">
        {people.length === 0 ? (
          <Empty>{t("partner.noPeople")}</Empty>
        ) : (
          <ul className="space-y-1 text-sm">
            {people.map((p) => (
              <li key={p.id}>
                <span className="font-medium">{p.name}</span>
                {p.post ? (
                  <span className="text-stone-700">
                    {" — "}
                    {p.post.title}, {p.post.organisation.name} (
                    <PostDates start={p.post.start} end={p.post.end} asOf={p.post.asOf} />)
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={t("briefing.openInitiatives")} id="initiatives">
        {initiatives.length === 0 ? (
          <Empty>{t("overview.noInitiatives")}</Empty>
        ) : (
          // On a phone each initiative is a block of lines: four columns do not fit in 390 px.
          <table className="w-full border-collapse text-left text-sm max-sm:block">
            <thead className="max-sm:sr-only">
              <tr className="border-b border-stone-300 text-stone-600">
                <th scope="col" className="py-1 pr-2">
                  {t("initiative.title")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("initiative.status")}
                </th>
                <th scope="col" className="py-1 pr-2">
                  {t("initiative.owner")}
                </th>
                <th scope="col" className="py-1">
                  {t("initiative.due")}
                </th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {initiatives.map((i) => (
                <tr key={i.id} className="border-b border-stone-200 align-top max-sm:block max-sm:py-2">
                  <td className="py-1 pr-2 max-sm:block max-sm:py-0">
                    {i.title}
                    {i.overdue ? <strong className="ml-1 text-red-700">· {t("initiative.overdue")}</strong> : null}
                  </td>
                  <td className="py-1 pr-2 max-sm:block max-sm:py-0">
                    <InitiativeStatusBadge status={i.status} />
                  </td>
                  <td className="py-1 pr-2 max-sm:block max-sm:py-0">{i.owner?.name ?? t("initiative.noOwner")}</td>
                  <td className="py-1 max-sm:block max-sm:py-0">
                    <PartialDateText date={i.due} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>
    </article>
  );
}
