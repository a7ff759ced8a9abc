import { expect, test, type Page } from "@playwright/test";

test.use({ locale: "en-GB" });

/**
 * From now on every script the browser asks for comes late: a form's code, loaded after the page
 * (app/forms/deferred.tsx), arrives well after the page's data.
 */
async function slowScripts(page: Page) {
  await page.route("**/build/**/*.js", async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.continue();
  });
}

test("a form page reached by a link shows its form with the page, however late the form's code comes", async ({
  page,
}) => {
  await page.goto("/meetings", { waitUntil: "networkidle" });
  await slowScripts(page);
  await page.getByRole("link", { name: "Log a meeting", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Log a meeting" })).toBeVisible({ timeout: 15_000 });
  // Checked at the moment the page shows, not waited for: no empty place where the form comes later.
  expect(await page.getByRole("button", { name: "Save" }).isVisible()).toBe(true);
  expect(await page.getByLabel("Purpose").isVisible()).toBe(true);
});

test("a partner's page reached by a link shows its timeline with the page", async ({ page }) => {
  await page.goto("/partners", { waitUntil: "networkidle" });
  await slowScripts(page);
  await page.getByRole("link", { name: "Heilongjiang Province" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Heilongjiang Province" })).toBeVisible({
    timeout: 15_000,
  });
  expect(await page.getByRole("region", { name: "Timeline" }).getByRole("link").first().isVisible()).toBe(true);
});
