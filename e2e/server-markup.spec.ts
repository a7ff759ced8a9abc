import { expect, test } from "@playwright/test";
import { stateFile } from "./support";

/**
 * The relation charts are drawn on the server and sent once, in the document: not a second time
 * as the route's data (app/utils/document-markup.server.ts, issue 17). The browser keeps the drawn
 * chart through hydration, and a navigation in the browser brings the next chart with the data.
 */
test.use({ locale: "en-GB" });

test("the chart page is sent with its chart once, keeps it after hydration, and draws the next one in place", async ({
  page,
}) => {
  const html = await (await page.request.get("/partners/chart")).text();
  // The SVG's title and the reference to it, in the markup: not again (escaped) in the script
  // that carries the route's data.
  expect(html.split("chart-title").length - 1).toBe(2);

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/partners/chart", { waitUntil: "networkidle" });
  const chart = page.getByRole("img", { name: "All relations over time" });
  await expect(chart).toBeVisible();
  await expect(chart).toContainText("Beijing");
  await expect(chart).toContainText("Heilongjiang Province");

  // A filter applied after hydration: the next chart comes with the route's data, in the same
  // document (the filter is drawn with the chart, and followed in the page).
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  await page.getByLabel("Kind of relation").selectOption({ label: "Friendly relations" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/type=friendly/);
  await expect(chart).toContainText("Heilongjiang Province");
  await expect(chart).not.toContainText("Beijing");
  await expect(page.getByLabel("Kind of relation")).toHaveValue("friendly");
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  await page.goBack();
  await expect(chart).toContainText("Beijing");
  expect(errors).toEqual([]);
});

test("a partner page keeps its relation's chart after hydration and after a navigation back to it", async ({
  page,
}) => {
  await page.goto("/partners", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Beijing", exact: true }).click();
  const chart = page.getByRole("img", { name: "Beijing over time" });
  await expect(chart).toBeVisible();
  const url = page.url();

  await page.goto(url, { waitUntil: "networkidle" });
  await expect(chart).toBeVisible();
  await page.getByRole("link", { name: "Partners", exact: true }).first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Partners" })).toBeVisible();
  await page.goBack();
  await expect(chart).toBeVisible();
});

test("the overview's and a partner page's lists are drawn on the server, sent once, and their links stay in the page", async ({
  page,
}) => {
  // Sent once: in the document, not a second time (escaped) in the script with the route's data.
  const overview = await (await page.request.get("/")).text();
  expect(overview.split('id="recent-meetings"').length - 1).toBe(1);
  expect(overview).not.toContain('\\"recent-meetings\\"');

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/", { waitUntil: "networkidle" });
  // Set on this document: still there after a link is followed in the page, gone after a reload.
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const sameDocument = () => page.evaluate(() => "sameDocument" in window);

  const partners = page.getByRole("region", { name: "Partners" });
  await partners.getByRole("link", { name: "Heilongjiang Province", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Heilongjiang Province" })).toBeVisible();
  expect(await sameDocument()).toBe(true);

  // The partner page's lists came with the route's data for this navigation: the timeline and the
  // meetings are there, and a meeting on the timeline opens in the page too.
  const timeline = page.getByRole("region", { name: "Timeline" });
  const meetings = page.getByRole("region", { name: "Meetings with this partner" });
  await expect(meetings.getByRole("link").first()).toBeVisible();
  await timeline.getByRole("link", { name: "Meeting", exact: true }).first().click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Heilongjiang Province");
  expect(await sameDocument()).toBe(true);

  // Back, then a reload: the lists come in the document and stay through hydration.
  await page.goBack();
  await expect(timeline.getByRole("link", { name: "Meeting", exact: true }).first()).toBeVisible();
  await page.reload({ waitUntil: "networkidle" });
  expect(await sameDocument()).toBe(false);
  await expect(timeline.getByRole("link", { name: "Meeting", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("region", { name: "People met" }).getByRole("link").first()).toBeVisible();
  expect(errors).toEqual([]);
});

test("the meetings list's page of meetings is drawn on the server, and a filter or a meeting opens in the page", async ({
  page,
}) => {
  await page.goto("/meetings", { waitUntil: "networkidle" });
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Meeting with Heilongjiang Province" }).first()).toBeVisible();

  // A filter that finds nothing: the drawn filter applies in the page, and the list says so.
  await page.getByRole("searchbox", { name: "Partner", exact: true }).fill("No such partner anywhere");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(main.getByText("No meetings match.")).toBeVisible();
  await expect(page).toHaveURL(/[?&]partnerName=No\+such\+partner\+anywhere/);
  await expect(page.getByRole("searchbox", { name: "Partner", exact: true })).toHaveValue("No such partner anywhere");
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  await page.goBack();
  await expect(page.getByRole("searchbox", { name: "Partner", exact: true })).toHaveValue("");

  await main.getByRole("link", { name: "Meeting with Heilongjiang Province" }).first().click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Heilongjiang Province");
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);

  // The meeting's record is drawn too (components/MeetingRecordParts.tsx): its people are there,
  // and its partner's link opens in the page.
  await expect(page.getByRole("region", { name: "Participants" }).getByRole("link").first()).toBeVisible();
  await page.getByRole("region", { name: "Details" }).getByRole("link", { name: "Heilongjiang Province" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Heilongjiang Province" })).toBeVisible();
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
});

test("a search's results are drawn on the server, sent once, and a new search or a result opens in the page", async ({
  page,
}) => {
  // Sent once: the results' sections in the document, and not the results again as the route's
  // data in its script (turbo-stream writes each key once, escaped: "passage" is a result's).
  const document = await (await page.request.get("/search?q=EXPO")).text();
  expect(document.split('id="results-meetings"').length - 1).toBe(1);
  expect(document).not.toContain('\\"passage\\"');

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/search?q=EXPO", { waitUntil: "networkidle" });
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const main = page.getByRole("main");
  const meetings = main.getByRole("region", { name: "Meetings" });
  await expect(meetings.getByRole("link", { name: "Meeting with Heilongjiang Province" }).first()).toBeVisible();

  // Another search from the page's form: its results come with the route's data; then nothing found.
  await main.getByRole("searchbox").fill("Heilongjiang Province");
  await main.getByRole("button", { name: "Search" }).click();
  await expect(
    main.getByRole("region", { name: "Partners" }).getByRole("link", { name: /Heilongjiang/ }),
  ).toBeVisible();
  await main.getByRole("searchbox").fill("zzqqxxjj");
  await main.getByRole("button", { name: "Search" }).click();
  await expect(main.getByText("Nothing found for")).toBeVisible();
  // Back through both searches to the first, whose results are shown again.
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/q=EXPO$/);

  await meetings.getByRole("link", { name: "Meeting with Heilongjiang Province" }).first().click();
  await expect(page).toHaveURL(/\/meetings\/\d+$/);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Heilongjiang Province");
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  expect(errors).toEqual([]);
});

test("the partners list is drawn on the server, sent once, and its sorting and partners open in the page", async ({
  page,
}) => {
  // Sent once: in the document, not a second time (escaped) in the script with the route's data.
  const document = await (await page.request.get("/partners", { headers: { "Accept-Language": "en" } })).text();
  expect(document.split("Heilongjiang Province").length - 1).toBe(1);

  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/partners", { waitUntil: "networkidle" });
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));
  const table = page.getByRole("main").getByRole("table");
  await expect(table.getByRole("columnheader", { name: "Name" })).toHaveAttribute("aria-sort", "ascending");

  // Sorted by country, in the page: the drawn table comes with the route's data.
  await table.getByRole("link", { name: "Country" }).click();
  await expect(page).toHaveURL(/\/partners\?sort=country$/);
  await expect(table.getByRole("columnheader", { name: "Country" })).toHaveAttribute("aria-sort", "ascending");
  const countries = await table.getByRole("row").locator("td:nth-child(3)").allTextContents();
  expect(countries).toEqual([...countries].sort((a, b) => a.localeCompare(b, "en")));

  await table.getByRole("link", { name: "Heilongjiang Province", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Heilongjiang Province" })).toBeVisible();
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  expect(errors).toEqual([]);
});

test("a partner's timeline is drawn with its filter, which applies in the page where it stands, and without JavaScript too", async ({
  page,
  browser,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto("/partners", { waitUntil: "networkidle" });
  await page.getByRole("link", { name: "Heilongjiang Province", exact: true }).click();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline.getByRole("link", { name: "Heilongjiang Province days in Astana" })).toBeVisible();
  await page.evaluate(() => Object.assign(window, { sameDocument: true }));

  const filter = timeline.getByRole("form", { name: "Timeline filter" });
  await filter.scrollIntoViewIfNeeded();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBeGreaterThan(0);
  await filter.getByLabel("Initiative").uncheck();
  await filter.getByLabel("Order").selectOption({ label: "Oldest first" });
  await filter.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/\?kind=relation&kind=delegation&kind=meeting&order=oldest$/);
  await expect(timeline.getByRole("link", { name: "Heilongjiang Province days in Astana" })).toHaveCount(0);
  await expect(timeline.getByRole("link", { name: "Meeting", exact: true }).first()).toBeVisible();
  // Applied in the page (no new document), where the reader was, and the form shows what it asked.
  expect(await page.evaluate(() => "sameDocument" in window)).toBe(true);
  expect(Math.abs((await page.evaluate(() => window.scrollY)) - scrolled)).toBeLessThan(50);
  await expect(filter.getByLabel("Initiative")).not.toBeChecked();
  await expect(filter.getByLabel("Order")).toHaveValue("oldest");
  expect(errors).toEqual([]);

  // Without JavaScript the same form asks for the page again, with the same answer.
  const context = await browser.newContext({
    javaScriptEnabled: false,
    locale: "en-GB",
    storageState: stateFile("admin"),
  });
  const plain = await context.newPage();
  await plain.goto(page.url().replace(/\?.*$/, ""));
  const plainTimeline = plain.getByRole("region", { name: "Timeline" });
  await plainTimeline.getByLabel("Initiative").uncheck();
  await plainTimeline.getByRole("button", { name: "Apply" }).click();
  await expect(plain).toHaveURL(/kind=meeting/);
  await expect(plainTimeline.getByRole("link", { name: "Heilongjiang Province days in Astana" })).toHaveCount(0);
  await context.close();
});
