import { renderToStaticMarkup } from "react-dom/server";
import type { Language } from "~/i18n/config";
import { translations } from "~/i18n/i18n.server";
import { TranslationProvider } from "~/i18n/react";
import type { RelationLane } from "~/models/relation-chart.server";
import { RelationChart } from "./RelationChart";

/**
 * The chart of many lanes as finished markup, made once and kept with its reads (cachedRead):
 * a page of lanes is some 1,500 SVG elements, and rendering them was most of the chart page's
 * cost. The page shows it as is (app/utils/document-markup.server.ts); it holds no script and no style.
 */
export function relationChartMarkup(lanes: RelationLane[], today: string, title: string, lng: Language): string {
  return renderToStaticMarkup(
    <TranslationProvider lng={lng} strings={translations[lng]}>
      <RelationChart lanes={lanes} today={today} title={title} />
    </TranslationProvider>,
  );
}
