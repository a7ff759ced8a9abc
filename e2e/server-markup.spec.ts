import { expect, test } from "@playwright/test";

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

  // A filter applied after hydration: the next chart comes with the route's data.
  await page.getByLabel("Kind of relation").selectOption({ label: "Friendly relations" });
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/type=friendly/);
  await expect(chart).toContainText("Heilongjiang Province");
  await expect(chart).not.toContainText("Beijing");
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
