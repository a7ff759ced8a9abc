import { expect, test } from "vitest";
import { relationLanes } from "~/models/relation-chart.server";
import { aMeeting, aPartner, aRelation, aRelationStep } from "./support/factories";

const partner = (nameEn: string) => aPartner({ nameEn });
const meet = (partnerId: number, date: string, purpose = "Talks") => aMeeting({ purpose, partnerId, date });

test("lanes: the most recently met first; a few meetings as marks, many as a mark a year", () => {
  const quiet = partner("Quiet City");
  const busy = partner("Busy City");
  const recent = partner("Recent City");
  const long = `Talks on ${"cooperation in trade, culture and education, ".repeat(5)}`;
  meet(quiet, "1999-05-01", long);
  for (let i = 0; i < 70; i++) meet(busy, `${2000 + (i % 10)}-0${1 + (i % 9)}-01`);
  meet(recent, "2020-01-01");

  const lanes = relationLanes("en", "2026-11-25", {}).items;
  expect(lanes.map((l) => l.name)).toEqual(["Recent City", "Busy City", "Quiet City"]);
  const [, busyLane, quietLane] = lanes;
  // 70 meetings in 10 years: ten year marks with their counts, no single marks.
  expect(busyLane.marks).toEqual([]);
  expect(busyLane.years.map((y) => [y.year, y.count])).toEqual(Array.from({ length: 10 }, (_, i) => [2000 + i, 7]));
  // A mark's label keeps the purpose's beginning only.
  expect(quietLane.marks).toHaveLength(1);
  expect(quietLane.marks[0].purpose).toHaveLength(80);
  expect(quietLane.marks[0].purpose).toBe(`${long.slice(0, 79)}…`);
});

test("the chart page shows the lanes as finished markup, made once until a record changes", async () => {
  const { cookieFor } = await import("./support/accounts");
  const { loader } = await import("~/routes/partners.chart");
  const cookie = await cookieFor("viewer");
  const read = async () => {
    const request = new Request("http://localhost/partners/chart", {
      headers: { Cookie: cookie, "Accept-Language": "kk" },
    });
    return await loader({ request, params: {}, context: {} });
  };
  const first = await read();
  // The filter first, then the chart: drawn together, with the pages' links.
  expect(first.chart).toMatch(/^<form method="get" action="\/partners\/chart"[^>]*>[\s\S]*<\/form>[\s\S]*<figure/);
  expect(first.chart).toContain('<nav aria-label="');
  expect(first.chart).toContain('role="img"');
  expect(first.chart).toContain('href="/partners/');
  // The page's Content-Security-Policy allows no inline style.
  expect(first.chart).not.toContain("style=");
  // The table for screen readers is drawn with it: a partner a row, the most recently met first.
  const rows = (chart: string | null) => [...(chart ?? "").matchAll(/<tr><td>([^<]*)<\/td>/g)].map((row) => row[1]);
  expect(rows(first.chart)).toEqual(["Recent City", "Busy City", "Quiet City"]);
  expect(first.chart).toContain('<div class="sr-only"><table><caption>');
  expect((await read()).chart).toBe(first.chart);
  meet(partner("Newest City"), "2026-01-01");
  const after = await read();
  expect(rows(after.chart)[0]).toBe("Newest City");
  expect(after.chart).toContain("Newest City");
});

test("the chart's filter is drawn for the filter asked for, and its pages' links keep it", async () => {
  const { cookieFor } = await import("./support/accounts");
  const { loader } = await import("~/routes/partners.chart");
  const cookie = await cookieFor("viewer");
  for (let i = 0; i < 30; i++)
    aRelation(partner(`Friendly ${i}`), { type: "friendly", status: "active", date: "2001" });
  const request = new Request("http://localhost/partners/chart?type=friendly&page=2&country=ZZ", {
    headers: { Cookie: cookie, "Accept-Language": "en" },
  });
  const { chart } = await loader({ request, params: {}, context: {} });
  // An unknown country is no filter: it is neither selected nor kept in the pages' links.
  expect(chart).toContain('<option value="friendly" selected="">Friendly relations</option>');
  expect(chart).toContain('<option value="" selected="">All countries</option>');
  expect(chart).toMatch(/<a href="\/partners\/chart\?type=friendly"[^>]* rel="prev">Previous<\/a>/);
  expect(chart).toMatch(/Page 2 of \d+/);
  // Filtered, the way back to the whole chart is there; unfiltered, it is not.
  const reset = `<a href="/partners/chart" class="text-sm text-sky-800 underline">Clear filters</a>`;
  expect(chart).toContain(reset);
  const whole = await loader({
    request: new Request("http://localhost/partners/chart", { headers: { Cookie: cookie, "Accept-Language": "en" } }),
    params: {},
    context: {},
  });
  expect(whole.chart).not.toContain(reset);
});

test("each relation of a partner has its own row; one with no dated step says its dates are unknown; colours follow the current status (issue 13 item 15)", async () => {
  const { relationChartMarkup } = await import("~/components/RelationChart.server");
  const twin = partner("Twin City");
  aRelation(twin, { type: "sister_city", status: "signed", date: "2010" });
  const memo = aRelation(twin, { type: "memorandum", status: "signed", date: "2012" });
  // The memorandum ended, but when is not known: its band must not stay "signed".
  aRelationStep(memo, { status: "ended", date: null });
  aRelation(twin, { type: "friendly", status: "active", date: null });

  const [lane] = relationLanes("en", "2026-11-25", { partnerIds: [twin] }).items;
  expect(lane.relations.map((r) => [r.type, r.bands.map((b) => b.status)])).toEqual([
    ["sister_city", ["signed"]],
    ["memorandum", ["ended"]],
    ["friendly", []],
  ]);
  const markup = relationChartMarkup([lane], "2026-11-25", "Twin City", "en");
  // Three rows of 20 px: the bands sit at different heights, never on one another.
  const bandTops = [...markup.matchAll(/<rect x="[\d.]+" y="([\d.]+)" width="[\d.]+" height="16"/g)].map((m) => m[1]);
  expect(new Set(bandTops).size).toBe(2);
  expect(markup).toContain("Friendly relations: dates unknown");
});

test("a lane's marks take their colours from their group, once, and keep short radii", async () => {
  const { relationChartMarkup } = await import("~/components/RelationChart.server");
  const many = partner("Many Years City");
  for (let i = 0; i < 70; i++) meet(many, `${1990 + (i % 10)}-0${1 + (i % 9)}-01`);
  const [lane] = relationLanes("en", "2026-11-25", { partnerIds: [many] }).items;
  expect(lane.years.length).toBe(10);
  const markup = relationChartMarkup([lane], "2026-11-25", "Many Years City", "en");
  const circles = [...markup.matchAll(/<circle [^>]*>/g)].map((m) => m[0]);
  const marks = circles.filter((c) => !c.includes('cx="6"')); // the legend's own circles
  expect(marks).toHaveLength(lane.years.length);
  for (const circle of marks) {
    expect(circle).not.toContain("fill-opacity");
    expect(circle).not.toContain("stroke");
    expect(circle).toMatch(/ r="\d+(\.\d)?"/);
  }
  expect(markup.match(/fill-opacity="0.7"/g)).toHaveLength(1);
});

test("a mark is a link named once, by its title: no aria-label or class repeated on each of them", async () => {
  const { relationChartMarkup } = await import("~/components/RelationChart.server");
  const few = partner("Few Meetings City");
  meet(few, "2019-03-14", "Talks on the light rail");
  meet(few, "2021-06", "Trade week");
  const many = partner("Many Meetings City");
  for (let i = 0; i < 70; i++) meet(many, `${1990 + (i % 10)}-0${1 + (i % 9)}-01`);
  const lanes = relationLanes("ru", "2026-11-25", { partnerIds: [few, many] }).items;
  const markup = relationChartMarkup(lanes, "2026-11-25", "Все отношения", "ru");
  const links = [...markup.matchAll(/<a href="\/meetings[^"]*">(.*?)<\/a>/g)];
  expect(links).toHaveLength(2 + 10);
  for (const [link, inner] of links) {
    expect(link).not.toMatch(/<a [^>]*(aria-label|class)=/);
    expect(inner).toMatch(/^<title>[^<]+<\/title><circle [^>]*><\/circle>$/);
  }
  const titles = links.map(([, inner]) => /<title>([^<]+)<\/title>/.exec(inner)![1]);
  expect(titles).toContain("14 марта 2019 г. — Встреча: Talks on the light rail");
  expect(titles).toContain("Встречи в 1990 году: 7");
  // Hovered or focused, a mark is still outlined: its group carries the class the style names.
  expect(markup.match(/class="chart-marks"/g)).toHaveLength(2 * lanes.length);
});
