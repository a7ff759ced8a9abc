/**
 * The chart rendered on the server (RelationChart.server.tsx), shown as it came: the chart's own
 * code (RelationChart.tsx, its scales and words) stays off the page (issue 17).
 */
export function RelationChartMarkup({ markup }: { markup: string }) {
  return <div dangerouslySetInnerHTML={{ __html: markup }} />;
}
