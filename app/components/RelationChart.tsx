import { useTranslation } from "~/i18n/react";
import type { RELATION_STATUSES } from "~db/enums";
import { useDateWords } from "~/i18n/dates";
import type { RelationLane } from "~/models/relation-chart.server";
import { yearPosition, yearRange } from "~/utils/chart";
import { formatPartialDate } from "~db/shared/partial-date";

const STATUS_COLOURS: Record<(typeof RELATION_STATUSES)[number], string> = {
  proposed: "#f59e0b",
  signed: "#0ea5e9",
  active: "#059669",
  suspended: "#a8a29e",
  ended: "#dc2626",
};

const WIDTH = 1000;
const LABEL = 190;
const LANE = 34;
const AXIS = 26;
// A lane holds a row of bands per relation: two relations of one partner never overlap.
const ROW = 20;
const laneHeight = (lane: RelationLane) => Math.max(LANE, 14 + lane.relations.length * ROW);

/**
 * Relations over time as a server-rendered SVG: a lane per partner, years across, the status
 * periods as bands and meetings as marks. Each mark is a link; hovering or focusing it shows
 * what it is. Readable without JavaScript and in print.
 */
export function RelationChart({ lanes, today, title }: { lanes: RelationLane[]; today: string; title: string }) {
  const { t } = useTranslation();
  const words = useDateWords();
  const dates = lanes.flatMap((l) => [
    ...l.relations.flatMap((r) => r.bands.map((b) => b.from)),
    ...l.marks.map((m) => m.date.value!),
    ...l.years.map((y) => `${y.year}-01-01`),
    ...l.years.map((y) => `${y.year + y.span - 1}-01-01`),
  ]);
  const { from, to } = yearRange(dates, today);
  // A tenth of a unit is finer than any screen shows; more digits only lengthen the page.
  const x = (iso: string) =>
    Math.round((LABEL + ((yearPosition(iso) - from) / (to - from)) * (WIDTH - LABEL - 12)) * 10) / 10;
  let bottom = AXIS;
  const tops = lanes.map((lane) => {
    const top = bottom;
    bottom += laneHeight(lane);
    return top;
  });
  const height = bottom + 4;
  const step = Math.max(1, Math.ceil((to - from) / 12));
  const years = Array.from({ length: Math.floor((to - from) / step) + 1 }, (_, i) => from + i * step);

  return (
    <figure className="overflow-x-auto">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby="chart-title"
        className="min-w-[640px] font-sans"
      >
        <title id="chart-title">{title}</title>
        {years.map((year) => (
          <g key={year}>
            <line x1={x(`${year}-01-01`)} x2={x(`${year}-01-01`)} y1={AXIS - 6} y2={height} stroke="#e7e5e4" />
            <text x={x(`${year}-01-01`)} y={14} fontSize={12} textAnchor="middle" fill="#57534e">
              {year}
            </text>
          </g>
        ))}
        <line x1={x(today)} x2={x(today)} y1={AXIS - 6} y2={height} stroke="#0c4a6e" strokeDasharray="3 3" />
        {lanes.map((lane, index) => {
          const top = tops[index];
          const laneBottom = top + laneHeight(lane);
          const middle = (top + laneBottom) / 2;
          return (
            <g key={lane.id}>
              <a href={`/partners/${lane.id}`}>
                <text x={4} y={middle + 4} fontSize={13} fill="#0c4a6e" textDecoration="underline">
                  {lane.name.length > 26 ? `${lane.name.slice(0, 25)}…` : lane.name}
                </text>
              </a>
              <line x1={LABEL} x2={WIDTH} y1={laneBottom} y2={laneBottom} stroke="#f5f5f4" />
              {lane.relations.map((relation, row) =>
                relation.bands.length === 0 ? (
                  // A relation none of whose steps has a date cannot be placed: said, not left blank.
                  <text
                    key={relation.id}
                    x={LABEL + 4}
                    y={top + 9 + row * ROW + 12}
                    fontSize={11}
                    fill="#78716c"
                    fontStyle="italic"
                  >
                    {`${t(`relation.types.${relation.type}`)}: ${t("chart.datesUnknown")}`}
                  </text>
                ) : null,
              )}
              {lane.relations
                .flatMap((relation, row) => relation.bands.map((band) => ({ band, row })))
                .map(({ band, row }) => (
                  <rect
                    key={`${band.relationId}-${band.from}`}
                    x={x(band.from)}
                    y={top + 9 + row * ROW}
                    width={Math.max(3, Math.round((x(band.to) - x(band.from)) * 10) / 10)}
                    height={16}
                    rx={3}
                    fill={STATUS_COLOURS[band.status]}
                    fillOpacity={band.approximate ? 0.45 : 0.8}
                    strokeDasharray={band.approximate ? "4 2" : undefined}
                    stroke={band.approximate ? STATUS_COLOURS[band.status] : undefined}
                  >
                    <title>{`${t(`relation.types.${band.type}`)}: ${t(`relation.statuses.${band.status}`)}`}</title>
                  </rect>
                ))}
              {/* The marks' colours and class on their group, which they inherit, not on each
                  of some hundred marks: a fifth of the chart's markup (issue 17). Each mark is
                  named by its title alone, as SVG names a link: an aria-label saying it again
                  was another fifth. */}
              <g fill="#0c4a6e" fillOpacity={0.7} stroke="#0c4a6e" strokeWidth={1} className="chart-marks">
                {lane.years.map((mark) => {
                  const label =
                    mark.span === 1
                      ? t("chart.meetingsInYear", { year: mark.year, count: mark.count })
                      : t("chart.meetingsInYears", {
                          from: mark.year,
                          to: mark.year + mark.span - 1,
                          count: mark.count,
                        });
                  const at = `${mark.year + Math.floor(mark.span / 2)}-${mark.span === 1 ? "07" : "01"}-01`;
                  return (
                    <a
                      key={`years-${mark.year}`}
                      href={`/meetings?partner=${lane.id}${mark.span === 1 ? `&year=${mark.year}` : ""}`}
                    >
                      <title>{label}</title>
                      <circle cx={x(at)} cy={middle} r={Math.round(Math.min(9, 4 + Math.log2(mark.count)) * 10) / 10} />
                    </a>
                  );
                })}
              </g>
              <g stroke="#0c4a6e" strokeWidth={2} className="chart-marks">
                {lane.marks.map((mark) => {
                  const label = `${formatPartialDate(mark.date, words)} — ${t("meeting.titleNoPartner")}${mark.purpose ? `: ${mark.purpose}` : ""}`;
                  return (
                    <a key={mark.id} href={`/meetings/${mark.id}`}>
                      <title>{label}</title>
                      <circle
                        cx={x(mark.date.value!)}
                        cy={middle}
                        r={mark.date.precision === "day" ? 5 : 6}
                        fill={mark.date.precision === "day" ? "#0c4a6e" : "#fff"}
                      />
                    </a>
                  );
                })}
              </g>
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-stone-600">
        {(Object.keys(STATUS_COLOURS) as Array<keyof typeof STATUS_COLOURS>).map((status) => (
          <span key={status} className="inline-flex items-center gap-1">
            {/* An SVG fill, not a style attribute: the Content-Security-Policy allows no inline styles. */}
            <svg width="20" height="12" aria-hidden className="rounded-sm">
              <rect width="20" height="12" rx="2" fill={STATUS_COLOURS[status]} />
            </svg>
            {t(`relation.statuses.${status}`)}
          </span>
        ))}
        <span className="inline-flex items-center gap-1">
          <svg width="12" height="12" aria-hidden>
            <circle cx="6" cy="6" r="4" fill="#0c4a6e" />
          </svg>
          {t("chart.meeting")}
        </span>
        <span className="inline-flex items-center gap-1">
          <svg width="12" height="12" aria-hidden>
            <circle cx="6" cy="6" r="4" fill="#fff" stroke="#0c4a6e" strokeWidth="2" />
          </svg>
          {t("chart.meetingPartialDate")}
        </span>
        <span>{t("chart.approximateHint")}</span>
      </figcaption>
      {lanes.some((l) => l.undated > 0) ? (
        <p className="mt-1 text-xs text-stone-500">
          {t("chart.undated", { count: lanes.reduce((n, l) => n + l.undated, 0) })}
        </p>
      ) : null}
    </figure>
  );
}
