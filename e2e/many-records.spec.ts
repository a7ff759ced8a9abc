import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { MANY_APP, signInAsAdmin } from "./support";

// Past 200 partners a form asks for the partner by name (app/forms/RecordChoice.tsx) instead of
// sending a select of them all: at the national size that select had 1,001 options, the
// organisations' 3,000. The server's side is in tests/record-choices.test.ts; this is the browser's.
test.use({ locale: "en-GB", storageState: { cookies: [], origins: [] } });

test("the organisation form suggests the partner as its name is typed, in any script, and saves the one picked", async ({
  page,
}) => {
  await signInAsAdmin(page, MANY_APP);
  // Once the form's code has arrived: before that the picker is a plain text field.
  await page.goto(`${MANY_APP}/organisations/new`, { waitUntil: "networkidle" });
  await page.getByLabel("Name in English").fill("Qingzhou Foreign Affairs Office");
  const partner = page.getByRole("combobox", { name: "City or partner it belongs to" });
  await partner.fill("Цинч");
  const suggestions = page.getByRole("listbox", { name: "Partners on file" });
  await expect(suggestions.getByRole("option")).toHaveCount(1);
  await suggestions.getByRole("option", { name: /Qingzhou/ }).click();
  await expect(partner).toHaveValue("Qingzhou");
  await expect(page.getByText("On file", { exact: true })).toBeVisible();
  await page.getByRole("button", { name: "Save" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Qingzhou Foreign Affairs Office" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("link", { name: "Qingzhou" })).toBeVisible();
});

test("a partner typed that is not on file is refused beside the field, and what was typed stays", async ({ page }) => {
  await signInAsAdmin(page, MANY_APP);
  await page.goto(`${MANY_APP}/organisations/new`, { waitUntil: "networkidle" });
  await page.getByLabel("Name in English").fill("Atlantis Harbour Authority");
  const partner = page.getByRole("combobox", { name: "City or partner it belongs to" });
  await partner.fill("Atlantis");
  await page.getByRole("button", { name: "Save" }).click();

  await expect(partner).toHaveAccessibleDescription(
    "No partner on file has this name. Add the partner first, or pick from the suggestions.",
  );
  await expect(partner).toHaveValue("Atlantis");
  await expect(page.getByLabel("Name in English")).toHaveValue("Atlantis Harbour Authority");
});

test("a report's partner added from the review fills the meeting form's partner picker, and the meeting saves with it", async ({
  page,
}) => {
  await signInAsAdmin(page, MANY_APP);
  await page.goto(`${MANY_APP}/meetings/from-report`, { waitUntil: "networkidle" });
  await page.getByLabel("Text of the report").fill(fs.readFileSync("tests/fixtures/reports/jiangsu.en.txt", "utf8"));
  await page.getByLabel("Outlet").fill("Example News");
  await page.getByLabel("Publication date").fill("2025-03-15");
  await page.getByRole("button", { name: "Propose a meeting" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Check the proposed meeting" })).toBeVisible();

  // Past 200 partners the form names its partner in a picker, not a select of them all.
  const partner = page.getByRole("combobox", { name: /^Partner/ });
  await expect(page.getByLabel("Name of the new partner")).toHaveValue("Jiangsu Province");
  await page.getByRole("button", { name: "Add this partner" }).click();
  await expect(partner).toHaveValue("Jiangsu Province");
  await expect(partner).toBeFocused();

  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: /Jiangsu Province/ })).toBeVisible();
});
