import { useTranslation } from "~/i18n/react";
import type { RelationLane } from "~/models/relation-chart.server";

/**
 * The chart's lanes as a table for screen readers, beside the drawn chart and drawn with it
 * (app/routes/partners.chart.tsx). The sr-only box wraps the table: a table ignores the 1 px
 * width and the clipping, and at its full width it widened the page on a phone.
 */
export function LaneTable({ lanes, title }: { lanes: RelationLane[]; title: string }) {
  const { t } = useTranslation();
  return (
    <div className="sr-only">
      <table>
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col">{t("partner.name")}</th>
            <th scope="col">{t("partner.relation")}</th>
            <th scope="col">{t("chart.lastMeeting")}</th>
          </tr>
        </thead>
        <tbody>
          {lanes.map((lane) => (
            <tr key={lane.id}>
              <td>{lane.name}</td>
              <td>{lane.types.map((type) => t(`relation.types.${type}`)).join(", ")}</td>
              <td>{lane.lastContact?.slice(0, 4) ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
