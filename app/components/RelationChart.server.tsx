import type { Language } from "~/i18n/config";
import type { RelationLane } from "~/models/relation-chart.server";
import { drawMarkup } from "./DrawnMarkup.server";
import { RelationChart } from "./RelationChart";

/**
 * The chart of many lanes as finished markup, made once and kept with its reads (cachedRead):
 * a page of lanes is some 1,500 SVG elements, and rendering them was most of the chart page's
 * cost. The page shows it as is (./DrawnMarkup.tsx); it holds no script and no style.
 */
export function relationChartMarkup(lanes: RelationLane[], today: string, title: string, lng: Language): string {
  return drawMarkup(lng, <RelationChart lanes={lanes} today={today} title={title} />);
}
