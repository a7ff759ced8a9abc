import { expect, test } from "@playwright/test";

test.use({ locale: "en-GB" });

// Issue 13 item 12: news copied from the web writes Russian words with Latin look-alikes.
test("a meeting whose text mixes scripts is found by the plain Cyrillic word in the header search", async ({
  page,
}) => {
  // Latin p, e, c, a in "Пpeзидeнтcкaя", a Latin c and o in "cтипeндия": one word, two scripts.
  const purpose = "Пpeзидeнтcкaя cтипeндия для студентов";
  await page.goto("/meetings/new");
  await page.getByLabel("Partner", { exact: true }).selectOption({ label: "Heilongjiang Province" });
  await page.getByLabel("Year").fill("2023");
  await page.getByLabel("Purpose").fill(purpose);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Saved.");

  await page.goto("/", { waitUntil: "networkidle" });
  const search = page.getByRole("search");
  await search.getByLabel("Search people, partners, organisations, meetings and initiatives").fill("президентская");
  await search.getByRole("button", { name: "Search" }).click();
  const meetings = page.getByRole("region", { name: "Meetings" });
  await expect(meetings.getByText(purpose)).toBeVisible();
  // What matched is marked as it is written.
  await expect(meetings.locator("mark").first()).toHaveText("Пpeзидeнтcкaя");
  await meetings.getByRole("link", { name: "Meeting" }).first().click();
  await expect(page.getByText(purpose)).toBeVisible();
});
