import fs from "node:fs";
import { expect, request, test } from "@playwright/test";
import { DEMO_APP } from "./support";

test.use({ locale: "en-GB" });

// Issue 16.3, as a user meets it: a meeting's .ics, then the account's own feed, renewed.
test("a meeting goes into a calendar, and the account's feed address can be renewed", async ({ page }) => {
  await page.goto("/meetings");
  await page.getByRole("link", { name: "Meeting with Heilongjiang Province" }).click();
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Add to a calendar (.ics)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^meeting-\d+\.ics$/);
  const ics = fs.readFileSync((await download.path())!, "utf8");
  expect(ics).toContain("BEGIN:VCALENDAR");
  // The report gives no date: "2016, approx." spans the year, and says so.
  expect(ics).toContain("SUMMARY:Meeting with Heilongjiang Province (2016\\, approx.)");
  expect(ics).toContain("DTSTART;VALUE=DATE:20160101");

  await page.getByRole("link", { name: "Calendar", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Calendar feed" })).toBeVisible();
  await page.getByLabel("Language of the feed").selectOption({ label: "English" });
  await page.getByRole("button", { name: "Make my calendar feed" }).click();
  const first = await page.getByRole("textbox", { name: "Your feed's address" }).inputValue();
  expect(first).toMatch(new RegExp(`^${DEMO_APP}/calendar/[A-Za-z0-9_-]{43}\\.ics$`));

  // A calendar program has no session: the address alone opens the feed.
  const calendarProgram = await request.newContext();
  const feed = await calendarProgram.get(first);
  expect(feed.status()).toBe(200);
  expect(feed.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
  expect(feed.headers()["cache-control"]).toBe("private, no-store");
  // RFC 5545 TEXT: the comma in the calendar's name is escaped, as in every other text of the feed.
  expect(await feed.text()).toContain("X-WR-CALNAME:Kezdesu: meetings\\, visits and due dates\r\n");

  await page.getByRole("button", { name: "Give the feed a new address" }).click();
  const second = page.getByRole("textbox", { name: "Your feed's address" });
  await expect(second).not.toHaveValue(first);
  expect((await calendarProgram.get(await second.inputValue())).status()).toBe(200);
  expect((await calendarProgram.get(first)).status()).toBe(404);
  await calendarProgram.dispose();
});
