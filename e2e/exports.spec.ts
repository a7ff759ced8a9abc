import fs from "node:fs";
import { expect, test } from "@playwright/test";

test.use({ locale: "en-GB" });

// Issue 16.2: a list downloaded with the filter it shows.
test("the meetings list downloads as CSV with its filter, in the reader's language", async ({ page }) => {
  await page.goto("/meetings");
  await page.getByLabel("Year").selectOption("2016");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/year=2016/);
  await expect(page.getByRole("link", { name: "Meeting with Heilongjiang Province" })).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^meetings-\d{4}-\d{2}-\d{2}\.csv$/);
  const bytes = fs.readFileSync((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "ID,Date,Time,Partner,Host,Place,Purpose,Country,Our participants,Guests,Summary,Topics raised,Initiatives,Source link,Outlet",
  );
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^\d+,2016 approx\.,,Heilongjiang Province,/);
});
